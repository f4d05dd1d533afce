"""Money in a real browser: a care leaver claims with a receipt, their PA approves it."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from finance import services
from finance.models import Claim, ClaimState
from tests.browser.conftest import assert_no_axe_violations, sign_in_as
from tests.factories import PNG_BYTES, money_world, scheme

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def award(young_person, pa):
    home = scheme(young_person.authority, evidence="A receipt or a quote")
    return services.award_grant(young_person=young_person, scheme=home, amount_pence=300000, by=pa)


def test_a_care_leaver_claims_and_their_pa_approves(
    page, live_server, award, care_leaver, pa, tmp_path
):
    receipt = tmp_path / "receipt.png"
    receipt.write_bytes(PNG_BYTES)
    sign_in_as(page, live_server, care_leaver)
    page.goto(reverse("portal:my-home"))
    page.get_by_role("link", name="See your money and ask for some").click()
    expect(page.get_by_role("heading", name="Your money")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Ask for money").click()
    page.get_by_label("How much").fill("0")
    page.get_by_role("button", name="Send the claim").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("radio", name="Setting up home allowance").check()
    page.get_by_label("How much").fill("189.99")
    page.get_by_label("What it is for").fill("A bed for my new flat")
    page.get_by_label("Receipt or quote").set_input_files(str(receipt))
    page.get_by_role("button", name="Send the claim").click()
    expect(page.get_by_text("Your claim is sent")).to_be_visible()
    expect(page.get_by_text("Waiting for a decision")).to_be_visible()
    assert_no_axe_violations(page)

    page.context.clear_cookies()
    sign_in_as(page, live_server, pa)
    page.goto(reverse("finance:claims-waiting"))
    assert_no_axe_violations(page)
    page.get_by_role("link", name="A bed for my new flat").click()
    assert_no_axe_violations(page)
    page.get_by_role("radio", name="Approve all of it").check()
    page.get_by_role("button", name="Save decision").click()
    expect(page.get_by_text("Your decision is saved.")).to_be_visible()
    claim = Claim.objects.get()
    assert (claim.state, claim.approved_pence) == (ClaimState.APPROVED, 18999)


def test_money_pages_have_no_accessibility_violations_and_fit_a_phone(
    page, phone_page, live_server, young_person, pa, manager, care_leaver
):
    claim, batch = money_world(young_person, pa=pa, manager=manager)
    entry = batch.entries.get()
    services.claim_approve(claim=claim, amount_pence=claim.amount_pence, reason="", by=manager)
    waiting = services.claim_make(
        award=claim.award, amount_pence=2000, purpose="Saucepans", receipt=None, by=care_leaver
    )
    manager.sees_all_teams = True  # the service manager makes payment runs
    manager.save()
    pages = [
        (care_leaver, reverse("finance:my-money")),
        (care_leaver, reverse("finance:my-claim")),
        (pa, reverse("finance:person-money", args=[young_person.pk])),
        (pa, reverse("finance:award-create", args=[young_person.pk])),
        (pa, reverse("finance:person-claim", args=[young_person.pk])),
        (pa, reverse("finance:claims-waiting")),
        (pa, reverse("finance:claim-detail", args=[claim.pk])),
        (care_leaver, reverse("finance:my-claim-withdraw", args=[waiting.pk])),
        (pa, reverse("finance:claim-withdraw", args=[waiting.pk])),
        (manager, reverse("finance:payment-run")),
        (manager, reverse("finance:entry-reverse", args=[young_person.pk, entry.pk])),
        (manager, reverse("finance:payments")),
        (manager, reverse("finance:budget")),
    ]
    for user, path in pages:
        for browser_page in (page, phone_page):
            browser_page.context.clear_cookies()
            sign_in_as(browser_page, live_server, user)
            assert browser_page.goto(path).status == 200, path
        assert_no_axe_violations(page)
        width = phone_page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{path} is {width} px wide at 320 px"
