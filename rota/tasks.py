"""Background work for the rota: thin tasks that load by id and call a service."""

from __future__ import annotations

from celery import shared_task
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from notifications.services import Reminder, notify
from rota.models import NotificationKind, SwapOffer


@shared_task(bind=True, acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=8)
def tell_about_swap(self, offer_id: int) -> bool:
    """Tell both PAs that a swap went through; `told_at` and the keys make it happen once."""
    with transaction.atomic():
        offer = (
            SwapOffer.objects.select_for_update(of=("self",))
            .select_related("shift", "offered_by", "taken_by")
            .get(pk=offer_id)
        )
        if offer.told_at is not None or offer.taken_by is None:
            return False
        start = timezone.localtime(offer.shift.starts_at)
        what = (
            f"{offer.taken_by.get_full_name()} has taken {offer.offered_by.get_full_name()}'s "
            f"{offer.shift.get_role_display().lower()} shift on {start:%A %-d %B, %H:%M}. "
            "The rota is updated."
        )
        for pa in (offer.offered_by, offer.taken_by):
            notify(
                Reminder(
                    recipient_id=pa.pk,
                    key=f"swap:{offer.pk}",
                    kind=NotificationKind.SWAP_DONE,
                    message=what,
                    link=reverse("rota:mine"),
                    due_on=start.date(),
                )
            )
        offer.told_at = timezone.now()
        offer.save(update_fields=["told_at"])
    return True
