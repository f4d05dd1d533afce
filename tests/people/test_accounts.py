"""Staff accounts are made by an administrator; anyone can reset a forgotten password."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from people.models import Role, User

pytestmark = pytest.mark.django_db


def add_user_form(email: str, team) -> dict:
    return {
        "email": email,
        "first_name": "Priya",
        "last_name": "Shah",
        "role": Role.PA,
        "authority": team.authority_id,
        "team": team.pk,
        "usable_password": "true",
        "password1": "a-sound-long-password",
        "password2": "a-sound-long-password",
    }


def test_admin_makes_a_pa_account(client, admin_user, team):
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:portal_user_add"), add_user_form("Priya@Example.org", team)
    )
    assert response.status_code == 302
    user = User.objects.get(email="priya@example.org")
    assert user.role == Role.PA and user.team == team and not user.is_staff


def test_a_duplicate_email_in_another_case_gets_a_message_and_changes_nothing(
    client, admin_user, team, pa
):
    client.force_login(admin_user)
    before = User.objects.count()
    response = client.post(reverse("admin:portal_user_add"), add_user_form(pa.email.upper(), team))
    assert response.status_code == 200
    assert "Someone already uses this email address." in response.content.decode()
    assert User.objects.count() == before


def test_a_forgotten_password_is_reset_through_an_emailed_link(client, care_leaver):
    response = client.post(reverse("account_reset_password"), {"email": care_leaver.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/accounts/password/reset/key/\S+", mail.outbox[0].body).group(0)
    path = link.split("testserver", 1)[-1] if "testserver" in link else "/" + link.split("/", 3)[3]
    form_page = client.get(path, follow=True)
    assert form_page.status_code == 200
    response = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else path,
        {"password1": "a-brand-new-password", "password2": "a-brand-new-password"},
    )
    assert response.status_code == 302
    care_leaver.refresh_from_db()
    assert care_leaver.check_password("a-brand-new-password")


def test_reset_does_not_reveal_whether_an_address_has_an_account(client, db):
    response = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})
    assert response.status_code == 302


def test_no_one_adds_or_makes_main_an_address_they_were_not_given(client, care_leaver, pa):
    """allauth's page let a care leaver add anyone's address; making it the main one gave 500."""
    client.force_login(care_leaver)
    page = client.get(reverse("account_email"))
    assert page.status_code == 200
    assert "ask your personal adviser" in page.content.decode()
    for data in (
        {"action_add": "", "email": pa.email},
        {"action_add": "", "email": "someone.else@example.org"},
        {"action_primary": "", "email": pa.email},
    ):
        assert client.post(reverse("account_email"), data).status_code == 405
    assert not EmailAddress.objects.filter(user=care_leaver).exclude(email=care_leaver.email)
    care_leaver.refresh_from_db()
    assert care_leaver.email == "jade@example.org"
