"""Safe and housed in a real browser, without JavaScript: a PA saves a high level, the
manager agrees it, and the young person reads the part shared with them."""

import pytest
from django.urls import reverse

from tests.browser.conftest import assert_no_axe_violations, sign_in_as
from tests.factories import risk_areas

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_high_risk_is_agreed_and_the_young_person_reads_their_safety_plan(
    page, no_js_page, phone_page, live_server, care_leaver, young_person, pa, manager
):
    """The PA's form without JavaScript (axe-core needs it: the sweep checks that page)."""
    risk_areas()
    form, page = page, no_js_page
    sign_in_as(page, live_server, pa)
    page.goto(reverse("safety:assessment-save", args=[young_person.pk]))
    missing = page.get_by_role("group", name="Going missing")
    missing.get_by_role("radio", name="High").check()
    missing.get_by_label("Why this level").fill("Missing three nights this month.")
    missing.get_by_label("What keeps them safe").fill("Texting Sam before going out.")
    exploitation = page.get_by_role("group", name="Criminal and sexual exploitation")
    exploitation.get_by_role("radio", name="Medium").check()
    exploitation.get_by_label("Why this level").fill("Seen with older men.")
    exploitation.get_by_label("Not shared with them because").fill("From the police")
    page.get_by_role("group", name="Step 1").get_by_label("What").fill("Agree a safe word")
    page.get_by_role("group", name="Step 1").get_by_label("Who").fill("Their PA")
    page.get_by_role("button", name="Save as a new version").click()
    assert page.get_by_text("A high level needs a manager's agreement").is_visible()

    page = form
    sign_in_as(page, live_server, manager)
    page.goto(reverse("safety:version", args=[young_person.pk, 1]))
    page.get_by_role("button", name="Agree the high level").click()
    assert page.get_by_text("The pathway plan review has been brought forward").is_visible()
    assert_no_axe_violations(page)

    sign_in_as(phone_page, live_server, care_leaver)
    phone_page.goto(reverse("portal:my-home"))
    phone_page.get_by_role("link", name="Read your safety plan").click()
    assert phone_page.get_by_text("Texting Sam before going out.").is_visible()
    assert phone_page.get_by_text("Seen with older men.").count() == 0
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_no_axe_violations(phone_page)
