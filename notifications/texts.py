"""The outbox's texts: GOV.UK Notify beside email, for care leavers who read a phone.

A `Text` is recorded in the transaction of what it tells (a notification, an invitation)
and written by its kind's writer only when it is sent, under a row lock, so nothing secret
is stored or passes through the broker and a repeat sends nothing. Notify being busy
(429) or failing (5xx) is retried with back-off, as a mail server's failure is; a text it
refuses (400, 403) is marked failed with a plain reason that staff see on the young
person's page, and is not tried again. Nothing here logs a message or a number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from common.phones import uk_mobile
from common.urls import site_url
from notifications.models import Notification, Text, TextState
from notifications.notify import TextRefused, text_send
from notifications.outbox import (
    _queue,
    _queue_on_commit,
    _send_retrying,
    _waiting,
    locked_if_pending,
    register_waiting,
)
from people.models import ContactMethod, Role, YoungPerson


@dataclass(frozen=True)
class TextWriter:
    # object id -> the message, or None when the text is no longer wanted
    write: Callable[[int], str | None]
    # object id -> None: recorded on the object, in the same transaction as the send
    sent: Callable[[int], None] | None = None


_writers: dict[str, TextWriter] = {}

NOTIFICATION = "notification"


def register_text(
    kind: str, *, write: Callable[[int], str | None], sent: Callable[[int], None] | None = None
) -> None:
    """An app says how to write its texts of `kind` from the id of what they are about."""
    _writers[kind] = TextWriter(write=write, sent=sent)


def text_record(*, kind: str, key: str, to: str, object_id: int, young_person_id: int) -> bool:
    """Put a text in the outbox, inside the caller's transaction; it goes after commit.

    `to` is normalised for Notify; False if it is not a UK mobile number, or a text with
    this key was recorded before (it is not sent again)."""
    if kind not in _writers:
        raise ValueError(f"No writer is registered for {kind!r} texts")
    number = uk_mobile(to)
    if number is None or not settings.TEXTS_ENABLED:
        return False
    text, made = Text.objects.get_or_create(
        key=key,
        defaults={
            "kind": kind,
            "to": number,
            "object_id": object_id,
            "young_person_id": young_person_id,
        },
    )
    if made:
        _queue_on_commit(outbox_text_send, [text.pk])
    return made


def notification_texts_record(
    *, recipient_ids: Iterable[int], keys: Iterable[str], made_at: dt.datetime
) -> None:
    """Text the notifications just recorded (at `made_at`) to those of their recipients who
    are care leavers preferring texts, with a mobile number. A reminder recorded before, and
    asked for again, is not texted again."""
    recipient_ids, keys = set(recipient_ids), set(keys)
    if not recipient_ids or not keys or not settings.TEXTS_ENABLED:
        return
    rows = (
        Notification.objects.filter(
            recipient_id__in=recipient_ids,
            key__in=keys,
            created_at=made_at,
            recipient__role=Role.CARE_LEAVER,
            recipient__young_person__preferred_contact=ContactMethod.TEXT,
        )
        .exclude(recipient__young_person__phone="")
        .values_list("pk", "recipient__young_person__pk", "recipient__young_person__phone")
    )
    texts = [
        Text(
            key=f"{NOTIFICATION}:{pk}",
            kind=NOTIFICATION,
            to=number,
            object_id=pk,
            young_person_id=person_id,
        )
        for pk, person_id, phone in rows
        if (number := uk_mobile(phone)) is not None
    ]
    if texts:
        Text.objects.bulk_create(texts, ignore_conflicts=True)
        pending = Text.objects.filter(
            key__in=[text.key for text in texts], state=TextState.PENDING
        ).values_list("pk", flat=True)
        _queue_on_commit(outbox_text_send, list(pending))


def notification_text(notification_id: int) -> str | None:
    """What a notification's text says: its kind (which names no one) and the portal's link.

    A text can be read on a locked screen, so it carries nothing from the notification's
    own message (a name, an amount, a health detail)."""
    notification = Notification.objects.filter(pk=notification_id).first()
    if notification is None:
        return None
    url = site_url(notification.get_absolute_url())
    # Not even its kind ("Your claim was not approved"): whoever sees the screen learns
    # nothing about them, not that they are a care leaver.
    return f"You have a new message. Sign in to see it: {url}"


def text_send_now(*, text_id: int) -> bool:
    """Write and send one pending text; the row lock and the state make a repeat do nothing.

    A text Notify refuses is marked failed with its reason, and not tried again."""
    with transaction.atomic():
        text = locked_if_pending(Text, text_id)
        if text is None:
            return False
        writer = _writers[text.kind]
        message = writer.write(text.object_id)
        text.attempts += 1
        if message is None:  # no longer wanted: an invitation revoked or used, say
            text.state = TextState.NOT_WANTED
            text.save(update_fields=["state", "attempts"])
            return False
        try:
            text.notify_id = text_send(to=text.to, message=message, reference=f"text-{text.pk}")
        except TextRefused as refused:
            text.state = TextState.FAILED
            text.failure_reason = str(refused)[:200]
            text.retry_at = None
            text.save(update_fields=["state", "failure_reason", "retry_at", "attempts"])
            return False
        text.state = TextState.SENT
        text.sent_at = timezone.now()
        text.save(update_fields=["state", "sent_at", "notify_id", "attempts"])
        if writer.sent is not None:
            writer.sent(text.object_id)
    return True


def text_failed(*, text_id: int, attempts: int, retry_at: dt.datetime | None) -> None:
    """Count an attempt Notify did not answer; None: it gave up."""
    update: dict = {"attempts": attempts, "retry_at": retry_at}
    if retry_at is None:
        update["state"] = TextState.FAILED
        update["failure_reason"] = "Notify did not answer after several tries."
    Text.objects.filter(pk=text_id, state=TextState.PENDING).update(**update)


@shared_task(bind=True, acks_late=True, max_retries=8)
def outbox_text_send(self, text_id: int) -> bool:
    """Send one outbox text; a second delivery of the task sends nothing."""
    return _send_retrying(
        self,
        lambda: text_send_now(text_id=text_id),
        lambda **attempt: text_failed(text_id=text_id, **attempt),
    )


def texts_queue(text_ids: Iterable[int]) -> int:
    return _queue(outbox_text_send, text_ids)


def texts_queue_waiting(older_than: dt.timedelta) -> int:
    """For the outbox run: queue texts whose task was lost or is late."""
    pending = Text.objects.filter(state=TextState.PENDING)
    return texts_queue(_waiting(pending, timezone.now() - older_than, "retry_at"))


def texts_failed_for(person: YoungPerson) -> QuerySet[Text]:
    """The texts about a young person that could not be sent, newest first."""
    return Text.objects.filter(young_person=person, state=TextState.FAILED).order_by(
        "-created_at", "-pk"
    )


register_waiting(texts_queue_waiting)
