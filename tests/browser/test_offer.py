"""The local offer in a real browser: no accessibility violations, 320 px, and no JavaScript."""

from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from offer.demo import seed_offer
from offer.models import OfferItem
from tests.browser.conftest import assert_no_axe_violations, sign_in_as

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def statutory_categories(db):
    """The categories the migrations made (the statutory ones, then the Act of 2026's), which
    the flush after another browser test removed."""
    for name in ("0002_statutory_categories", "0005_section_8_areas"):
        import_module(f"offer.migrations.{name}").create(django_apps, None)


@pytest.fixture
def demo_offer(statutory_categories, authority, offer_editor, manager):
    seed_offer(authority=authority, today=timezone.localdate(), seed=7)
    return authority


@pytest.fixture
def public_pages(demo_offer):
    return [
        "/offer/",
        "/offer/money/",
        "/offer/accommodation/",
        "/offer/items/setting-up-home-allowance/",
        "/offer/items/support-for-young-parents-and-parents-to-be/",
        "/offer/search/?q=bursery",
        "/offer/search/?q=help+with+rent",
        "/offer/search/?q=xylophone",
        "/offer/search/?q=",
        "/offer/check/",
    ]


def test_public_offer_pages_have_no_accessibility_violations(page, public_pages):
    for path in public_pages:
        page.goto(path)
        assert_no_axe_violations(page)
    assert not page.console_errors, page.console_errors


def test_public_offer_pages_fit_a_320_pixel_screen(phone_page, public_pages):
    for path in public_pages:
        phone_page.goto(path)
        width = phone_page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{path} is {width} px wide at 320 px"


def test_checker_results_and_errors_have_no_accessibility_violations(page, demo_offer):
    page.goto("/offer/check/")
    page.get_by_label("How old are you?").fill("40")
    page.get_by_role("button", name="Show what I can get").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert_no_axe_violations(page)

    page.get_by_label("How old are you?").fill("19")
    page.get_by_label("I am 18 or over and I was in care when I was 16 or 17").check()
    page.get_by_label("A parent").check()
    page.get_by_role("button", name="Show what I can get").click()
    expect(page.get_by_role("heading", name="What you can get")).to_be_visible()
    assert page.get_by_role("link", name="Support for young parents and parents-to-be").is_visible()
    expect(page.get_by_role("navigation", name="On this page")).to_be_visible()
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": 320, "height": 640})
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, f"the answers are {width} px wide at 320 px"


def test_the_checker_works_without_javascript(no_js_page, demo_offer):
    page = no_js_page
    page.goto("/offer/")
    page.get_by_role("link", name="Answer 3 quick questions").click()
    page.get_by_label("Day").fill("12")
    page.get_by_label("Month").fill("3")
    page.get_by_label("Year").fill(str(timezone.localdate().year - 20))
    page.get_by_label("I am 18 or over and I was in care when I was 16 or 17").check()
    page.get_by_label("At university or in other higher education").check()
    page.get_by_role("button", name="Show what I can get").click()

    expect(page.get_by_role("link", name="Higher education bursary")).to_be_visible()
    expect(page.get_by_text("You said you are at university").first).to_be_visible()
    assert "12" not in page.url.split("/offer/check/")[1]  # nothing they said is in the URL

    # The index at the top leads to each topic's group.
    index = page.get_by_role("navigation", name="On this page")
    index.get_by_role("link", name="Education and training").click()
    assert page.url.endswith("#topic-education-and-training")

    page.get_by_role("button", name="Change my answers").click()
    expect(page.get_by_role("heading", name="Check what you can get")).to_be_visible()
    assert page.get_by_label("Day").input_value() == "12"
    assert page.get_by_label("Month").input_value() == "3"
    assert page.get_by_label("I am 18 or over and I was in care when I was 16 or 17").is_checked()
    assert page.get_by_label("At university or in other higher education").is_checked()
    assert not page.get_by_label("A parent").is_checked()
    assert page.url.endswith("/offer/check/")  # the answers came back in a POST, not the URL
    page.get_by_label("A parent").check()
    page.get_by_role("button", name="Show what I can get").click()
    assert page.get_by_role("link", name="Support for young parents and parents-to-be").is_visible()
    expect(page.get_by_role("link", name="Higher education bursary")).to_be_visible()


def test_searching_works_without_javascript(no_js_page, demo_offer):
    page = no_js_page
    page.goto("/offer/")
    page.get_by_label("Search the offer").fill("money for furniture")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name="Setting up home allowance").first.click()
    expect(page.get_by_role("heading", name="Setting up home allowance")).to_be_visible()


def test_editor_drafts_and_manager_approves_without_violations(
    page, live_server, demo_offer, offer_editor, manager
):
    item = OfferItem.objects.get(slug="birthday-gift")
    sign_in_as(page, live_server, offer_editor)
    page.goto(reverse("offer:manage"))
    assert_no_axe_violations(page)
    page.goto(reverse("offer:item-edit", args=[item.pk]))
    assert_no_axe_violations(page)
    page.get_by_label("Title").fill("Birthday money")
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("The public page has not changed yet")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Send for approval").click()
    page.goto(reverse("offer:item-history", args=[item.pk]))
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Compare with version 1").click()
    assert_no_axe_violations(page)
    page.goto(reverse("offer:item-create"))
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert_no_axe_violations(page)

    page.context.clear_cookies()
    sign_in_as(page, live_server, manager)
    page.goto(reverse("offer:item-preview", args=[item.pk]))
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Approve and publish").click()
    # The confirmation shows what changes on the public page before anything is published.
    expect(page.get_by_text("What changes on the public page")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Approve and publish").click()
    page.goto(reverse("offer:sign-off"))
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Sign off the offer").click()
    page.goto("/offer/items/birthday-gift/")
    expect(page.get_by_role("heading", name="Birthday money")).to_be_visible()
    expect(page.get_by_text(f"signed off by {manager.get_full_name()}")).to_be_visible()


def test_care_leavers_home_page_with_their_offer_has_no_violations(
    page, live_server, demo_offer, care_leaver
):
    sign_in_as(page, live_server, care_leaver)
    page.goto(reverse("portal:my-home"))
    expect(page.get_by_role("heading", name="Your offer")).to_be_visible()
    assert_no_axe_violations(page)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 1024


def test_an_item_page_prints_without_navigation(page, demo_offer):
    page.goto("/offer/items/setting-up-home-allowance/")
    page.emulate_media(media="print")
    assert not page.locator(".govuk-service-navigation").is_visible()
    assert not page.locator(".govuk-back-link").is_visible()
    expect(page.get_by_role("heading", name="Setting up home allowance")).to_be_visible()
