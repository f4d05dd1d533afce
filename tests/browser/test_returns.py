"""The statutory returns and the dashboard in a real browser, checked with axe-core."""

import datetime as dt

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations, sign_in_as
from tests.factories import AllocationFactory, YoungPersonFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_manager_picks_a_year_and_sees_what_to_check(page, live_server, authority, pa, manager):
    person = YoungPersonFactory(
        authority=authority, date_of_birth=dt.date(2007, 6, 10), sex="F", ethnicity=""
    )
    AllocationFactory(young_person=person, pa=pa)
    manager.sees_all_teams = True  # the returns are the service manager's
    manager.save()
    sign_in_as(page, live_server, manager)
    page.goto(reverse("pathway:returns"))
    page.get_by_label("Collection year (ending 31 March)").select_option("2026")
    page.get_by_role("button", name="Show this year").click()
    expect(page.get_by_text("Ethnicity not recorded")).to_be_visible()
    expect(page.get_by_role("link", name="SSDA903 care leavers (CSV)")).to_be_visible()
    assert_no_axe_violations(page)


# The dashboard at 1024 x 800 is at most three screens high, footer and all: about 35
# figures from every app, four tiles a row (two screens held the first 17).
SCREENS = 3


def test_the_dashboard_opens_on_one_screen_fits_a_phone_and_works_without_javascript(
    page, phone_page, no_js_page, live_server, young_person, manager
):
    sign_in_as(page, live_server, manager)
    page.goto(reverse("dashboard:home"))
    expect(page.get_by_role("heading", name="Dashboard", exact=True)).to_be_visible()
    expect(page.locator("#tile-in-touch").get_by_text("Off track")).to_be_visible()
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height <= SCREENS * 800, f"the dashboard is {height} px high at 1024 x 800"
    assert_no_axe_violations(page)
    page.get_by_role("link", name="In touch", exact=True).click()
    expect(page.get_by_role("heading", name="In touch", exact=True)).to_be_visible()
    expect(page.get_by_role("img", name="In touch by month")).to_be_visible()
    expect(page.get_by_role("region", name="In touch: the numbers by month")).to_be_visible()
    assert_no_axe_violations(page)
    detail = page.url
    sign_in_as(phone_page, live_server, manager)
    for path in (detail, reverse("dashboard:home")):  # the tiles last
        phone_page.goto(path)
        width = phone_page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{path} is {width} px wide at 320 px"
    tiles = phone_page.locator(".lc-tile")
    first, second = tiles.nth(0).bounding_box(), tiles.nth(1).bounding_box()
    assert second["y"] >= first["y"] + first["height"]  # stacked, one to a row
    # Choosing a month is a plain form: it works without JavaScript.
    sign_in_as(no_js_page, live_server, manager)
    no_js_page.goto(reverse("dashboard:home"))
    no_js_page.get_by_label("Month", exact=True).select_option(index=3)
    no_js_page.get_by_role("button", name="Show").click()
    assert "month=" in no_js_page.url
    expect(no_js_page.get_by_role("link", name="In touch", exact=True)).to_be_visible()
