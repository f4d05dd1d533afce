"""Background work for people: thin tasks that load by id and call a service.

Every task here is safe to run twice: the services record their effect under a unique
key or a state that a second run sees.
"""

from __future__ import annotations

import datetime as dt

from celery import shared_task
from celery.utils.time import get_exponential_backoff_interval
from django.db import DatabaseError
from django.utils import timezone

from portal import notifications, services


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=8,
)
def send_invitation_email(self, invitation_id: int, link: str) -> bool:
    """Email an invitation link; safe to run twice because the service records the send."""
    return services.invitation_email_send(invitation_id=invitation_id, link=link)


@shared_task(bind=True, acks_late=True, max_retries=8)
def notification_email_send(self, notification_id: int) -> bool:
    """Email one notification, retrying with exponential back-off (at most 10 minutes apart)."""
    try:
        return notifications.email_send(notification_id=notification_id)
    except OSError as error:  # smtplib's errors are OSErrors too
        attempts = self.request.retries + 1
        if self.request.retries >= self.max_retries:
            notifications.email_failed(
                notification_id=notification_id, attempts=attempts, retry_at=None
            )
            return False
        countdown = get_exponential_backoff_interval(
            factor=1, retries=self.request.retries, maximum=600, full_jitter=True
        )
        # Recorded, so the outbox run leaves this email to its retry rather than queue another.
        notifications.email_failed(
            notification_id=notification_id,
            attempts=attempts,
            retry_at=timezone.now() + dt.timedelta(seconds=countdown),
        )
        raise self.retry(exc=error, countdown=countdown) from error


@shared_task(acks_late=True)
def notifications_queue_pending(older_than_seconds: int = 120) -> int:
    """The outbox run (beat, every few minutes): queue emails whose task was lost or never sent."""
    older_than = dt.timedelta(seconds=older_than_seconds)
    return notifications.emails_queue(notifications.pending_ids(older_than))


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


@shared_task(acks_late=True)
def dashboards_warm() -> int:
    """Nightly (beat): work out the dashboards' earlier months before the first manager looks."""
    # Here, not at the top: the dashboard reads every app, and they import portal.services,
    # which imports this module.
    from portal import dashboard

    return dashboard.warm(timezone.localdate())
