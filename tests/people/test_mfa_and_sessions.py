"""Staff reach no staff page without MFA; staff sessions end after 30 idle minutes."""

from unittest import mock

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from people.demo import current_totp_code
from people.models import CodeFailure, Role
from people.setup_links import SET_UP_SESSION_KEY
from tests.factories import UserFactory
from tests.helpers import five_wrong_codes_then_the_right_one

pytestmark = pytest.mark.django_db

STAFF_PAGES = [
    ("portal:staff-home", {}),
    ("pathway:caseload", {}),
    ("portal:team", {}),
    ("portal:young-person-detail", {"pk": "young_person"}),
    ("portal:allocation-create", {"pk": "young_person"}),
    ("portal:invitation-create", {"pk": "young_person"}),
    ("admin:index", {}),
]


def came_by_set_up_link(client, user) -> None:
    client.force_login_without_mfa(user)
    session = client.session
    session[SET_UP_SESSION_KEY] = user.pk
    session.save()


@pytest.mark.parametrize(
    "role", [Role.PA, Role.MANAGER, Role.OFFER_EDITOR, Role.ADMIN, Role.AUDITOR]
)
def test_staff_who_came_by_their_set_up_link_are_sent_to_add_an_app_from_every_staff_page(
    client, role, young_person, team
):
    user = UserFactory(role=role, authority=young_person.authority, team=team, mfa=False)
    if role == Role.MANAGER:
        team.manager = user
        team.save()
    if role == Role.PA:
        young_person.allocations.update(pa=user)
    came_by_set_up_link(client, user)
    setup = reverse("mfa_activate_totp")
    for name, kwargs in STAFF_PAGES:
        kwargs = dict.fromkeys(kwargs, young_person.pk)
        response = client.get(reverse(name, kwargs=kwargs or None))
        assert response.status_code == 302, name
        assert response["Location"] == setup, name
    assert client.get(setup).status_code in {200, 302}


def test_staff_with_an_app_but_a_session_that_skipped_the_code_must_sign_in_again(
    client, pa, young_person
):
    client.force_login_without_mfa(pa)
    response = client.get(reverse("portal:young-person-detail", args=[young_person.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("account_login")
    assert "_auth_user_id" not in client.session


def test_staff_can_reach_the_mfa_set_up_page(client, authority):
    user = UserFactory(role=Role.PA, authority=authority, mfa=False)
    came_by_set_up_link(client, user)
    response = client.get(reverse("mfa_activate_totp"), follow=True)
    assert response.status_code == 200


def test_care_leavers_do_not_need_mfa(client, care_leaver):
    client.force_login(care_leaver)
    assert client.get(reverse("portal:my-home")).status_code == 200


def test_staff_sessions_expire_after_thirty_idle_minutes(client, pa):
    client.force_login(pa)
    client.get(reverse("pathway:caseload"))
    assert client.session.get_expiry_age() == 30 * 60


def test_the_staff_idle_clock_restarts_at_most_once_a_minute(client, pa):
    from people.middleware import IDLE_CLOCK_KEY

    client.force_login(pa)
    client.get(reverse("pathway:caseload"))
    started = client.session[IDLE_CLOCK_KEY]
    with mock.patch("people.middleware.time.time", return_value=started + 59):
        client.get(reverse("pathway:caseload"))
    assert client.session[IDLE_CLOCK_KEY] == started  # not written again
    with mock.patch("people.middleware.time.time", return_value=started + 60):
        client.get(reverse("pathway:caseload"))
    assert client.session[IDLE_CLOCK_KEY] == started + 60
    assert client.session.get_expiry_age() == 30 * 60


def test_care_leaver_sessions_last_longer_but_end_after_an_idle_hour(client, care_leaver):
    client.force_login(care_leaver)
    client.get(reverse("portal:my-home"))
    assert client.session.get_expiry_age() == 60 * 60
    assert not client.session.get_expire_at_browser_close()


def test_staff_cannot_remove_their_authenticator_app(pa):
    from allauth.mfa.adapter import get_adapter
    from allauth.mfa.models import Authenticator

    totp = Authenticator.objects.get(user=pa, type=Authenticator.Type.TOTP)
    assert get_adapter().can_delete_authenticator(totp) is False


def test_five_wrong_passwords_lock_the_account_for_a_while(client, pa):
    from tests.factories import TEST_PASSWORD

    for _ in range(5):
        client.post(reverse("account_login"), {"login": pa.email, "password": "wrong-password"})
    response = client.post(reverse("account_login"), {"login": pa.email, "password": TEST_PASSWORD})
    # allauth's per-account limit answers before axes's lockout page; either says why.
    assert response.status_code in {200, 429}
    assert "Too many" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.get(username=pa.email).failures_since_start == 5


def test_the_admin_sign_in_form_cannot_be_used_to_skip_mfa(client, admin_user):
    from tests.factories import TEST_PASSWORD

    response = client.get(reverse("admin:login"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    client.post(reverse("admin:login"), {"username": admin_user.email, "password": TEST_PASSWORD})
    assert client.get(reverse("admin:index")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_a_wrong_password_is_explained_in_the_error_summary(client, pa):
    response = client.post(reverse("account_login"), {"login": pa.email, "password": "not-it"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "password you specified are not correct" in page
    assert "_auth_user_id" not in client.session


def test_authenticator_codes_are_limited_per_account_whatever_the_address(pa):
    """Five wrong codes in 15 minutes, each from a new address, and the right code is refused."""
    client, response = five_wrong_codes_then_the_right_one(pa)
    assert response.status_code == 200
    # The portal's own count (in the database) answers before allauth's (in Redis) does.
    assert "Too many wrong codes" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_right_code_when_signing_in_again_clears_the_count_of_wrong_ones(client, pa):
    """Wrong codes to sign in again count as wrong codes to sign in do, and a right one
    starts the count again: four typos there do not lock the next sign-in."""
    client.force_login(pa)
    wrong = "000000" if current_totp_code() != "000000" else "111111"
    for _ in range(4):
        client.post(reverse("mfa_reauthenticate"), {"code": wrong})
    assert CodeFailure.objects.filter(user=pa).count() == 4
    client.post(reverse("mfa_reauthenticate"), {"code": current_totp_code()})
    assert not CodeFailure.objects.filter(user=pa).exists()
