"""The outbox: the one place that sends email.

Two kinds of row wait here: a notification for someone who wants email, and an `Email`
(an invitation, a message to a young person without an account), written when it is sent
by the writer its app registered. Either is `pending` until a task sends it under a row
lock and marks it `sent` in the same transaction. Tasks are queued after commit; if the
broker is away, or a task is lost, the outbox run (beat, every few minutes) queues what is
still waiting, so nothing recorded is left unsent.

So whatever is to be told after a commit is recorded in that commit, as one of these rows:
never only as a task queued on commit, which a broker outage loses.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

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
from redis.exceptions import RedisError

from common.urls import site_url
from notifications.models import Email, EmailState, Notification, OutboxMessage

logger = logging.getLogger(__name__)


def _queue(task, ids: Iterable[int]) -> int:
    """Queue `task` for each id. If the broker is away, the outbox run queues them later."""
    queued = 0
    try:
        for pk in ids:
            task.delay(pk)
            queued += 1
    except (OperationalError, RedisError, OSError) as error:
        # Only the error's kind: its text can name the broker's address, and never an id.
        logger.warning(
            "The broker is unreachable (%s); the outbox run will queue the emails left",
            type(error).__name__,
        )
    return queued


def _queue_on_commit(task, ids: list[int]) -> None:
    """Once the caller's transaction commits, ask a worker to send these now.

    Only a nudge: the rows are recorded in that transaction, so if it fails the outbox run
    sends them later. `robust`, so that nothing going wrong here fails a request whose work
    is already saved."""
    if ids:
        transaction.on_commit(lambda: _queue(task, ids), robust=True)


def _waiting(rows, cutoff: dt.datetime, retry_at: str) -> list[int]:
    """Rows still waiting a while after they were recorded, or after their retry was due:
    their task was lost (a broker outage, a worker gone) or is late."""
    due = Q(**{f"{retry_at}__isnull": True}) | Q(**{f"{retry_at}__lte": cutoff})
    return list(
        rows.filter(created_at__lte=cutoff)
        .filter(due)
        .order_by("created_at")
        .values_list("pk", flat=True)[:5000]
    )


def emails_queue(notification_ids: Iterable[int]) -> int:
    return _queue(notification_email_send, notification_ids)


def emails_queue_on_commit(notification_ids: list[int]) -> None:
    """For notifications recorded in the caller's transaction: email them after commit."""
    _queue_on_commit(notification_email_send, notification_ids)


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
                "url": site_url(notification.get_absolute_url()),
                "preferences_url": site_url(reverse("notifications:settings")),
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
    """Notification emails whose task was lost or is late."""
    pending = Notification.objects.filter(email_state=EmailState.PENDING)
    return _waiting(pending, timezone.now() - older_than, "email_retry_at")


def _send_retrying(task, send: Callable[[], bool], failed: Callable[..., None]) -> bool:
    """Run `send`, retrying with exponential back-off (at most 10 minutes apart) on a mail
    error; each failure is recorded with when the task tries again (None: it gave up)."""
    try:
        return send()
    except OSError as error:  # smtplib's errors are OSErrors too
        attempts = task.request.retries + 1
        if task.request.retries >= task.max_retries:
            failed(attempts=attempts, retry_at=None)
            return False
        countdown = get_exponential_backoff_interval(
            factor=1, retries=task.request.retries, maximum=600, full_jitter=True
        )
        # Recorded, so the outbox run leaves this email to its retry rather than queue another.
        failed(attempts=attempts, retry_at=timezone.now() + dt.timedelta(seconds=countdown))
        raise task.retry(exc=error, countdown=countdown) from error


@shared_task(bind=True, acks_late=True, max_retries=8)
def notification_email_send(self, notification_id: int) -> bool:
    """Email one notification; a second delivery of the task sends nothing."""
    return _send_retrying(
        self,
        lambda: email_send(notification_id=notification_id),
        lambda **attempt: email_failed(notification_id=notification_id, **attempt),
    )


# --- Emails that are not notifications ------------------------------------------------------


@dataclass(frozen=True)
class Writer:
    # object id -> (subject, body), or None when the email is no longer wanted
    write: Callable[[int], tuple[str, str] | None]
    # object id -> None: recorded on the object, in the same transaction as the send
    sent: Callable[[int], None] | None = None
    # object id -> the address it should go to now: an email recorded for another (the
    # address was corrected meanwhile) is not sent, as its link would reach the wrong person
    addressed: Callable[[int], str | None] | None = None


_writers: dict[str, Writer] = {}


def register_email(
    kind: str,
    *,
    write: Callable[[int], tuple[str, str] | None],
    sent: Callable[[int], None] | None = None,
    addressed: Callable[[int], str | None] | None = None,
) -> None:
    """An app says how to write its emails of `kind` from the id of what they are about."""
    _writers[kind] = Writer(write=write, sent=sent, addressed=addressed)


def email_record(*, kind: str, key: str, to: str, object_id: int) -> bool:
    """Put an email in the outbox, inside the caller's transaction; it goes after commit.

    False if an email with this key was recorded before (it is not sent again)."""
    if kind not in _writers:
        raise ValueError(f"No writer is registered for {kind!r} emails")
    email, made = Email.objects.get_or_create(
        key=key, defaults={"kind": kind, "to": to, "object_id": object_id}
    )
    if made:
        _queue_on_commit(outbox_email_send, [email.pk])
    return made


def outbox_queue(email_ids: Iterable[int]) -> int:
    return _queue(outbox_email_send, email_ids)


def _same_address(now: str | None, recorded: str) -> bool:
    return bool(now) and now.strip().lower() == recorded.strip().lower()


def locked_if_pending(model: type[OutboxMessage], pk: int) -> OutboxMessage | None:
    """The outbox row, locked, if it is still waiting and no other worker holds it."""
    return model.objects.select_for_update(skip_locked=True).filter(pk=pk, state="pending").first()


def outbox_email_send_now(*, email_id: int) -> bool:
    """Write and send one pending email; the row lock and the state make a repeat do nothing."""
    with transaction.atomic():
        email = locked_if_pending(Email, email_id)
        if email is None:
            return False
        writer = _writers[email.kind]
        address = writer.addressed(email.object_id) if writer.addressed else email.to
        written = writer.write(email.object_id) if _same_address(address, email.to) else None
        if written is None:  # no longer wanted: an invitation revoked or used, say
            email.state = EmailState.NOT_WANTED
            email.save(update_fields=["state"])
            return False
        subject, body = written
        domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2] or "localhost"
        EmailMessage(
            subject=subject,
            body=body,
            to=[email.to],
            headers={"Message-ID": f"<email-{email.pk}@{domain}>"},
        ).send()
        email.state = EmailState.SENT
        email.sent_at = timezone.now()
        email.attempts += 1
        email.save(update_fields=["state", "sent_at", "attempts"])
        if writer.sent is not None:
            writer.sent(email.object_id)
    return True


def outbox_email_failed(*, email_id: int, attempts: int, retry_at: dt.datetime | None) -> None:
    update = {"attempts": attempts, "retry_at": retry_at}
    if retry_at is None:
        update["state"] = EmailState.FAILED
    Email.objects.filter(pk=email_id, state=EmailState.PENDING).update(**update)


def outbox_pending_ids(older_than: dt.timedelta) -> list[int]:
    """Outbox emails whose task was lost or is late."""
    pending = Email.objects.filter(state=EmailState.PENDING)
    return _waiting(pending, timezone.now() - older_than, "retry_at")


@shared_task(bind=True, acks_late=True, max_retries=8)
def outbox_email_send(self, email_id: int) -> bool:
    """Send one outbox email; a second delivery of the task sends nothing."""
    return _send_retrying(
        self,
        lambda: outbox_email_send_now(email_id=email_id),
        lambda **attempt: outbox_email_failed(email_id=email_id, **attempt),
    )


# Other channels the outbox sends (texts: `notifications.texts`) queue what they have
# left waiting: older_than -> how many they queued.
_other_waiting: list[Callable[[dt.timedelta], int]] = []


def register_waiting(queue_waiting: Callable[[dt.timedelta], int]) -> None:
    if queue_waiting not in _other_waiting:
        _other_waiting.append(queue_waiting)


@shared_task(acks_late=True)
def notifications_queue_pending(older_than_seconds: int = 120) -> int:
    """The outbox run (beat, every few minutes): queue emails whose task was lost or never sent."""
    older_than = dt.timedelta(seconds=older_than_seconds)
    others = sum(queue_waiting(older_than) for queue_waiting in _other_waiting)
    emails = emails_queue(pending_ids(older_than)) + outbox_queue(outbox_pending_ids(older_than))
    return emails + others
