"""The statutory returns and the dashboard in a real browser, checked with axe-core."""

import datetime as dt

import pytest
from django.urls import reverse

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
    assert page.get_by_text("Ethnicity not recorded").is_visible()
    assert page.get_by_role("link", name="SSDA903 care leavers (CSV)").is_visible()
    assert_no_axe_violations(page)


def test_the_dashboard_works_without_javascript_and_passes_axe(
    page, no_js_page, live_server, young_person, manager
):
    sign_in_as(page, live_server, manager)
    page.goto(reverse("dashboard:home"))
    assert page.get_by_role("heading", name="Dashboard", exact=True).is_visible()
    assert page.get_by_role("img", name="In touch by month").is_visible()
    assert_no_axe_violations(page)
    page.locator('a[href^="/dashboard/in-touch/"]').click()
    assert page.get_by_role("heading", name="In touch").is_visible()
    assert_no_axe_violations(page)
    # Choosing a month is a plain form: it works without JavaScript.
    sign_in_as(no_js_page, live_server, manager)
    no_js_page.goto(reverse("dashboard:home"))
    no_js_page.get_by_label("Month", exact=True).select_option(index=3)
    no_js_page.get_by_role("button", name="Show").click()
    assert "month=" in no_js_page.url
    assert no_js_page.get_by_role("heading", name="Caseload per PA").is_visible()
