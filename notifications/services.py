"""Telling people things once: notifications, their emails, and the daily reminder sweeps.

Each app writes its reminder rules in its own `reminders.py` and registers them here, so
this app never imports the apps above it. A rule names its candidate rows for a day; the
sweep reads them with one query and walks them in batches of `REMINDER_BATCH_SIZE`, with a
fixed number of queries a batch, and records one `Notification` per (recipient, key). The
key says what, about whom and for which due date, and the database keeps it unique: a sweep
run twice, or a task delivered twice after a worker died, tells nobody twice.

Email goes through the outbox (`notifications.outbox`), after commit, and so do texts to
care leavers who prefer them (`notifications.texts`).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from auditlog.context import set_actor
from django.conf import settings
from django.db import connection, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

from common.lookups import among
from notifications.kinds import is_digest
from notifications.models import EmailState, Notification
from notifications.outbox import emails_queue_on_commit
from notifications.texts import notification_texts_record
from people.models import Allocation, Role, User, YoungPerson

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
    # day -> the candidate rows (models, or `.values()` rows), read once, in primary key order
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

    Two queries whatever the batch size: the recipients' preferences, and the insert (which
    skips any (recipient, key) already there and returns what it made); a third, for the ids
    still waiting for email, only when some were there before; and, when care leavers are
    among the recipients, up to three more to text those who prefer texts. The rows go in as
    one JSON array, without a model object each: a sweep records tens of thousands.
    """
    if not reminders:
        return []
    recipients = list(
        User.objects.filter(
            pk__in=among({reminder.recipient_id for reminder in reminders}), is_active=True
        ).values_list("pk", "wants_email", "role")
    )
    wants_email = {pk: wants for pk, wants, _ in recipients}
    care_leavers = {pk for pk, _, role in recipients if role == Role.CARE_LEAVER}
    told = [reminder for reminder in reminders if reminder.recipient_id in wants_email]
    if not told:
        return []
    now = timezone.now()
    states = {
        (kind, wants): _email_state(kind, wants)
        for kind in {reminder.kind for reminder in told}
        for wants in (True, False)
    }
    made = json.dumps(
        [
            {
                "r": reminder.recipient_id,
                "k": reminder.key,
                "t": reminder.kind,
                "y": reminder.young_person_id,
                "d": reminder.due_on,
                "m": reminder.message[:500],
                "l": reminder.link,
                "e": states[reminder.kind, wants_email[reminder.recipient_id]],
            }
            for reminder in told
        ],
        default=dt.date.isoformat,
    )
    with connection.cursor() as cursor:
        cursor.execute(_INSERT, [now, made])
        inserted = cursor.fetchall()
    if care_leavers:
        notification_texts_record(
            recipient_ids=care_leavers,
            keys=[reminder.key for reminder in told if reminder.recipient_id in care_leavers],
            made_at=now,
        )
    if len(inserted) == len(told):
        return [pk for pk, state in inserted if state == EmailState.PENDING]
    # Some were recorded before: those still waiting for email are emailed (once: the
    # email's row lock and state see to that), as they were when this was a model insert.
    return list(
        Notification.objects.filter(
            recipient_id__in=among({reminder.recipient_id for reminder in told}),
            key__in={reminder.key for reminder in told},
            email_state=EmailState.PENDING,
        ).values_list("pk", flat=True)
    )


# The batch as one JSON array of rows, in the reminders' order (one string to send, which
# Python's json writes far faster than psycopg adapts thousands of values); what is there
# already is skipped.
_INSERT = f"""
    INSERT INTO {Notification._meta.db_table}
        (recipient_id, key, kind, young_person_id, due_on, message, link, email_state,
         created_at, email_attempts)
    SELECT r, k, t, y, d, m, l, e, %s, 0
    FROM json_to_recordset(%s::json)
        AS made (r bigint, k varchar, t varchar, y bigint, d date, m varchar, l varchar,
                 e varchar)
    ON CONFLICT DO NOTHING
    RETURNING id, email_state
"""  # noqa: S608 (the table's name is the model's)


def _email_state(kind: str, wants_email: bool) -> str:
    """Emailed on its own, in the day's digest (a kind that comes in bursts), or not at all."""
    if not wants_email:
        return EmailState.NOT_WANTED
    return EmailState.DIGEST if is_digest(kind) else EmailState.PENDING


def notify(reminder: Reminder) -> None:
    """Tell one person now (inside the caller's transaction); the email goes after commit."""
    emails_queue_on_commit(notifications_record([reminder]))


def notify_all(reminders: Sequence[Reminder]) -> None:
    """Tell several people at once (a payment run), in the caller's transaction."""
    emails_queue_on_commit(notifications_record(reminders))


def notify_pa(
    *, young_person_id: int, by: User, key: str, kind: str, message: str, link: str = ""
) -> bool:
    """Tell a young person's current PA of something someone else did: the young person,
    a colleague on duty, a manager. A young person with no PA just now is not left unheard:
    their council's service managers are told instead. False when no one was told."""
    pa_id = (
        Allocation.objects.filter(young_person_id=young_person_id, ended_on__isnull=True)
        .values_list("pa_id", flat=True)
        .first()
    )
    if pa_id is None:
        recipients = list(
            User.objects.filter(
                role=Role.MANAGER,
                sees_all_teams=True,
                is_active=True,
                authority__young_people__pk=young_person_id,
            ).values_list("pk", flat=True)
        )
    else:
        recipients = [pa_id]
    recipients = [pk for pk in recipients if pk != by.pk]
    for recipient_id in recipients:
        notify(
            Reminder(
                recipient_id=recipient_id,
                key=key,
                kind=kind,
                message=message,
                link=link,
                young_person_id=young_person_id,
            )
        )
    return bool(recipients)


def for_young_person(
    young_person: YoungPerson, *, key: str, kind: str, message: str, link: str
) -> Reminder | None:
    """What to tell a young person in the portal, if they have an account to be told in."""
    if young_person.user_id is None:
        return None
    return Reminder(
        recipient_id=young_person.user_id,
        key=key,
        kind=kind,
        message=message,
        link=link,
        young_person_id=young_person.pk,
    )


def notify_young_person(young_person: YoungPerson, **reminder) -> bool:
    """Tell a young person something (`for_young_person`'s arguments); False without an account."""
    told = for_young_person(young_person, **reminder)
    if told is not None:
        notify(told)
    return told is not None


def rule_run(*, name: str, day: dt.date) -> int:
    """Walk one rule's rows for `day` in batches, each batch its own transaction.

    Each batch is read afresh by primary key in its own transaction, so it finds the record
    as it is then: a young person moved to another PA while the sweep runs is the new PA's
    to be told. A rule's rows may be models or `.values()` rows (with `pk`): rows of only
    the columns a reminder needs are much cheaper when a rule has tens of thousands.
    Returns how many reminders the rule asked for (already-sent ones included).
    """
    rule = rules().get(name)
    if rule is None:  # queued before a release that removed or renamed it
        logger.warning("No reminder rule is called %s; nothing to run", name)
        return 0
    size = settings.REMINDER_BATCH_SIZE
    after = 0
    asked = 0
    while True:
        with transaction.atomic():
            batch = list(rule.rows(day).filter(pk__gt=after).order_by("pk")[:size])
            if not batch:
                return asked
            reminders = list(rule.reminders(batch, day))
            emails_queue_on_commit(notifications_record(reminders))
        last = batch[-1]
        after = last["pk"] if isinstance(last, dict) else last.pk
        asked += len(reminders)
        if settings.REMINDER_BATCH_PAUSE_SECONDS:
            # A throttle, so a big sweep leaves the database room for people using the site.
            time.sleep(settings.REMINDER_BATCH_PAUSE_SECONDS)


def links(viewname: str, arity: int = 1) -> Callable[..., str]:
    """`reverse(viewname, args=ids)` for a batch of rows: the URL is reversed once, with
    stand-in ids, and each row's ids are put in their place (a reverse a row is most of a
    reminder's cost). Only for URLs whose arguments are all ids."""
    stand_ins = [str(_STAND_IN + place) for place in range(arity)]
    pattern = reverse(viewname, args=stand_ins).replace("{", "{{").replace("}", "}}")
    for place, stand_in in enumerate(stand_ins):
        if pattern.count(stand_in) != 1:
            raise ValueError(f"{viewname} cannot be filled in from ids")
        pattern = pattern.replace(stand_in, f"{{{place}}}")
    return pattern.format


_STAND_IN = 7_340_912_650_000


def notifications_withdraw(keys: Iterable[str]) -> int:
    """What is no longer so (a handover cancelled): not emailed if its email still waits (on
    its own or in the day's digest), and marked read. The notification itself is kept."""
    waiting = [EmailState.PENDING, EmailState.DIGEST]
    now = timezone.now()
    notifications = Notification.objects.filter(key__in=list(keys))
    notifications.filter(email_state__in=waiting).update(email_state=EmailState.NOT_WANTED)
    return notifications.filter(read_at__isnull=True).update(read_at=now)


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


def notification_settings_save(
    *, user: User, wants_email: bool, preferred_contact: str | None = None
) -> None:
    """Save how someone hears from us; a care leaver's contact preference is on their record."""
    with transaction.atomic(), set_actor(user):
        user.wants_email = wants_email
        user.save(update_fields=["wants_email"])
        if preferred_contact is not None:
            YoungPerson.objects.filter(user=user).update(preferred_contact=preferred_contact)
