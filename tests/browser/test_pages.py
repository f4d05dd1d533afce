"""Pages the sweep cannot reach, forms with errors, and journeys without JavaScript."""

import datetime as dt

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from django.views.defaults import server_error
from playwright.sync_api import expect

from people.services import invitation_create, pa_leaving_set
from people.setup_links import set_up_path
from tests.browser.conftest import assert_no_axe_violations, sign_in_as
from tests.browser.test_sweep import choice_codes, problems_of
from tests.factories import (
    TEST_PASSWORD,
    AllocationFactory,
    UserFactory,
    YoungPersonFactory,
    money_world,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def pages(manager, care_leaver, authority, pa):
    """(who, path) for each page the access matrix's sweep cannot reach (tests/browser/
    test_sweep.py visits the rest): links with a real secret, and the error pages."""
    newcomer = UserFactory(role="pa", authority=authority, mfa=False, email="new.pa@example.org")
    unallocated = YoungPersonFactory(authority=authority, first_name="Tia", last_name="Morgan")
    _, token = invitation_create(young_person=unallocated, email="tia@example.org", by=manager)
    # A PA of the manager's team who is leaving, for the page that cancels a leaving date
    # (the matrix's PA has no leaving date to cancel).
    leaver = UserFactory(role="pa", authority=authority, team=pa.team, email="leaver@example.org")
    AllocationFactory(young_person=YoungPersonFactory(authority=authority), pa=leaver)
    pa_leaving_set(pa=leaver, leaving_on=timezone.localdate() + dt.timedelta(days=30), by=manager)
    return [
        (None, f"/invitations/{token}/"),
        (None, "/invitations/not-a-real-token/"),
        (None, set_up_path(newcomer)),
        (None, "/staff/set-up/MQ/not-a-real-token/"),
        (None, "/no-such-page/"),
        (care_leaver, reverse("pathway:caseload")),  # refused: 403
        (manager, "/no-such-page/"),
        (manager, reverse("portal:pa-leaving-cancel", args=[leaver.pk])),
    ]


def test_pages_the_sweep_cannot_reach_read_well_at_320_px(phone_page, live_server, pages):
    """Tested as the sweep tests its pages: at 320 px, then axe-core at 1024 px."""
    codes, initialisms = choice_codes()
    failures = []
    for user, path in pages:
        phone_page.context.clear_cookies()
        if user is not None:
            sign_in_as(phone_page, live_server, user)
        phone_page.set_viewport_size({"width": 320, "height": 640})
        phone_page.goto(path)
        problems = problems_of(phone_page, codes, initialisms)
        phone_page.set_viewport_size({"width": 1024, "height": 800})
        assert_no_axe_violations(phone_page)
        if problems:
            failures.append(f"{path}: {problems}")
    assert not failures, "\n".join(failures)


def test_a_form_with_errors_has_no_accessibility_violations(page, live_server, pa, young_person):
    sign_in_as(page, live_server, pa)
    page.goto(reverse("portal:invitation-create", args=[young_person.pk]))
    page.get_by_label("Their email address").fill("not an email")
    page.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert_no_axe_violations(page)


def test_add_young_person_errors_have_no_accessibility_violations(page, live_server, manager):
    sign_in_as(page, live_server, manager)
    page.goto(reverse("portal:young-person-create"))
    page.get_by_role("button", name="Save details").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    expect(page.get_by_role("link", name="Enter their first name")).to_be_visible()
    assert_no_axe_violations(page)


def test_a_search_with_no_results_has_no_accessibility_violations(page, live_server, pa):
    sign_in_as(page, live_server, pa)
    page.goto("/caseload/")
    page.get_by_label("Search by name").fill("Nobody-by-this-name")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_text("No one on your caseload matches")).to_be_visible()
    assert "Nobody" not in page.url
    assert_no_axe_violations(page)


def test_a_clashing_edit_keeps_what_was_typed_and_has_no_violations(
    page, live_server, pa, young_person
):
    sign_in_as(page, live_server, pa)
    page.goto(reverse("portal:young-person-edit", args=[young_person.pk]))
    young_person.phone = "07700 900111"
    young_person.save()  # someone else saves while the form is open
    page.get_by_label("Mobile or phone number (optional)").fill("07700 900222")
    page.get_by_role("button", name="Save details").click()

    expect(page.get_by_text("Your changes were not saved")).to_be_visible()
    assert page.get_by_label("Mobile or phone number (optional)").input_value() == "07700 900222"
    assert_no_axe_violations(page)


def test_care_leaver_makes_an_account_and_signs_in_without_javascript(
    no_js_page, live_server, pa, young_person
):
    young_person.user = None
    young_person.save()
    _, token = invitation_create(young_person=young_person, email="jade.new@example.org", by=pa)
    page = no_js_page
    page.goto(f"/invitations/{token}/")
    page.get_by_label("Create a password").fill(TEST_PASSWORD)
    page.get_by_label("Type the password again").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Create my account").click()

    assert "/accounts/login/" in page.url
    page.get_by_label("Email").fill("jade.new@example.org")
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    assert page.url.endswith("/my/")
    expect(page.get_by_text(pa.get_full_name())).to_be_visible()


def test_manager_allocates_a_pa_without_javascript(no_js_page, live_server, manager, pa, authority):
    person = YoungPersonFactory(authority=authority, first_name="Omar", last_name="Sheikh")
    sign_in_as(no_js_page, live_server, manager)
    no_js_page.goto("/team/")
    no_js_page.get_by_role("link", name="Allocate a PA for Omar Sheikh").click()
    no_js_page.get_by_label("Personal adviser").select_option(str(pa.pk))
    no_js_page.get_by_role("button", name="Allocate").click()

    expect(no_js_page.get_by_text(f"Omar Sheikh is now allocated to {pa}")).to_be_visible()
    assert person.allocations.get().pa == pa


def test_expired_form_and_server_error_pages_have_no_accessibility_violations(
    page, live_server, settings
):
    """With DEBUG off, as every browser test runs: the portal's own pages, never Django's."""
    assert not settings.DEBUG
    # A form sent without a valid token: the sign-in form, after its CSRF cookie has gone.
    page.goto("/accounts/login/")
    page.context.clear_cookies()
    page.get_by_label("Email").fill("someone@example.org")
    page.get_by_label("Password").fill("not-their-password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="This page has expired")).to_be_visible()
    assert "someone@example.org" not in page.content()
    assert_no_axe_violations(page)
    # The server error page as Django draws it when a view fails, served at an address.
    html = server_error(RequestFactory().get("/")).content.decode()
    page.route("**/broken/", lambda route: route.fulfill(status=500, body=html))
    page.goto("/broken/")
    expect(page.get_by_role("heading", name="Sorry, there is a problem")).to_be_visible()
    assert_no_axe_violations(page)


def open_team_page_on_a_phone(page, live_server, manager) -> None:
    page.set_viewport_size({"width": 360, "height": 640})
    sign_in_as(page, live_server, manager)
    page.goto(reverse("portal:team"))


def test_staff_menu_folds_behind_a_button_on_a_phone(phone_page, live_server, manager):
    page = phone_page
    open_team_page_on_a_phone(page, live_server, manager)
    menu = page.get_by_role("button", name="Menu")
    budgets = page.get_by_role("link", name="Budgets")
    assert menu.is_visible() and not budgets.is_visible()
    heading = page.get_by_role("heading", level=1).bounding_box()
    assert heading["y"] + heading["height"] < 640, "the page's heading is not on the first screen"

    menu.click()
    assert budgets.is_visible() and page.get_by_role("link", name="Sign out").is_visible()
    assert menu.get_attribute("aria-expanded") == "true"
    assert_no_axe_violations(page)


def test_staff_menu_without_javascript_is_a_list_of_links(no_js_page, live_server, manager):
    page = no_js_page
    open_team_page_on_a_phone(page, live_server, manager)
    assert not page.get_by_role("button", name="Menu").is_visible()
    for name in ("Team", "Budgets", "Payments", "Sign out"):
        expect(page.get_by_role("link", name=name, exact=True)).to_be_visible()


def test_a_care_leaver_sees_when_to_use_their_money_by_on_a_phone(
    phone_page, live_server, care_leaver, pa, manager
):
    money_world(care_leaver.young_person, pa=pa, manager=manager)
    phone_page.set_viewport_size({"width": 360, "height": 640})
    sign_in_as(phone_page, live_server, care_leaver)
    phone_page.goto(reverse("finance:my-money"))
    use_by = phone_page.get_by_text("Use it by").bounding_box()
    assert use_by["x"] + use_by["width"] <= 360, "the date to use it by is off the screen"
