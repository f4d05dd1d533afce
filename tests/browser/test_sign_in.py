"""A PA signs in with password and authenticator code and sees their caseload."""

import pytest
from playwright.sync_api import expect

from people.setup_links import set_up_path
from tests.browser.conftest import assert_no_axe_violations, totp_code
from tests.factories import TEST_PASSWORD, AllocationFactory, UserFactory, YoungPersonFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_pa_signs_in_with_mfa_and_sees_their_caseload(page, live_server, pa, young_person):
    for name in ["Aaliyah", "Brandon"]:
        AllocationFactory(young_person=YoungPersonFactory(first_name=name, last_name="Test"), pa=pa)

    page.goto("/caseload/")
    assert "/accounts/login/" in page.url
    page.get_by_label("Email").fill(pa.email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    page.get_by_label("Authenticator code").fill(totp_code())
    page.get_by_role("button", name="Sign in").click()

    assert page.url.endswith("/caseload/")
    expect(page.get_by_role("heading", name="My caseload")).to_be_visible()
    expect(page.get_by_role("link", name="Jade Okoro")).to_be_visible()
    expect(page.get_by_role("link", name="Brandon Test")).to_be_visible()
    assert_no_axe_violations(page)
    assert not page.console_errors, page.console_errors


def test_wrong_authenticator_code_is_refused_with_a_message(page, live_server, pa):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(pa.email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    wrong = "000000" if totp_code() != "000000" else "111111"
    page.get_by_label("Authenticator code").fill(wrong)
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert "/accounts/2fa/authenticate/" in page.url
    assert_no_axe_violations(page)


def test_new_staff_member_sets_up_their_account_by_its_emailed_link(page, live_server, authority):
    user = UserFactory(role="pa", authority=authority, mfa=False, email="new.pa@example.org")
    page.goto(set_up_path(user))

    assert "/staff/set-up/" in page.url
    assert_no_axe_violations(page)
    page.get_by_label("Create a password").fill("correct horse battery staple")
    page.get_by_label("Type the password again").fill("correct horse battery staple")
    page.get_by_role("button", name="Choose this password").click()

    assert "/accounts/2fa/totp/activate/" in page.url
    assert_no_axe_violations(page)
    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label("Authenticator code").fill(totp_code(secret))
    page.get_by_role("button", name="Activate").click()

    page.goto("/caseload/")
    assert page.url.endswith("/caseload/")
    expect(page.get_by_role("heading", name="My caseload")).to_be_visible()
