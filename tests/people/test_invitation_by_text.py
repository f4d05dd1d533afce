"""A PA can text the invitation link to a young person's mobile: the link works, once."""

import logging

import pytest
from django.core import mail
from django.urls import reverse

from notifications.models import Text, TextState
from notifications.texts import outbox_text_send
from people.models import Invitation, User
from people.services import InvitationError, invitation_create
from tests.factories import AllocationFactory, YoungPersonFactory
from tests.people.test_invitations import PASSWORD, follow_link

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(authority, pa):
    person = YoungPersonFactory(
        authority=authority, first_name="Mia", last_name="Clarke", phone="+44 7700 900456"
    )
    AllocationFactory(young_person=person, pa=pa)
    return person


def test_pa_texts_the_invitation_and_its_link_opens_the_invitation(
    notify_api, client, pa, person, django_capture_on_commit_callbacks, caplog
):
    caplog.set_level(logging.DEBUG)
    client.force_login(pa)
    url = reverse("portal:invitation-create", args=[person.pk])
    form = client.get(url).content.decode()
    assert "By text to +44 7700 900456" in form
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"email": "mia@example.org", "send_by": "text"})
    assert response.status_code == 302
    assert mail.outbox == []
    [sent] = notify_api.sent
    assert sent["phone_number"] == "+447700900456"
    assert sent["template_id"] == notify_api.template_id
    message = sent["personalisation"]["message"]
    assert "Mia" not in message and "Clarke" not in message
    token = message.rsplit("/invitations/", 1)[1].strip("/")
    invitation = Invitation.objects.get()
    assert invitation.token_hash == Invitation.hash_token(token)
    assert invitation.emailed_at is not None
    # Nothing stored holds the secret: not the invitation, not the outbox's text.
    assert token not in str(Invitation.objects.values_list())
    assert token not in str(Text.objects.values_list())
    assert token not in caplog.text and "900456" not in caplog.text
    assert Text.objects.get().state == TextState.SENT

    client.logout()
    assert follow_link(client, token, PASSWORD).status_code == 302
    assert User.objects.get(email="mia@example.org").young_person == person


def test_without_a_mobile_number_the_invitation_is_only_emailed(client, pa, person):
    person.phone = "01632 960 123"
    person.save(update_fields=["phone"])
    client.force_login(pa)
    form = client.get(reverse("portal:invitation-create", args=[person.pk])).content.decode()
    assert "By text" not in form
    with pytest.raises(InvitationError, match="no UK mobile number"):
        invitation_create(young_person=person, email="mia@example.org", by=pa, by_text=True)


def test_a_texted_invitation_replaced_before_it_goes_is_not_sent(notify_api, pa, person):
    invitation_create(young_person=person, email="mia@example.org", by=pa, by_text=True)
    invitation_create(young_person=person, email="mia@example.org", by=pa)  # emailed instead
    first = Text.objects.get()
    assert outbox_text_send.apply(args=[first.pk]).get() is False
    first.refresh_from_db()
    assert first.state == TextState.NOT_WANTED and notify_api.requests == []
