"""Telling people things once: notifications, their emails, and the daily reminder sweeps.

Each app writes its reminder rules in its own `reminders.py` and registers them here, so
`portal` never imports the apps. A rule names its candidate rows for a day; the sweep walks
them in batches of `REMINDER_BATCH_SIZE` by primary key, with a fixed number of queries a
batch, and records one `Notification` per (recipient, key). The key says what, about whom
and for which due date, and the database keeps it unique: a sweep run twice, or a task
delivered twice after a worker died, tells nobody twice.

Email is an outbox: a notification waiting for email is `pending` until a task sends it
under a row lock and marks it `sent` in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules
from kombu.exceptions import OperationalError

from portal.models import EmailState, Notification, User

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Reminder:
    """One thing to tell one person. `key` is unique per recipient: what, about whom, when."""

    recipient_id: int
    key: str
    kind: str
    message: str
    link: str = ""
    young_person_id: int | None = None
    due_on: dt.date | None = None


@dataclass(frozen=True)
class Rule:
    name: str
    # day -> the candidate rows (any model); the sweep pages them by primary key
    rows: Callable[[dt.date], QuerySet]
    # (a batch of rows, day) -> what to tell whom
    reminders: Callable[[list, dt.date], Iterable[Reminder]]


_rules: dict[str, Rule] = {}


def register_rule(
    name: str,
    *,
    rows: Callable[[dt.date], QuerySet],
    reminders: Callable[[list, dt.date], Iterable[Reminder]],
) -> None:
    _rules[name] = Rule(name=name, rows=rows, reminders=reminders)


def rules() -> dict[str, Rule]:
    """Every app's reminder rules, by name (importing each app's `reminders` module once)."""
    autodiscover_modules("reminders")
    return dict(sorted(_rules.items()))


def notifications_record(reminders: Sequence[Reminder]) -> list[int]:
    """Record what is new in one statement; return the ids in this batch still waiting for email.

    Three queries whatever the batch size: the recipients' preferences, the insert (which
    skips any (recipient, key) already there), and the ids to email.
    """
    if not reminders:
        return []
    wants_email = dict(
        User.objects.filter(
            pk__in={reminder.recipient_id for reminder in reminders}, is_active=True
        ).values_list("pk", "wants_email")
    )
    now = timezone.now()
    rows = [
        Notification(
            recipient_id=reminder.recipient_id,
            key=reminder.key,
            kind=reminder.kind,
            young_person_id=reminder.young_person_id,
            due_on=reminder.due_on,
            message=reminder.message[:500],
            link=reminder.link,
            created_at=now,
            email_state=(
                EmailState.PENDING if wants_email[reminder.recipient_id] else EmailState.NOT_WANTED
            ),
        )
        for reminder in reminders
        if reminder.recipient_id in wants_email
    ]
    if not rows:
        return []
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    return list(
        Notification.objects.filter(
            recipient_id__in={row.recipient_id for row in rows},
            key__in={row.key for row in rows},
            email_state=EmailState.PENDING,
        ).values_list("pk", flat=True)
    )


def emails_queue(notification_ids: Iterable[int]) -> int:
    """Queue an email task for each id. If the broker is away, the outbox run queues them later."""
    from portal.tasks import notification_email_send

    queued = 0
    try:
        for notification_id in notification_ids:
            notification_email_send.delay(notification_id)
            queued += 1
    except OperationalError:
        logger.warning("The broker is unreachable; the outbox run will queue the emails left")
    return queued


def notify(reminder: Reminder) -> None:
    """Tell one person now (inside the caller's transaction); the email goes after commit."""
    pending = notifications_record([reminder])
    if pending:
        transaction.on_commit(lambda: emails_queue(pending))


def rule_run(*, name: str, day: dt.date) -> int:
    """Walk one rule's rows for `day` in batches, each batch its own transaction.

    Returns how many reminders the rule asked for (already-sent ones included).
    """
    rule = rules()[name]
    size = settings.REMINDER_BATCH_SIZE
    after = 0
    asked = 0
    while True:
        with transaction.atomic():
            batch = list(rule.rows(day).filter(pk__gt=after).order_by("pk")[:size])
            if not batch:
                return asked
            reminders = list(rule.reminders(batch, day))
            pending = notifications_record(reminders)
            transaction.on_commit(lambda pending=pending: emails_queue(pending))
        after = batch[-1].pk
        asked += len(reminders)
        if settings.REMINDER_BATCH_PAUSE_SECONDS:
            # A throttle, so a big sweep leaves the database room for people using the site.
            time.sleep(settings.REMINDER_BATCH_PAUSE_SECONDS)


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
            "portal/email/notification.txt",
            {
                "name": recipient.first_name,
                "subject": notification.get_kind_display(),
                "url": settings.SITE_URL.rstrip("/") + notification.get_absolute_url(),
                "preferences_url": settings.SITE_URL.rstrip("/")
                + reverse("portal:notification-settings"),
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


def unread_count(user: User) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def for_user(user: User) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-pk")


def notification_open(*, user: User, notification_id: int) -> Notification | None:
    """The user's own notification, marked read; None for anyone else's."""
    notification = for_user(user).filter(pk=notification_id).first()
    if notification is not None and notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def notifications_read_all(*, user: User) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
