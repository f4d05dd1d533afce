"""Background work for notifications: the daily reminder sweep, one task per rule, and the
day's digest emails.

The outbox's own tasks (sending an email, queueing what is left waiting) are in
`notifications.outbox`, beside what they send.
"""

from __future__ import annotations

import datetime as dt

from celery import shared_task
from django.db import DatabaseError
from django.utils import timezone

from notifications import digest
from notifications import services as notifications
from notifications.outbox import notification_email_send, notifications_queue_pending

__all__ = [
    "notification_email_send",
    "notifications_digest",
    "notifications_queue_pending",
    "reminders_sweep",
]


@shared_task(acks_late=True)
def reminders_sweep(day: str | None = None) -> list[str]:
    """The daily sweep (beat): one task per rule, so a rule that fails is retried on its own."""
    day = day or timezone.localdate().isoformat()
    names = list(notifications.rules())
    for name in names:
        reminders_rule_run.delay(name, day)
    return names


@shared_task(
    acks_late=True,
    autoretry_for=(OSError, DatabaseError),
    retry_backoff=True,
    max_retries=5,
)
def reminders_rule_run(name: str, day: str) -> int:
    """Run one reminder rule for a day; a second run finds every reminder already recorded."""
    return notifications.rule_run(name=name, day=dt.date.fromisoformat(day))


@shared_task(
    acks_late=True,
    autoretry_for=(OSError, DatabaseError),
    retry_backoff=True,
    max_retries=5,
)
def notifications_digest(day: str | None = None) -> int:
    """The day's digest emails (beat, each evening); a second run records none."""
    day = day or timezone.localdate().isoformat()
    return digest.digests_make(day=dt.date.fromisoformat(day))
