"""The referral journey in a real browser: a PA refers a young person to a housing service,
a partner worker signs in, accepts and records an outcome, and the PA and the young person
see it. Each page is checked with axe-core; the PA's form is sent without JavaScript and
the partner worker works on a 320 px screen."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from partners.models import PartnerWorker, Referral
from tests.browser.conftest import assert_no_axe_violations, sign_in_as, totp_code
from tests.factories import TEST_PASSWORD, partner_service

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fits_320(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 320, page.url


def test_a_referral_to_housing_is_answered_and_both_see_the_outcome(
    page, phone_page, no_js_page, live_server, young_person, pa, partner, care_leaver
):
    housing = partner_service(young_person.authority)
    PartnerWorker.objects.create(user=partner, service=housing)

    # The PA refers, in a browser without JavaScript; without consent it is refused.
    sign_in_as(no_js_page, live_server, pa)
    no_js_page.goto(reverse("partners:referrals", args=[young_person.pk]))
    no_js_page.get_by_role("link", name="Refer to a service").click()
    form = no_js_page
    form.get_by_label("Which service").select_option(label=str(housing))
    form.get_by_label("Why you are referring them").fill("Her tenancy ends next month.")
    form.get_by_label("What you are sharing with the service").fill("Her name and phone number.")
    form.get_by_role("group", name="Has the young person agreed").get_by_label("No").check()
    form.get_by_role("button", name="Send referral").click()
    expect(form.get_by_text("A referral needs the young person's consent").first).to_be_visible()
    form.get_by_role("group", name="Has the young person agreed").get_by_label("Yes").check()
    form.get_by_label("Who agreed").select_option(label="The young person")
    form.get_by_label("What they agreed to share, and why").fill("Her details, for housing.")
    form.get_by_role("button", name="Send referral").click()
    expect(form.get_by_text(f"The referral to {housing.name} is sent.")).to_be_visible()
    referral = Referral.objects.get()

    sign_in_as(page, live_server, pa)
    page.goto(reverse("partners:referral-create", args=[young_person.pk]))
    assert_no_axe_violations(page)
    page.goto(reverse("partners:referrals", args=[young_person.pk]))
    assert_no_axe_violations(page)

    # The partner worker signs in with their authenticator, on a small phone.
    phone = phone_page
    phone.goto("/")
    phone.get_by_role("link", name="Sign in").first.click()
    phone.get_by_label("Email").fill(partner.email)
    phone.get_by_label("Password").fill(TEST_PASSWORD)
    phone.get_by_role("button", name="Sign in").click()
    phone.get_by_label("Authenticator code").fill(totp_code())
    phone.get_by_role("button", name="Sign in").click()
    expect(phone.get_by_role("heading", name="Referrals to your service")).to_be_visible()
    assert_no_axe_violations(phone)
    _fits_320(phone)
    phone.get_by_role("link", name=young_person.full_name).click()
    expect(phone.get_by_text("Her tenancy ends next month.")).to_be_visible()
    assert_no_axe_violations(phone)
    _fits_320(phone)
    phone.get_by_role("radio", name="Accepted").check()
    phone.get_by_role("button", name="Save answer").click()
    expect(phone.get_by_text("Your answer is saved.")).to_be_visible()
    phone.get_by_role("radio", name="Finished").check()
    phone.get_by_label("If finished: the outcome").fill("Moved into supported lodgings.")
    phone.get_by_role("button", name="Save answer").click()
    expect(phone.get_by_text("Moved into supported lodgings.")).to_be_visible()
    assert_no_axe_violations(phone)
    _fits_320(phone)

    # The PA sees the outcome, and so does the young person, in plain words.
    page.goto(reverse("partners:referral", args=[young_person.pk, referral.pk]))
    expect(page.get_by_text("Moved into supported lodgings.")).to_be_visible()
    assert_no_axe_violations(page)
    page.context.clear_cookies()
    sign_in_as(page, live_server, care_leaver)
    page.goto(reverse("portal:my-home"))
    expect(page.get_by_text("Their help has finished.")).to_be_visible()
    page.get_by_role("link", name="See all your referrals").click()
    expect(page.get_by_text("What happened: Moved into supported lodgings.")).to_be_visible()
    assert_no_axe_violations(page)
