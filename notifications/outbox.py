"""The outbox: the one place that sends email.

A notification waiting for email is `pending` until a task sends it under a row lock and
marks it `sent` in the same transaction. Tasks are queued after commit; if the broker is
away, or a task is lost, the outbox run (beat, every few minutes) queues what is still
waiting, so nothing recorded is left unsent.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable

from celery import shared_task
from celery.utils.time import get_exponential_backoff_interval
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError

from notifications.models import EmailState, Notification

logger = logging.getLogger(__name__)


def emails_queue(notification_ids: Iterable[int]) -> int:
    """Queue an email task for each id. If the broker is away, the outbox run queues them later."""
    queued = 0
    try:
        for notification_id in notification_ids:
            notification_email_send.delay(notification_id)
            queued += 1
    except OperationalError:
        logger.warning("The broker is unreachable; the outbox run will queue the emails left")
    return queued


def email_send(*, notification_id: int) -> bool:
    """Email one pending notification; the row lock and the state make a second run do nothing.

    The email names nobody: its subject is what kind of thing it is, and the link leads to
    the portal, where the person signs in to see who it is about.
    """
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("recipient")
            .filter(pk=notification_id, email_state=EmailState.PENDING)
            .first()
        )
        if notification is None:
            return False
        recipient = notification.recipient
        body = render_to_string(
            "notifications/email/notification.txt",
            {
                "name": recipient.first_name,
                "subject": notification.get_kind_display(),
                "url": settings.SITE_URL.rstrip("/") + notification.get_absolute_url(),
                "preferences_url": settings.SITE_URL.rstrip("/")
                + reverse("notifications:settings"),
            },
        )
        message = EmailMessage(
            subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{notification.get_kind_display()}",
            body=body,
            to=[recipient.email],
            # The same id on every attempt, so a mail system can recognise a repeat.
            headers={"Message-ID": _message_id(notification)},
        )
        message.send()
        notification.email_state = EmailState.SENT
        notification.emailed_at = timezone.now()
        notification.email_attempts += 1
        notification.save(update_fields=["email_state", "emailed_at", "email_attempts"])
    return True


def _message_id(notification: Notification) -> str:
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2] or "localhost"
    return f"<notification-{notification.pk}@{domain}>"


def email_failed(*, notification_id: int, attempts: int, retry_at: dt.datetime | None) -> None:
    """Count a failed attempt; `retry_at` is when the task tries again (None: it gave up,
    and the notification stays in the portal only)."""
    update = {"email_attempts": attempts, "email_retry_at": retry_at}
    if retry_at is None:
        update["email_state"] = EmailState.FAILED
    Notification.objects.filter(pk=notification_id, email_state=EmailState.PENDING).update(**update)


def pending_ids(older_than: dt.timedelta) -> list[int]:
    """Emails still waiting a while after they were recorded, or after their retry was due:
    their task was lost (a broker outage, a worker gone) or is late."""
    cutoff = timezone.now() - older_than
    return list(
        Notification.objects.filter(email_state=EmailState.PENDING, created_at__lte=cutoff)
        .filter(Q(email_retry_at__isnull=True) | Q(email_retry_at__lte=cutoff))
        .order_by("created_at")
        .values_list("pk", flat=True)[:5000]
    )


@shared_task(bind=True, acks_late=True, max_retries=8)
def notification_email_send(self, notification_id: int) -> bool:
    """Email one notification, retrying with exponential back-off (at most 10 minutes apart)."""
    try:
        return email_send(notification_id=notification_id)
    except OSError as error:  # smtplib's errors are OSErrors too
        attempts = self.request.retries + 1
        if self.request.retries >= self.max_retries:
            email_failed(notification_id=notification_id, attempts=attempts, retry_at=None)
            return False
        countdown = get_exponential_backoff_interval(
            factor=1, retries=self.request.retries, maximum=600, full_jitter=True
        )
        # Recorded, so the outbox run leaves this email to its retry rather than queue another.
        email_failed(
            notification_id=notification_id,
            attempts=attempts,
            retry_at=timezone.now() + dt.timedelta(seconds=countdown),
        )
        raise self.retry(exc=error, countdown=countdown) from error


@shared_task(acks_late=True)
def notifications_queue_pending(older_than_seconds: int = 120) -> int:
    """The outbox run (beat, every few minutes): queue emails whose task was lost or never sent."""
    older_than = dt.timedelta(seconds=older_than_seconds)
    return emails_queue(pending_ids(older_than))
