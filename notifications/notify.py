"""GOV.UK Notify, as the outbox uses it: send one text, and say plainly why it did not go.

Notify answers 201 with the new notification's id; 400 (a number it will not text, a
template or personalisation it refuses) and 403 (a key it does not accept) will be the
same next time; 429 (its rate limit: 3,000 messages a minute, or the day's limit) and 5xx
are worth trying again later. Without `NOTIFY_API_KEY` (a developer's machine), each text
is written to a file in `NOTIFY_TEXT_FILE_PATH` instead.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from notifications_python_client.errors import APIError
from notifications_python_client.notifications import NotificationsAPIClient


class TextRefused(Exception):
    """Notify will not send this text, however often it is asked; the message says why in
    words staff can act on."""


class NotifyUnavailable(OSError):
    """Notify is busy (429) or failing (5xx, no answer): try again later. An OSError, so the
    outbox's retry treats it as it treats a mail server that did not answer."""


# Notify's validation messages for a phone number that it will not text, in staff's words.
_NUMBER_REASONS = (
    ("not a uk mobile", "This is not a UK mobile number. Check the number on their record."),
    ("too many digits", "The mobile number has too many digits. Check it on their record."),
    ("not enough digits", "The mobile number has too few digits. Check it on their record."),
    ("must not contain", "The mobile number has characters it should not. Check it."),
)


def text_send(*, to: str, message: str, reference: str) -> str:
    """Send one text; returns Notify's id for it (for a file, an id of our own)."""
    if not settings.NOTIFY_API_KEY:
        if not settings.ON_THIS_MACHINE:
            # A server whose key was taken away: the text waits (and is retried) rather
            # than being written, with its number and link, to the server's disk.
            raise NotifyUnavailable("No GOV.UK Notify key is set")
        return _text_to_file(to=to, message=message, reference=reference)
    client = NotificationsAPIClient(
        settings.NOTIFY_API_KEY,
        base_url=settings.NOTIFY_BASE_URL,
        timeout=settings.NOTIFY_TIMEOUT_SECONDS,
    )
    try:
        response = client.send_sms_notification(
            phone_number=to,
            template_id=settings.NOTIFY_SMS_TEMPLATE_ID,
            personalisation={"message": message},
            reference=reference,
        )
    except APIError as error:
        raise _plain(error) from None  # the error's response holds the request: not chained
    return str((response or {}).get("id", ""))


def _plain(error: APIError) -> Exception:
    """Notify's error as ours: try again later, or refused with a reason staff can act on."""
    status = error.status_code
    if status == 429 or status >= 500:
        return NotifyUnavailable(f"Notify answered {status}")
    messages = error.message if isinstance(error.message, list) else []
    said = " ".join(str(item.get("message", "")) for item in messages).lower()
    if status == 400:
        for phrase, reason in _NUMBER_REASONS:
            if phrase in said:
                return TextRefused(reason)
        if "trial mode" in said or "team-only" in said:
            return TextRefused(
                "Notify can only text the team's own numbers until the service goes live."
            )
        return TextRefused("Notify refused the text. Ask the portal's administrator to check it.")
    if status == 403:
        return TextRefused("Notify did not accept the portal's key. Tell the administrator.")
    return TextRefused(f"Notify refused the text (error {status}). Tell the administrator.")


def _text_to_file(*, to: str, message: str, reference: str) -> str:
    """A developer's stand-in for Notify: one file per text, as Django's file email does."""
    folder = Path(settings.NOTIFY_TEXT_FILE_PATH)
    folder.mkdir(parents=True, exist_ok=True)
    sent_id = str(uuid.uuid4())
    stamp = timezone.now().astimezone(dt.UTC).strftime("%Y%m%d-%H%M%S")
    path = folder / f"{stamp}-{reference}.txt"
    path.write_text(f"To: {to}\nReference: {reference}\nId: {sent_id}\n\n{message}\n")
    path.chmod(0o600)
    return sent_id
