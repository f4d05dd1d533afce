"""A PA signs in with password and authenticator code and sees their caseload."""

import pytest

from portal.demo import current_totp_code
from tests.browser.conftest import assert_no_axe_violations
from tests.factories import TEST_PASSWORD, AllocationFactory, YoungPersonFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_pa_signs_in_with_mfa_and_sees_their_caseload(page, live_server, pa, young_person):
    for name in ["Aaliyah", "Brandon"]:
        AllocationFactory(young_person=YoungPersonFactory(first_name=name, last_name="Test"), pa=pa)

    page.goto("/caseload/")
    assert "/accounts/login/" in page.url
    page.get_by_label("Email").fill(pa.email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    page.get_by_label("Authenticator code").fill(current_totp_code())
    page.get_by_role("button", name="Sign in").click()

    assert page.url.endswith("/caseload/")
    assert page.get_by_role("heading", name="My caseload").is_visible()
    assert page.get_by_role("link", name="Jade Okoro").is_visible()
    assert page.get_by_role("link", name="Brandon Test").is_visible()
    assert_no_axe_violations(page)
    assert not page.console_errors, page.console_errors


def test_wrong_authenticator_code_is_refused_with_a_message(page, live_server, pa):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(pa.email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    wrong = "000000" if current_totp_code() != "000000" else "111111"
    page.get_by_label("Authenticator code").fill(wrong)
    page.get_by_role("button", name="Sign in").click()

    assert page.get_by_text("There is a problem").is_visible()
    assert "/accounts/2fa/authenticate/" in page.url
    assert_no_axe_violations(page)
