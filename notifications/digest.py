"""The day's email for kinds that come in bursts: one email per person, kind and day.

A kind registered as a digest (`notifications.kinds.register_kinds(..., digest=...)`)
is recorded like any other notification and listed one by one in the portal, but it waits
in the `digest` email state instead of being emailed at once. Each day a beat task gathers
what is waiting into one `NotificationDigest` per (recipient, kind, day) and puts one email
for it in the outbox, under a unique key: a second run of the same day sends nothing more.
What arrives after the day's digest is made waits for the next day's.

The email names nobody, as every notification email: it says how many there are and links
to each in the portal.
"""

from __future__ import annotations

import datetime as dt
from itertools import groupby

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from common.urls import site_url
from notifications.kinds import kind_label
from notifications.models import EmailState, Notification, NotificationDigest
from notifications.outbox import email_record

DIGEST_EMAIL = "notification-digest"


def digests_make(*, day: dt.date) -> int:
    """Gather every notification waiting for its digest, recorded by the end of `day`, into
    that day's email for its recipient and kind. Returns how many emails were recorded."""
    recorded = 0
    with transaction.atomic():
        waiting = list(
            Notification.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("recipient")
            .filter(email_state=EmailState.DIGEST, digest__isnull=True, created_at__date__lte=day)
            .order_by("recipient_id", "kind", "created_at", "pk")
        )
        for (_, kind), rows in groupby(waiting, key=lambda n: (n.recipient_id, n.kind)):
            rows = list(rows)
            recipient = rows[0].recipient
            ids = [row.pk for row in rows]
            if not (recipient.is_active and recipient.wants_email):
                Notification.objects.filter(pk__in=ids).update(email_state=EmailState.NOT_WANTED)
                continue
            digest, made = NotificationDigest.objects.get_or_create(
                recipient=recipient, kind=kind, day=day
            )
            if not made:  # today's email is already made: these go in tomorrow's
                continue
            Notification.objects.filter(pk__in=ids).update(digest=digest)
            recorded += email_record(
                kind=DIGEST_EMAIL,
                key=f"digest:{recipient.pk}:{kind}:{day.isoformat()}",
                to=recipient.email,
                object_id=digest.pk,
            )
    return recorded


def _waiting_in(digest_id: int):
    return Notification.objects.filter(digest_id=digest_id, email_state=EmailState.DIGEST)


def digest_email(digest_id: int) -> tuple[str, str] | None:
    """(subject, body) of one digest, as the outbox writes it; None if nothing is left to
    email (the person turned emails off meanwhile)."""
    digest = NotificationDigest.objects.select_related("recipient").filter(pk=digest_id).first()
    if digest is None or not digest.recipient.wants_email:
        return None
    notifications = list(_waiting_in(digest_id).order_by("created_at", "pk"))
    if not notifications:
        return None
    label = kind_label(digest.kind)
    body = render_to_string(
        "notifications/email/digest.txt",
        {
            "name": digest.recipient.first_name,
            "subject": label,
            "count": len(notifications),
            "items": [
                (notification.due_on, site_url(notification.get_absolute_url()))
                for notification in notifications
            ],
            "list_url": site_url(reverse("notifications:list")),
            "preferences_url": site_url(reverse("notifications:settings")),
        },
    )
    subject = f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{label} ({len(notifications)})"
    return subject, body


def digest_address(digest_id: int) -> str | None:
    """Where the digest goes now: an address changed since it was made is not used."""
    digest = NotificationDigest.objects.select_related("recipient").filter(pk=digest_id).first()
    return digest.recipient.email if digest and digest.recipient.is_active else None


def digest_emailed(digest_id: int) -> None:
    """Each notification in the digest is emailed, in the send's own transaction."""
    _waiting_in(digest_id).update(
        email_state=EmailState.SENT,
        emailed_at=timezone.now(),
        email_attempts=F("email_attempts") + 1,
    )
