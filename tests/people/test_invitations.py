"""Care leavers join by a single-use invitation link that lasts 14 days."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from notifications import outbox
from notifications.models import Email
from notifications.outbox import outbox_email_send_now
from people.models import Invitation, Role, User
from people.services import InvitationError, invitation_accept, invitation_create
from tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db

PASSWORD = "purple-kettle-harbour"


def follow_link(client, token: str, password: str, again: str | None = None):
    """Open the emailed link, as a care leaver would, then choose a password."""
    opened = client.get(f"/invitations/{token}/")
    if opened.status_code != 302:
        return opened
    assert opened["Location"] == reverse("portal:invitation-accept")
    data = {"password1": password, "password2": again if again is not None else password}
    return client.post(reverse("portal:invitation-accept"), data)


@pytest.fixture
def person(authority, pa):
    from tests.factories import AllocationFactory

    person = YoungPersonFactory(authority=authority, first_name="Mia", last_name="Clarke")
    AllocationFactory(young_person=person, pa=pa)
    return person


def test_pa_invites_and_the_email_carries_a_working_link(
    client, pa, person, django_capture_on_commit_callbacks
):
    client.force_login(pa)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("portal:invitation-create", args=[person.pk]), {"email": "Mia@Example.org"}
        )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["mia@example.org"]
    link = next(line for line in message.body.splitlines() if "/invitations/" in line)
    token = link.rsplit("/invitations/", 1)[1].strip("/")
    assert Invitation.objects.get().token_hash == Invitation.hash_token(token)
    assert token not in str(Invitation.objects.values_list())

    client.logout()
    response = follow_link(client, token, PASSWORD)
    assert response.status_code == 302
    user = User.objects.get(email="mia@example.org")
    assert user.role == Role.CARE_LEAVER
    person.refresh_from_db()
    assert person.user == user
    assert user.check_password(PASSWORD)


def test_a_used_link_cannot_be_used_again(client, pa, person):
    _, token = invitation_create(young_person=person, email="mia@example.org", by=pa)
    invitation_accept(token=token, password=PASSWORD)
    with pytest.raises(InvitationError, match="already been used"):
        invitation_accept(token=token, password="another-long-password")
    response = client.get(f"/invitations/{token}/")
    assert response.status_code == 410
    assert "already been used" in response.content.decode()
    assert User.objects.filter(role=Role.CARE_LEAVER).count() == 1


def test_an_expired_link_says_so_and_makes_no_account(client, pa, person):
    invitation, token = invitation_create(young_person=person, email="mia@example.org", by=pa)
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - dt.timedelta(seconds=1)
    )
    response = follow_link(client, token, PASSWORD)
    assert response.status_code == 410
    assert "expired" in response.content.decode()
    assert not User.objects.filter(email="mia@example.org").exists()


def test_an_invitation_lasts_fourteen_days(pa, person):
    invitation, _ = invitation_create(young_person=person, email="mia@example.org", by=pa)
    assert invitation.expires_at - invitation.created_at == dt.timedelta(days=14)


def test_a_new_invitation_replaces_the_old_link(pa, person):
    _, old = invitation_create(young_person=person, email="mia@example.org", by=pa)
    _, new = invitation_create(young_person=person, email="mia@example.org", by=pa)
    with pytest.raises(InvitationError, match="does not work"):
        invitation_accept(token=old, password=PASSWORD)
    assert invitation_accept(token=new, password=PASSWORD).email == "mia@example.org"


def test_an_email_someone_already_uses_is_refused_with_a_message(client, pa, person, other_pa):
    client.force_login(pa)
    response = client.post(
        reverse("portal:invitation-create", args=[person.pk]), {"email": other_pa.email.upper()}
    )
    assert response.status_code == 200
    assert "Someone already uses this email address" in response.content.decode()
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_different_passwords_are_refused_and_the_link_still_works(client, pa, person):
    _, token = invitation_create(young_person=person, email="mia@example.org", by=pa)
    response = follow_link(client, token, PASSWORD, again=PASSWORD + "x")
    assert response.status_code == 200
    assert "The two passwords are different" in response.content.decode()
    assert not User.objects.filter(email="mia@example.org").exists()
    assert Invitation.objects.get().is_usable


def test_a_weak_password_is_refused_with_the_reason(pa, person):
    _, token = invitation_create(young_person=person, email="mia@example.org", by=pa)
    with pytest.raises(InvitationError, match="too short"):
        invitation_accept(token=token, password="short")
    assert Invitation.objects.get().is_usable


def test_sending_the_email_twice_sends_it_once(pa, person, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invitation, _ = invitation_create(young_person=person, email="mia@example.org", by=pa)
    assert len(mail.outbox) == 1
    assert outbox_email_send_now(email_id=Email.objects.get().pk) is False
    assert len(mail.outbox) == 1


def test_the_email_goes_after_commit_and_names_only_the_invitation_in_the_broker(
    pa, person, django_capture_on_commit_callbacks, monkeypatch
):
    queued = []
    monkeypatch.setattr(outbox.outbox_email_send, "delay", lambda *args: queued.append(args))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        invitation, token = invitation_create(young_person=person, email="mia@example.org", by=pa)
    assert mail.outbox == [] and queued == []  # nothing before commit
    for callback in callbacks:
        callback()
    assert queued == [(Email.objects.get().pk,)]
    assert token not in repr(Email.objects.values().get())
    assert Invitation.objects.get().link_token() == token


def test_a_revoked_invitation_is_not_emailed(pa, person, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        invitation_create(young_person=person, email="mia@example.org", by=pa)
    Invitation.objects.update(revoked_at=timezone.now())
    assert outbox_email_send_now(email_id=Email.objects.get().pk) is False
    assert mail.outbox == []
    assert Email.objects.get().state == "not_wanted"


def test_a_young_person_with_an_account_is_not_invited_again(pa, young_person, care_leaver):
    young_person.refresh_from_db()
    with pytest.raises(InvitationError, match="already has an account"):
        invitation_create(young_person=young_person, email="new@example.org", by=pa)


def test_the_link_secret_leaves_the_address_bar_at_once(client, pa, person):
    _, token = invitation_create(young_person=person, email="mia@example.org", by=pa)
    response = client.get(f"/invitations/{token}/", follow=True)
    final_url = response.redirect_chain[-1][0]
    assert token not in final_url
    assert "Make your account" in response.content.decode()


def test_an_invitation_made_by_an_earlier_release_is_sent_a_link_that_works(
    pa, person, django_capture_on_commit_callbacks
):
    """Its old link was only in a lost task's message: the outbox sends a new one."""
    with django_capture_on_commit_callbacks(execute=False):
        invitation_create(young_person=person, email="mia@example.org", by=pa)
    Invitation.objects.update(token_hash=Invitation.hash_token("a-random-token-of-old"))
    assert outbox_email_send_now(email_id=Email.objects.get().pk) is True
    (link,) = [word for word in mail.outbox[0].body.split() if "/invitations/" in word]
    token = link.rstrip("/").rsplit("/", 1)[1]
    user = invitation_accept(token=token, password="a long enough passphrase 42")
    assert user.email == "mia@example.org"


def test_an_invitation_emailed_already_is_not_emailed_again(
    pa, person, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        invitation_create(young_person=person, email="mia@example.org", by=pa)
    Invitation.objects.update(emailed_at=timezone.now())  # by an earlier release's task
    assert outbox_email_send_now(email_id=Email.objects.get().pk) is False
    assert mail.outbox == []
