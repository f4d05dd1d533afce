"""Texts through GOV.UK Notify: care leavers who prefer texts are texted each notification,
once, through the outbox; Notify's refusals are shown to staff, its rate limit retried."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from notifications.models import Text, TextState
from notifications.outbox import notifications_queue_pending
from notifications.texts import outbox_text_send
from tests.notifications.test_notifications import _tell as tell
from tests.notify_server import RATE_LIMITED, SERVER_ERROR

pytestmark = pytest.mark.django_db

# The notification's own words, which a text (read on a locked screen) must never carry.
PRIVATE = "Your setting up home allowance has £1,250.00 left to use by 3 March."


def _tell(user, key="award:1"):
    return tell(user, key=key, message=PRIVATE)


def test_a_care_leaver_who_prefers_texts_is_texted_once_through_notify(
    notify_api, care_leaver, pa, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notification = _tell(care_leaver)
        _tell(pa)  # staff keep email
    assert len(notify_api.requests) == 1
    seen = notify_api.requests[0]
    text = Text.objects.get()
    assert seen.authorised and seen.status == 201
    assert seen.body == {
        "phone_number": "+447700900123",
        "template_id": notify_api.template_id,
        "personalisation": {
            "message": "You have a new message. Sign in to see it: "
            f"http://127.0.0.1:8000/notifications/{notification.pk}/"
        },
        "reference": f"text-{text.pk}",
    }
    assert text.state == TextState.SENT and text.notify_id and text.attempts == 1
    # Delivered again, asked for again (the sweep's next day), or swept up: nothing more.
    assert outbox_text_send.delay(text.pk).get() is False
    with django_capture_on_commit_callbacks(execute=True):
        _tell(care_leaver)
    notifications_queue_pending(older_than_seconds=0)
    assert len(notify_api.requests) == 1 and Text.objects.count() == 1


def test_rate_limited_then_sent_sends_exactly_once(notify_api, care_leaver):
    notify_api.answers = [RATE_LIMITED, SERVER_ERROR]
    _tell(care_leaver)  # its task is left to us: the commit's callbacks never ran
    text = Text.objects.get()
    assert outbox_text_send.apply(args=[text.pk]).get() is True
    assert [seen.status for seen in notify_api.requests] == [429, 500, 201]
    text.refresh_from_db()
    assert text.state == TextState.SENT and text.attempts == 3
    assert outbox_text_send.apply(args=[text.pk]).get() is False
    assert len(notify_api.sent) == 1


def test_a_number_notify_refuses_fails_with_a_plain_reason_and_is_not_retried(
    notify_api, client, care_leaver, young_person, pa
):
    young_person.phone = "07700 900999"
    young_person.save(update_fields=["phone"])
    notify_api.refused_numbers = {"+447700900999"}
    _tell(care_leaver)
    text = Text.objects.get()
    assert outbox_text_send.apply(args=[text.pk]).get() is False
    text.refresh_from_db()
    assert text.state == TextState.FAILED and text.retry_at is None and text.attempts == 1
    assert text.failure_reason == (
        "This is not a UK mobile number. Check the number on their record."
    )
    outbox_text_send.apply(args=[text.pk])
    notifications_queue_pending(older_than_seconds=0)
    assert len(notify_api.requests) == 1

    client.force_login(pa)
    page = client.get(reverse("portal:young-person-detail", args=[young_person.pk]))
    assert "We could not text Jade at 07700 900999." in page.content.decode()
    assert "This is not a UK mobile number." in page.content.decode()
    # Once the number on the record is corrected, the old failure is no longer shown.
    young_person.phone = "07700 900123"
    young_person.save(update_fields=["phone"])
    page = client.get(reverse("portal:young-person-detail", args=[young_person.pk]))
    assert "We could not text" not in page.content.decode()


def test_a_key_notify_does_not_accept_fails_the_text_for_the_administrator(
    notify_api, settings, care_leaver
):
    settings.NOTIFY_API_KEY = notify_api.api_key[:-36] + "0" * 36  # the wrong secret
    _tell(care_leaver)
    text = Text.objects.get()
    outbox_text_send.apply(args=[text.pk])
    text.refresh_from_db()
    assert [seen.authorised for seen in notify_api.requests] == [False]
    assert text.state == TextState.FAILED and "administrator" in text.failure_reason


def test_without_a_key_the_text_is_written_to_a_file(
    settings, care_leaver, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notification = _tell(care_leaver)
    [written] = list(settings.NOTIFY_TEXT_FILE_PATH.iterdir())
    content = written.read_text()
    assert "To: +447700900123" in content
    assert f"/notifications/{notification.pk}/" in content and "£" not in content
    assert Text.objects.get().state == TextState.SENT


def test_a_lost_text_is_sent_by_the_outbox_run(notify_api, care_leaver):
    _tell(care_leaver)
    Text.objects.update(created_at=timezone.now() - dt.timedelta(minutes=10))
    notifications_queue_pending.delay(older_than_seconds=120)
    assert len(notify_api.sent) == 1 and Text.objects.get().state == TextState.SENT


def test_who_is_not_texted(notify_api, care_leaver, young_person, other_care_leaver):
    """Someone who prefers email, or has no mobile number, is not texted."""
    young_person.preferred_contact = "email"
    young_person.save(update_fields=["preferred_contact"])
    other = other_care_leaver.young_person
    other.phone = "01632 960 123"  # a landline
    other.save(update_fields=["phone"])
    _tell(care_leaver)
    _tell(other_care_leaver)
    assert not Text.objects.exists()


def test_a_server_without_a_notify_key_keeps_a_text_waiting_rather_than_writing_it(
    settings, care_leaver
):
    """Only a developer's machine writes texts to files; a server whose key was taken away
    keeps them waiting (and retries), never writing numbers and links to its disk."""
    _tell(care_leaver)
    settings.ON_THIS_MACHINE = False
    text = Text.objects.get()
    assert outbox_text_send.apply(args=[text.pk]).get() is False
    text.refresh_from_db()
    assert text.state != TextState.SENT
    folder = settings.NOTIFY_TEXT_FILE_PATH
    assert not folder.exists() or not any(folder.iterdir())
