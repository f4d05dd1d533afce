"""Pathway plans in a real browser: a PA writes and logs, a care leaver adds their view."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from pathway import services
from pathway.models import Contact, Document, Matter, Section
from tests.browser.conftest import assert_no_axe_violations, sign_in_as
from tests.factories import PNG_BYTES, AllocationFactory, YoungPersonFactory, pathway_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def record(young_person, pa, manager, care_leaver):
    """A signed plan with a review waiting, an action, a document, contacts and histories."""
    plan, action, document = pathway_world(young_person, pa=pa, manager=manager)
    services.section_view_add(
        section=plan.sections.get(matter=Matter.HEALTH),
        text="I want to see a dentist.",
        by=care_leaver,
    )
    contact = services.contact_record(
        young_person=young_person,
        happened_on=plan.started_on,
        method="visit",
        seen=True,
        note="Talked about colege.",
        by=pa,
    )
    services.contact_correct(contact=contact, note="Talked about college.", by=pa)
    services.accommodation_record(
        young_person=young_person,
        started_on=plan.started_on,
        kind="E",
        suitable=True,
        description="Supported lodgings with Mrs Patel",
        by=pa,
    )
    services.activity_record(
        young_person=young_person, started_on=plan.started_on, code="F2", description="", by=pa
    )
    # Asked after the contact above, so the caseload shows the ask and its flag.
    services.contact_request_make(
        young_person=young_person, message="Can we talk about my rent?", by=care_leaver
    )
    return plan, action, document


def _pages(young_person, pa, manager, care_leaver, other_care_leaver, action):
    pk = young_person.pk
    return [
        (pa, reverse("pathway:caseload")),
        (pa, reverse("pathway:caseload") + "?show=contact_overdue&sort=review"),
        (pa, reverse("portal:young-person-detail", args=[pk])),
        (pa, reverse("pathway:plan", args=[pk])),
        (pa, reverse("pathway:section-edit", args=[pk, "accommodation"])),
        (pa, reverse("pathway:action-create", args=[pk])),
        (pa, reverse("pathway:action-edit", args=[pk, action.pk])),
        (pa, reverse("pathway:review-request", args=[pk])),
        (pa, reverse("pathway:review-edit", args=[pk, 2])),
        (manager, reverse("pathway:reviews-to-sign")),
        (manager, reverse("pathway:review-detail", args=[pk, 2])),
        (pa, reverse("pathway:review-detail", args=[pk, 1])),
        (pa, reverse("pathway:version-detail", args=[pk, 1])),
        (pa, reverse("pathway:version-compare", args=[pk, 1])),
        (pa, reverse("pathway:contacts", args=[pk])),
        (pa, reverse("pathway:contact-create", args=[pk])),
        (pa, reverse("pathway:contact-correct", args=[pk, young_person.contacts.get().pk])),
        (pa, reverse("pathway:situation", args=[pk])),
        (pa, reverse("pathway:accommodation-create", args=[pk])),
        (pa, reverse("pathway:activity-create", args=[pk])),
        (pa, reverse("pathway:health", args=[pk])),
        (pa, reverse("pathway:health-edit", args=[pk])),
        (pa, reverse("pathway:document-create", args=[pk])),
        (pa, reverse("pathway:document-move", args=[pk, young_person.documents.get().pk])),
        (care_leaver, reverse("portal:my-home")),
        (care_leaver, reverse("pathway:my-plan")),
        (care_leaver, reverse("pathway:my-section-view", args=["education"])),
        (care_leaver, reverse("pathway:my-review-request")),
        (care_leaver, reverse("pathway:my-contact-request")),  # asked: says so
        (other_care_leaver, reverse("pathway:my-contact-request")),  # the form
    ]


def test_plan_pages_have_no_accessibility_violations_and_fit_a_phone(
    page, phone_page, live_server, record, young_person, pa, manager, care_leaver, other_care_leaver
):
    _, action, _ = record
    # Eighteen ten days ago: logging a contact asks about the birthday as well.
    eighteen = timezone.localdate() - dt.timedelta(days=10)
    turning = YoungPersonFactory(
        authority=young_person.authority,
        date_of_birth=eighteen.replace(year=eighteen.year - 18, day=min(eighteen.day, 28)),
    )
    AllocationFactory(young_person=turning, pa=pa)
    pages = _pages(young_person, pa, manager, care_leaver, other_care_leaver, action)
    pages.append((pa, reverse("pathway:contact-create", args=[turning.pk])))
    for user, path in pages:
        for browser_page in (page, phone_page):
            browser_page.context.clear_cookies()
            sign_in_as(browser_page, live_server, user)
            response = browser_page.goto(path)
            assert response.status == 200, path
        assert_no_axe_violations(page)
        width = phone_page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{path} is {width} px wide at 320 px"


def _pa_edits_a_section_and_logs_a_contact(page, young_person, check) -> None:
    """The journey; `check(page)` runs on each page reached (axe, where JavaScript runs)."""
    page.goto(reverse("pathway:plan", args=[young_person.pk]))
    check(page)
    page.get_by_role("link", name="Edit Accommodation").click()
    check(page)
    page.get_by_label("Needs", exact=True).fill("A flat of her own by the summer.")
    page.get_by_label("Safety").fill("Smoke alarms checked in October.")
    page.get_by_role("radio", name="Yes").check()
    page.get_by_role("button", name="Save section").click()
    expect(page.get_by_text("Accommodation is saved.")).to_be_visible()
    expect(page.get_by_text("A flat of her own by the summer.")).to_be_visible()
    check(page)
    section = Section.objects.get(plan__young_person=young_person, matter=Matter.ACCOMMODATION)
    assert section.suitability == {"safety": "Smoke alarms checked in October."}
    # The answer lives in the home history, which already said "suitable": nothing added.
    assert list(young_person.accommodation_spells.values_list("suitable", flat=True)) == [True]

    page.get_by_role("link", name="Keeping in touch").click()
    page.get_by_role("link", name="Record a contact").click()
    page.get_by_role("button", name="Save contact").click()  # nothing chosen yet
    expect(page.get_by_text("There is a problem")).to_be_visible()
    check(page)
    page.get_by_role("radio", name="Phone call").check()
    page.get_by_role("group", name="Did you see the young person?").get_by_label("No").check()
    page.get_by_label("Note").fill("She has a viewing on Friday.")
    page.get_by_role("button", name="Save contact").click()
    expect(page.get_by_text("The contact is saved.")).to_be_visible()
    expect(page.get_by_text("She has a viewing on Friday.")).to_be_visible()
    check(page)
    assert Contact.objects.filter(young_person=young_person, method="phone").exists()


def test_a_pa_edits_a_section_and_logs_a_contact(page, live_server, record, young_person, pa):
    sign_in_as(page, live_server, pa)
    _pa_edits_a_section_and_logs_a_contact(page, young_person, assert_no_axe_violations)


def test_the_same_works_without_javascript(no_js_page, live_server, record, young_person, pa):
    # axe-core needs JavaScript, so the check here is only that each step works.
    sign_in_as(no_js_page, live_server, pa)
    _pa_edits_a_section_and_logs_a_contact(no_js_page, young_person, lambda page: None)


def test_a_care_leaver_adds_their_view_to_their_plan(
    page, live_server, record, young_person, care_leaver
):
    sign_in_as(page, live_server, care_leaver)
    page.goto(reverse("portal:my-home"))
    page.get_by_role("link", name="Read your plan and add your views").click()
    expect(page.get_by_role("heading", name="Your pathway plan")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Add your view on Education and training").click()
    expect(page.get_by_text("You cannot change it or take it out")).to_be_visible()
    page.get_by_role("button", name="Send my view").click()
    expect(page.get_by_text("Write what you think before you send it").first).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_label("Your view").fill("I would rather do an apprenticeship.")
    page.get_by_role("button", name="Send my view").click()
    expect(page.get_by_text("Your view is added to your plan.")).to_be_visible()
    expect(page.get_by_text("I would rather do an apprenticeship.")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Visit two colleges").click()
    expect(page.get_by_text("is marked as done")).to_be_visible()
    page.get_by_role("button", name="Not done yet?").click()
    expect(page.get_by_text("is back on your list of steps to do")).to_be_visible()
    assert_no_axe_violations(page)


def test_a_care_leaver_adds_a_document_without_javascript_and_a_refused_one_says_why(
    no_js_page, live_server, young_person, care_leaver, pa, tmp_path
):
    page = no_js_page
    photo, program = tmp_path / "offer.png", tmp_path / "offer.pdf"
    photo.write_bytes(PNG_BYTES)
    program.write_bytes(b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 200)
    sign_in_as(page, live_server, care_leaver)
    page.goto(reverse("portal:my-home"))
    page.get_by_role("link", name="Your documents").first.click()
    page.get_by_role("link", name="Add a document").click()
    page.get_by_label("Give it a name").fill("College offer")
    page.get_by_role("radio", name="Education").check()
    page.get_by_label("Choose the file").set_input_files(program)
    page.get_by_role("button", name="Add the document").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert not Document.objects.exists()

    page.get_by_label("Choose the file").set_input_files(photo)
    page.get_by_role("button", name="Add the document").click()
    expect(page.get_by_text("Your document is added")).to_be_visible()
    expect(page.get_by_role("link", name="College offer")).to_be_visible()
    assert Document.objects.get().uploaded_by == care_leaver
