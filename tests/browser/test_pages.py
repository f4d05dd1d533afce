"""Every page so far: no axe-core violations, readable at 320 px, usable without JavaScript."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from people.services import invitation_create, pa_leaving_set
from people.setup_links import set_up_path
from tests.browser.conftest import assert_no_axe_violations, sign_in_as
from tests.factories import TEST_PASSWORD, AllocationFactory, UserFactory, YoungPersonFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def pages(pa, manager, care_leaver, young_person, authority):
    """(who, path) for each page, with the data it needs."""
    newcomer = UserFactory(role="pa", authority=authority, mfa=False, email="new.pa@example.org")
    unallocated = YoungPersonFactory(authority=authority, first_name="Tia", last_name="Morgan")
    _, token = invitation_create(young_person=unallocated, email="tia@example.org", by=manager)
    profile = reverse("portal:young-person-detail", args=[young_person.pk])
    # A PA of the manager's team who is leaving, for the page that cancels a leaving date.
    leaver = UserFactory(role="pa", authority=authority, team=pa.team, email="leaver@example.org")
    AllocationFactory(young_person=YoungPersonFactory(authority=authority), pa=leaver)
    pa_leaving_set(pa=leaver, leaving_on=timezone.localdate() + dt.timedelta(days=30), by=manager)
    return [
        (None, "/"),
        (None, "/accounts/login/"),
        (None, "/accounts/password/reset/"),
        (None, f"/invitations/{token}/"),
        (None, "/invitations/not-a-real-token/"),
        (None, set_up_path(newcomer)),
        (None, "/staff/set-up/MQ/not-a-real-token/"),
        (None, reverse("portal:staff-not-set-up")),
        (None, "/no-such-page/"),
        (care_leaver, reverse("pathway:caseload")),
        (pa, "/caseload/"),
        (pa, profile),
        (pa, reverse("portal:invitation-create", args=[young_person.pk])),
        (pa, reverse("portal:young-person-edit", args=[young_person.pk])),
        (manager, reverse("portal:young-person-create")),
        (pa, "/accounts/2fa/"),
        (manager, "/team/"),
        (manager, reverse("portal:pa-leaving-cancel", args=[leaver.pk])),
        (manager, reverse("portal:allocation-create", args=[unallocated.pk])),
        (care_leaver, "/my/"),
        (care_leaver, "/accounts/email/"),
    ]


def visit_each(page, live_server, pages):
    """Open each page as its person (or signed out), yielding its path once it has loaded."""
    for user, path in pages:
        page.context.clear_cookies()
        if user is not None:
            sign_in_as(page, live_server, user)
        page.goto(path)
        yield path


def test_pages_have_no_accessibility_violations(page, live_server, pages):
    for _ in visit_each(page, live_server, pages):
        assert_no_axe_violations(page)
    # Pages that answer 404 or 410 on purpose log a failed load; nothing else may fail.
    errors = [e for e in page.console_errors if not e.startswith("Failed to load resource")]
    assert not errors, errors


def test_pages_fit_a_320_pixel_screen(phone_page, live_server, pages):
    for path in visit_each(phone_page, live_server, pages):
        width = phone_page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{path} is {width} px wide at 320 px"


def test_a_form_with_errors_has_no_accessibility_violations(page, live_server, pa, young_person):
    sign_in_as(page, live_server, pa)
    page.goto(reverse("portal:invitation-create", args=[young_person.pk]))
    page.get_by_label("Their email address").fill("not an email")
    page.get_by_role("button", name="Send invitation").click()
    assert page.get_by_text("There is a problem").is_visible()
    assert_no_axe_violations(page)


def test_add_young_person_errors_have_no_accessibility_violations(page, live_server, manager):
    sign_in_as(page, live_server, manager)
    page.goto(reverse("portal:young-person-create"))
    page.get_by_role("button", name="Save details").click()
    assert page.get_by_text("There is a problem").is_visible()
    assert page.get_by_role("link", name="Enter their first name").is_visible()
    assert_no_axe_violations(page)


def test_a_search_with_no_results_has_no_accessibility_violations(page, live_server, pa):
    sign_in_as(page, live_server, pa)
    page.goto("/caseload/")
    page.get_by_label("Search by name").fill("Nobody-by-this-name")
    page.get_by_role("button", name="Search").click()
    assert page.get_by_text("No one on your caseload matches").is_visible()
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

    assert page.get_by_text("Your changes were not saved").is_visible()
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
    assert page.get_by_text(pa.get_full_name()).is_visible()


def test_manager_allocates_a_pa_without_javascript(no_js_page, live_server, manager, pa, authority):
    person = YoungPersonFactory(authority=authority, first_name="Omar", last_name="Sheikh")
    sign_in_as(no_js_page, live_server, manager)
    no_js_page.goto("/team/")
    no_js_page.get_by_role("link", name="Allocate a PA for Omar Sheikh").click()
    no_js_page.get_by_label("Personal adviser").select_option(str(pa.pk))
    no_js_page.get_by_role("button", name="Allocate").click()

    assert no_js_page.get_by_text(f"Omar Sheikh is now allocated to {pa}").is_visible()
    assert person.allocations.get().pa == pa
