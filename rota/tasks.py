"""Background work for the rota: thin tasks that load by id and call a service."""

from __future__ import annotations

from celery import shared_task
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from rota.models import SwapOffer


@shared_task(bind=True, acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=8)
def tell_about_swap(self, offer_id: int) -> bool:
    """Email both PAs that a swap went through; `told_at` makes a second run do nothing."""
    with transaction.atomic():
        offer = (
            SwapOffer.objects.select_for_update(of=("self",))
            .select_related("shift", "offered_by", "taken_by")
            .get(pk=offer_id)
        )
        if offer.told_at is not None or offer.taken_by is None:
            return False
        start = timezone.localtime(offer.shift.starts_at)
        when = f"{start:%A %-d %B, %H:%M}"
        send_mail(
            subject=f"Duty swap: {when}",
            message=(
                f"{offer.taken_by.get_full_name()} has taken {offer.offered_by.get_full_name()}'s "
                f"{offer.shift.get_role_display().lower()} shift on {when}. The rota is updated."
            ),
            from_email=None,
            recipient_list=[offer.offered_by.email, offer.taken_by.email],
        )
        offer.told_at = timezone.now()
        offer.save(update_fields=["told_at"])
    return True
