"""Notifications and handovers in a real browser, each page checked with axe-core."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from finance.models import NotificationKind
from handovers.models import Handover
from notifications.services import Reminder, notify
from tests.browser.conftest import assert_no_axe_violations, sign_in_as

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_care_leaver_reads_a_notification_and_chooses_how_to_be_contacted(
    page, phone_page, live_server, care_leaver
):
    notify(
        Reminder(
            recipient_id=care_leaver.pk,
            key="award-unspent:demo",
            kind=NotificationKind.AWARD_UNSPENT,
            message="You have £180 of your Setting up home allowance left. Use it by 3 March 2027.",
            link=reverse("finance:my-money"),
        )
    )
    for browser_page in (page, phone_page):
        sign_in_as(browser_page, live_server, care_leaver)
        browser_page.goto(reverse("portal:my-home"))
        expect(browser_page.get_by_role("link", name="Notifications 1 unread")).to_be_visible()
        browser_page.goto(reverse("notifications:list"))
        assert_no_axe_violations(browser_page)
    page.get_by_role("link", name="You have £180").click()
    expect(page.get_by_role("heading", name="Money that has not been used yet")).to_be_visible()
    assert_no_axe_violations(page)
    expect(page.get_by_role("link", name="Notifications", exact=True)).to_be_visible()

    page.goto(reverse("notifications:settings"))
    assert_no_axe_violations(page)
    page.get_by_role("radio", name="No, I will look here").check()
    page.get_by_role("radio", name="Phone call").check()
    page.get_by_role("button", name="Save settings").click()
    expect(page.get_by_text("Your settings are saved.")).to_be_visible()
    assert_no_axe_violations(page)
    care_leaver.young_person.refresh_from_db()
    assert care_leaver.young_person.preferred_contact == "phone"


def test_a_manager_starts_handovers_and_a_pa_writes_a_summary(
    page, no_js_page, live_server, young_person, pa, manager
):
    sign_in_as(page, live_server, manager)
    page.goto(reverse("portal:team"))
    page.get_by_role("link", name=f"Leaving? {pa.get_full_name()}").click()
    assert_no_axe_violations(page)
    leaving = timezone.localdate() + dt.timedelta(days=14)
    page.get_by_label("Day").fill(str(leaving.day))
    page.get_by_label("Month").fill(str(leaving.month))
    page.get_by_label("Year").fill(str(leaving.year))
    page.get_by_role("button", name="Continue").click()
    # The confirmation page names who is handed over; only its button sets the date.
    expect(page.get_by_text(young_person.full_name)).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Set the leaving date and start handovers").click()
    assert page.get_by_role("heading", name="Handovers and endings").is_visible()
    assert_no_axe_violations(page)
    page.get_by_role("link", name=young_person.full_name).click()
    expect(page.get_by_role("heading", name=young_person.full_name)).to_be_visible()
    assert_no_axe_violations(page)

    # The leaving PA writes the summary in a browser without JavaScript.
    sign_in_as(no_js_page, live_server, pa)
    handover = Handover.objects.get(young_person=young_person)
    no_js_page.goto(handover.get_absolute_url())
    no_js_page.get_by_role("link", name="Write a handover summary").click()
    no_js_page.get_by_role("button", name="Save summary").click()
    expect(no_js_page.get_by_text("There is a problem")).to_be_visible()
    no_js_page.get_by_label("Summary").fill("Jade is starting college in January; call after 4.")
    no_js_page.get_by_role("button", name="Save summary").click()
    expect(no_js_page.get_by_text("The summary is saved.")).to_be_visible()
    page.reload()
    expect(page.get_by_text("starting college in January")).to_be_visible()
    assert_no_axe_violations(page)
