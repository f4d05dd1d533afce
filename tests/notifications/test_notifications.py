"""Notifications: each person's own list, the unread count, their settings, and the email."""

import pytest
from django.core import mail
from django.urls import reverse

from notifications.models import EmailState, Notification
from notifications.outbox import email_send
from notifications.services import Reminder, notify
from notifications.tasks import notification_email_send
from pathway.models import NotificationKind

pytestmark = pytest.mark.django_db


def _tell(user, key="test:1", message="Jade Okoro's pathway plan review is due by 8 December."):
    notify(
        Reminder(
            recipient_id=user.pk,
            key=key,
            kind=NotificationKind.REVIEW_DUE,
            message=message,
            link="/caseload/",
        )
    )
    return Notification.objects.get(recipient=user, key=key)


def test_the_header_counts_unread_and_opening_one_marks_it_read(client, pa):
    notification = _tell(pa)
    _tell(pa, key="test:2")
    client.force_login(pa)
    page = client.get(reverse("notifications:list")).content.decode()
    assert '2<span class="govuk-visually-hidden"> unread</span>' in page
    assert "Okoro&#x27;s pathway plan review" in page
    opened = client.get(notification.get_absolute_url())
    assert opened.status_code == 200 and "Go to it" in opened.content.decode()
    notification.refresh_from_db()
    assert notification.read_at is not None
    client.post(reverse("notifications:list"))
    assert not Notification.objects.filter(recipient=pa, read_at__isnull=True).exists()


def test_nobody_opens_someone_elses_notification(client, pa, other_pa):
    notification = _tell(pa)
    client.force_login(other_pa)
    assert client.get(notification.get_absolute_url()).status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_the_email_names_nobody_and_is_sent_once(pa, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notification = _tell(pa)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Leaving care: A pathway plan review is due soon"
    assert "Okoro" not in message.body and notification.get_absolute_url() in message.body
    assert message.extra_headers["Message-ID"] == f"<notification-{notification.pk}@example.org>"
    # Delivered twice, sent once.
    assert notification_email_send.delay(notification.pk).get() is False
    assert len(mail.outbox) == 1
    notification.refresh_from_db()
    assert notification.email_state == EmailState.SENT and notification.email_attempts == 1


def test_someone_who_wants_no_email_gets_it_only_in_the_portal(pa):
    pa.wants_email = False
    pa.save()
    notification = _tell(pa)
    assert notification.email_state == EmailState.NOT_WANTED
    assert email_send(notification_id=notification.pk) is False
    assert mail.outbox == []


def test_a_care_leaver_chooses_how_they_are_contacted(client, care_leaver):
    client.force_login(care_leaver)
    url = reverse("notifications:settings")
    assert "How would you like your PA" in client.get(url).content.decode()
    response = client.post(url, {"wants_email": "no", "preferred_contact": "phone"})
    assert response.status_code == 302
    care_leaver.refresh_from_db()
    assert care_leaver.wants_email is False
    assert care_leaver.young_person.preferred_contact == "phone"
    refused = client.post(url, {"wants_email": "maybe", "preferred_contact": "pigeon"})
    assert refused.status_code == 200 and "Select a valid choice" in refused.content.decode()


def test_staff_settings_do_not_ask_about_contact_preferences(client, pa):
    client.force_login(pa)
    page = client.get(reverse("notifications:settings")).content.decode()
    assert "Do you want an email" in page and "How would you like your PA" not in page


def test_the_outbox_leaves_an_email_to_its_retry_and_takes_up_a_lost_one(pa):
    import datetime as dt

    from django.utils import timezone

    from notifications.outbox import email_failed, pending_ids

    notification = _tell(pa)
    Notification.objects.filter(pk=notification.pk).update(
        created_at=timezone.now() - dt.timedelta(minutes=10)
    )
    assert pending_ids(dt.timedelta(minutes=2)) == [notification.pk]
    soon = timezone.now() + dt.timedelta(minutes=3)
    email_failed(notification_id=notification.pk, attempts=1, retry_at=soon)
    assert pending_ids(dt.timedelta(minutes=2)) == []
    # The retry was due ten minutes ago and never came: the outbox queues it again.
    Notification.objects.filter(pk=notification.pk).update(
        email_retry_at=timezone.now() - dt.timedelta(minutes=10)
    )
    assert pending_ids(dt.timedelta(minutes=2)) == [notification.pk]
    email_failed(notification_id=notification.pk, attempts=9, retry_at=None)
    notification.refresh_from_db()
    assert notification.email_state == EmailState.FAILED and notification.email_attempts == 9


def test_an_outbox_email_whose_task_was_lost_is_sent_by_the_outbox_run(pa, young_person):
    """The broker was away at commit (or the worker lost the task): the email still goes."""
    import datetime as dt

    from django.utils import timezone

    from notifications.models import Email
    from notifications.tasks import notifications_queue_pending
    from people.services import invitation_create

    invitation_create(young_person=young_person, email="new.one@example.org", by=pa)
    assert mail.outbox == []  # the commit's callbacks never ran
    Email.objects.update(created_at=timezone.now() - dt.timedelta(minutes=10))
    notifications_queue_pending.delay(older_than_seconds=120)
    assert [message.to for message in mail.outbox] == [["new.one@example.org"]]
    assert "/invitations/" in mail.outbox[0].body
    assert Email.objects.get().state == EmailState.SENT
    notifications_queue_pending.delay(older_than_seconds=0)
    assert len(mail.outbox) == 1
