"""Sending an invitation to make an account: the email and its task.

The link's secret is worked out again from the invitation (an HMAC under SECRET_KEY), so
it is never stored and never passes through the broker.
"""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from people.models import Invitation


def invitation_email_send(*, invitation_id: int) -> bool:
    """Send the invitation email once; the row lock and `emailed_at` make a repeat a no-op."""
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update()
            .select_related("young_person")
            .filter(pk=invitation_id)
            .first()
        )
        if invitation is None or invitation.emailed_at is not None or not invitation.is_usable:
            return False
        link = settings.SITE_URL.rstrip("/") + reverse(
            "portal:invitation-open", args=[invitation.link_token()]
        )
        context = {"invitation": invitation, "link": link, "days": settings.INVITATION_VALID_DAYS}
        send_mail(
            subject="Your leaving care account",
            message=render_to_string("portal/email/invitation.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[invitation.email],
        )
        invitation.emailed_at = timezone.now()
        invitation.save(update_fields=["emailed_at"])
        return True


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=8,
)
def send_invitation_email(self, invitation_id: int, link: str | None = None) -> bool:
    """Email an invitation link; safe to run twice because the service records the send.

    `link` is ignored: tasks queued by an older release carried it."""
    return invitation_email_send(invitation_id=invitation_id)
