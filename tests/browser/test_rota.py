"""The duty rota in a real browser: a PA takes a swap and logs an enquiry; a manager fills
a gap; every rota page checked with axe-core and at 320 px."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from pathway.models import Contact
from rota import services
from rota.models import DutyEnquiry, PatternSlot, Shift
from tests.browser.conftest import assert_no_axe_violations, sign_in_as
from tests.factories import rota_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_pa_takes_a_swap_and_logs_an_enquiry(
    page, live_server, young_person, pa, other_pa, manager
):
    shift, offer, _, _ = rota_world(young_person, pa=pa, manager=manager)
    now = timezone.now()
    services.shift_create(
        authority=young_person.authority,
        role="duty",
        starts_at=now - dt.timedelta(hours=1),
        ends_at=now + dt.timedelta(hours=3),
        pa=other_pa,
        by=manager,
    )  # fmt: skip  (on duty now, so any young person of the council can be found)
    sign_in_as(page, live_server, other_pa)
    page.goto(reverse("rota:mine"))
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Take this shift").click()
    expect(page.get_by_text("The shift is yours")).to_be_visible()
    assert_no_axe_violations(page)
    assert Shift.objects.get(pk=shift.pk).pa == other_pa

    page.get_by_role("link", name="Duty log").first.click()
    page.get_by_role("link", name="Log an enquiry about a young person").click()
    page.get_by_label("Name, date of birth or ID").fill(young_person.last_name)
    page.get_by_role("button", name="Search").click()
    assert "Okoro" not in page.url
    assert_no_axe_violations(page)
    page.get_by_role("link", name=f"Log an enquiry about {young_person.full_name}").click()
    page.get_by_role("button", name="Save enquiry").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("radio", name="Phone").check()
    page.get_by_label("What it was about").fill("Locked out of her flat at night")
    page.get_by_label("What was done").fill("Called the out-of-hours locksmith")
    page.get_by_role("button", name="Save enquiry").click()
    expect(page.get_by_text("The enquiry is logged.")).to_be_visible()
    assert_no_axe_violations(page)
    assert DutyEnquiry.objects.filter(about__startswith="Locked out").exists()
    expect(page.get_by_text(f"On duty now: {other_pa.get_full_name()}")).to_be_visible()
    assert Contact.objects.filter(young_person=young_person, method="duty").count() == 2


def test_a_manager_fills_a_gap(page, live_server, authority, manager, pa):
    start = timezone.localtime() + dt.timedelta(days=2)
    gap = services.shift_create(
        authority=authority, role="backup", starts_at=start, ends_at=start + dt.timedelta(hours=4),
        pa=None, by=manager,
    )  # fmt: skip
    sign_in_as(page, live_server, manager)
    page.goto(reverse("rota:coverage"))
    expect(page.get_by_text("1 gap to fill")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Fill the back-up shift").click()
    assert_no_axe_violations(page)
    page.get_by_label("Personal adviser").select_option(str(pa.pk))
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Every shift is filled.")).to_be_visible()
    assert Shift.objects.get(pk=gap.pk).pa == pa


def test_rota_pages_have_no_accessibility_violations_and_fit_a_phone(
    page, phone_page, live_server, young_person, pa, manager, authority
):
    shift, _, _, _ = rota_world(young_person, pa=pa, manager=manager)
    PatternSlot.objects.create(
        authority=authority, weekday=0, role="duty", starts=dt.time(9), ends=dt.time(17)
    )
    pages = [
        (pa, reverse("rota:rota")),
        (pa, reverse("rota:rota") + "?view=month"),
        (pa, reverse("rota:mine")),
        (pa, reverse("rota:leave-create")),
        (pa, reverse("rota:duty-log")),
        (pa, reverse("rota:enquiry-create")),
        (pa, reverse("rota:enquiry-find")),
        (pa, reverse("rota:enquiry-create-for", args=[young_person.pk])),
        (manager, reverse("rota:shift-create")),
        (manager, reverse("rota:coverage")),
        (manager, reverse("rota:generate")),
        (manager, reverse("rota:fill", args=[shift.pk])),
    ]
    for user, path in pages:
        for browser_page in (page, phone_page):
            browser_page.context.clear_cookies()
            sign_in_as(browser_page, live_server, user)
            assert browser_page.goto(path).status == 200, path
        assert_no_axe_violations(page)
        width = phone_page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{path} is {width} px wide at 320 px"
