"""Plan pages: the caseload, editing without overwriting, the young person's own plan, PDFs."""

import datetime as dt
import io

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from pathway import services
from pathway.models import (
    Action,
    ActionOwner,
    ActionStatus,
    Contact,
    Matter,
    Plan,
    ReviewReason,
    Section,
)
from people.models import Allocation, YoungPerson
from tests.factories import YoungPersonFactory, signed_plan
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def _days(n):
    return TODAY() - dt.timedelta(days=n)


def _caseload(client, **params):
    response = client.get(reverse("pathway:caseload"), params)
    assert response.status_code == 200
    return {p.full_name: p for p in response.context["page"].object_list}


def test_the_caseload_flags_what_is_due_for_each_young_person(
    client, pa, manager, authority, young_person
):
    # Jade: signed plan, seen last week, nothing overdue.
    signed_plan(young_person, pa=pa, manager=manager)
    services.contact_record(
        young_person=young_person, happened_on=_days(7), method="visit", seen=True, note="", by=pa
    )
    # Sam: plan overdue for review, no contact for ten weeks, an action overdue.
    sam = YoungPersonFactory(authority=authority, first_name="Sam", last_name="Reid")
    Allocation.objects.create(young_person=sam, pa=pa, started_on=_days(400))
    plan = services.plan_start(young_person=sam, by=pa, today=_days(300))
    Plan.objects.filter(pk=plan.pk).update(last_signed_on=_days(200), review_due_on=_days(17))
    services.contact_record(
        young_person=sam, happened_on=_days(70), method="phone", seen=False, note="", by=pa
    )
    services.action_create(
        plan=plan,
        matter=Matter.FINANCE,
        what="Open a bank account",
        owner=ActionOwner.YOUNG_PERSON,
        agency="",
        due_on=_days(3),
        by=pa,
    )
    # Ali: no plan at all.
    ali = YoungPersonFactory(authority=authority, first_name="Ali", last_name="Khan")
    Allocation.objects.create(young_person=ali, pa=pa, started_on=_days(5))

    client.force_login(pa)
    rows = _caseload(client)
    jade, sam_row, ali_row = rows["Jade Okoro"], rows["Sam Reid"], rows["Ali Khan"]
    assert jade.review_due > TODAY() and jade.contact_due > TODAY() and not jade.actions_overdue
    assert sam_row.review_due < TODAY() and sam_row.contact_due < TODAY()
    assert sam_row.actions_overdue == 1
    assert ali_row.plan_id is None and ali_row.contact_due > TODAY()  # allocated 5 days ago

    assert set(_caseload(client, show="review_overdue")) == {"Sam Reid"}
    assert set(_caseload(client, show="contact_overdue")) == {"Sam Reid"}
    assert set(_caseload(client, show="actions_overdue")) == {"Sam Reid"}
    # Sam's plan was signed before; Ali has none.
    assert set(_caseload(client, show="no_plan")) == {"Ali Khan"}
    assert list(_caseload(client, sort="review"))[:2] == ["Ali Khan", "Sam Reid"]
    page = client.get(reverse("pathway:caseload")).content.decode()
    assert "No plan" in page and "Contact overdue" in page and "Overdue since" in page


def test_the_interval_for_contact_is_set_per_council(client, pa, young_person):
    services.contact_record(
        young_person=young_person, happened_on=_days(30), method="text", seen=False, note="", by=pa
    )
    client.force_login(pa)
    assert _caseload(client)["Jade Okoro"].contact_due > TODAY()
    young_person.authority.contact_interval_weeks = 4
    young_person.authority.save()
    assert _caseload(client)["Jade Okoro"].contact_due < TODAY()


def _people_with_records(authority, pa, start: int, count: int):
    people = YoungPerson.objects.bulk_create(
        YoungPerson(
            authority=authority,
            first_name=f"Person{start + n}",
            last_name="Test",
            date_of_birth=dt.date(2007, 1, 1) + dt.timedelta(days=n),
            legal_status="former_relevant",
            date_left_care=dt.date(2025, 1, 1),
        )
        for n in range(count)
    )
    Allocation.objects.bulk_create(
        Allocation(young_person=p, pa=pa, started_on=_days(100)) for p in people
    )
    plans = Plan.objects.bulk_create(
        Plan(
            young_person=p,
            started_on=_days(90),
            started_by=pa,
            last_signed_on=_days(80),
            review_due_on=_days(80) + dt.timedelta(days=182),
        )
        for p in people
    )
    Section.objects.bulk_create(Section(plan=plan, matter=m) for plan in plans for m in Matter)
    Contact.objects.bulk_create(
        Contact(young_person=p, happened_on=_days(d), method="visit", seen=True, recorded_by=pa)
        for p in people
        for d in (10, 40)
    )
    Action.objects.bulk_create(
        Action(
            plan=plan,
            matter=Matter.HEALTH,
            what="Register with a GP",
            owner=ActionOwner.PA,
            due_on=_days(5),
            created_by=pa,
        )
        for plan in plans
    )
    # Autovacuum would have analysed a real council's tables; without it the planner can
    # take these freshly filled ones for empty, and the caseload's plan for minutes.
    with connection.cursor() as cursor:
        cursor.execute(
            "ANALYZE portal_youngperson, portal_allocation, pathway_plan, pathway_section, "
            "pathway_contact, pathway_action"
        )


def test_the_caseload_makes_as_many_queries_for_400_young_people_as_for_30(client, pa, authority):
    client.force_login(pa)
    _people_with_records(authority, pa, 0, 20)
    url = reverse("pathway:caseload")
    client.get(url)  # the first request of a session also starts its idle clock
    status, one_page = count_queries(client, url)
    assert status == 200
    _people_with_records(authority, pa, 20, 10)
    _, with_30 = count_queries(client, url)
    assert with_30 == one_page + 1  # a list longer than a page is counted
    _people_with_records(authority, pa, 30, 370)
    status, with_400 = count_queries(client, url + "?sort=contact&show=actions_overdue")
    assert status == 200
    _, with_400_by_name = count_queries(client, url)
    assert with_400 == with_30 == with_400_by_name


def test_two_people_editing_one_section_the_second_save_is_refused_and_both_texts_kept(
    client, young_person, pa, manager
):
    services.plan_start(young_person=young_person, by=pa)
    url = reverse("pathway:section-edit", args=[young_person.pk, Matter.ACCOMMODATION])
    client.force_login(pa)
    opened = client.get(url).context["form"].initial["revision"]
    from django.test import Client

    other = Client()
    other.force_login(manager)
    assert other.get(url).status_code == 200
    first = other.post(url, {"revision": opened, "needs": "A ground-floor flat near college."})
    assert first.status_code == 302
    second = client.post(url, {"revision": opened, "needs": "Help with the deposit."})
    assert second.status_code == 409
    page = second.content.decode()
    assert "Your changes were not saved" in page
    assert "A ground-floor flat near college." in page  # what was saved
    assert "Help with the deposit." in page  # what they typed, still in the form
    section = Section.objects.get(plan__young_person=young_person, matter=Matter.ACCOMMODATION)
    assert section.needs == "A ground-floor flat near college."
    # Saving again, now knowing both, works.
    again = client.post(
        url,
        {
            "revision": second.context["form"].data["revision"],
            "needs": "A ground-floor flat near college. Help with the deposit.",
        },
    )
    assert again.status_code == 302
    section.refresh_from_db()
    assert section.needs == "A ground-floor flat near college. Help with the deposit."


def test_the_care_leaver_reads_their_plan_adds_a_view_and_ticks_off_their_action(
    client, young_person, pa, manager, care_leaver
):
    plan = signed_plan(young_person, pa=pa, manager=manager)
    mine = services.action_create(
        plan=plan,
        matter=Matter.FINANCE,
        what="Open a bank account",
        owner=ActionOwner.YOUNG_PERSON,
        agency="",
        due_on=_days(-10),
        by=pa,
    )
    theirs = services.action_create(
        plan=plan,
        matter=Matter.FINANCE,
        what="Apply for the bursary",
        owner=ActionOwner.PA,
        agency="",
        due_on=_days(-10),
        by=pa,
    )
    client.force_login(care_leaver)
    page = client.get(reverse("pathway:my-plan")).content.decode()
    assert "Help to find a college course." in page and "Open a bank account" in page

    url = reverse("pathway:my-section-view", args=["education"])
    empty = client.post(url, {"text": "   "})
    assert empty.status_code == 200 and "Write what you think" in empty.content.decode()
    assert not plan.sections.get(matter="education").views.exists()
    client.post(url, {"text": "I want to do plumbing, not catering."})
    assert plan.sections.get(matter="education").views.get().text == (
        "I want to do plumbing, not catering."
    )

    client.post(reverse("pathway:my-action-done", args=[mine.pk]))
    client.post(reverse("pathway:my-action-done", args=[theirs.pk]))
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.status == ActionStatus.DONE and mine.done_by == care_leaver
    assert theirs.status == ActionStatus.OPEN

    client.post(reverse("pathway:my-review-request"), {"note": "I am moving in March."})
    plan.refresh_from_db()
    assert plan.review_requests.get().reason == ReviewReason.YOUNG_PERSON_ASKED
    assert plan.review_due_on == TODAY() + dt.timedelta(days=28)


def _pdf_text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    )
    return " ".join(page.extract_text() for page in reader.pages)


def test_the_pdf_holds_every_section_of_the_signed_plan(
    client, young_person, pa, manager, care_leaver
):
    signed_plan(young_person, pa=pa, manager=manager, needs="Enrol on the plumbing course.")
    client.force_login(pa)
    text = " ".join(
        _pdf_text(client.get(reverse("pathway:version-pdf", args=[young_person.pk, 1]))).split()
    )
    for matter in Matter:
        assert matter.label in text, matter.label
    assert "Enrol on the plumbing course." in text
    assert young_person.full_name in text
    client.force_login(care_leaver)
    own = client.get(reverse("pathway:my-plan-pdf"))
    assert "Enrol on the plumbing course." in " ".join(_pdf_text(own).split())


def test_the_profile_shows_plan_and_contact_at_a_glance(client, young_person, pa, manager):
    signed_plan(young_person, pa=pa, manager=manager)
    services.contact_record(
        young_person=young_person, happened_on=_days(70), method="phone", seen=False, note="", by=pa
    )
    client.force_login(pa)
    page = client.get(reverse("portal:young-person-detail", args=[young_person.pk])).content
    page = page.decode()
    assert "Contact overdue" in page
    assert "Review due by" in page


def test_the_caseload_counts_a_29_february_birthday_as_1_march_like_the_page(authority, pa):
    from pathway.due import next_birthday_that_matters
    from pathway.selectors import caseload

    leap = YoungPersonFactory(authority=authority, date_of_birth=dt.date(2008, 2, 29))
    Allocation.objects.create(young_person=leap, pa=pa, started_on=dt.date(2025, 1, 1))
    today = dt.date(2026, 2, 28)
    row = caseload(pa, today=today, sort="birthday").get(pk=leap.pk)
    assert row.next_birthday == dt.date(2026, 3, 1)
    assert next_birthday_that_matters(leap.date_of_birth, today) == (18, dt.date(2026, 3, 1))
    ordinary = YoungPersonFactory(authority=authority, date_of_birth=dt.date(2007, 3, 1))
    Allocation.objects.create(young_person=ordinary, pa=pa, started_on=dt.date(2025, 1, 1))
    by_birthday = caseload(pa, today=today, sort="birthday")
    assert by_birthday.get(pk=ordinary.pk).next_birthday == dt.date(2028, 3, 1)


def test_the_caseload_filters_show_what_each_visitor_chose(client, pa):
    """The filters are made once per choice and kept: each choice must still show as chosen."""
    client.force_login(pa)
    url = reverse("pathway:caseload")
    everyone = client.get(url).content.decode()
    assert '<option value="" selected>Everyone</option>' in everyone
    overdue = client.get(url + "?show=review_overdue&sort=review").content.decode()
    assert '<option value="review_overdue" selected>Review overdue</option>' in overdue
    assert '<option value="review" selected>Review due</option>' in overdue
    assert client.get(url).content.decode().count(" selected>") == everyone.count(" selected>")
    wrong = client.get(url + "?show=nonsense").content.decode()
    assert "Select a valid choice" in wrong


def test_a_clash_on_a_choice_shows_its_words_not_its_code(client, young_person, pa, manager):
    services.accommodation_record(
        young_person=young_person,
        started_on=timezone.localdate() - dt.timedelta(days=30),
        kind="U",
        suitable=True,
        description="Flat on Mill Lane",
        by=pa,
    )
    services.plan_start(young_person=young_person, by=pa)
    url = reverse("pathway:section-edit", args=[young_person.pk, Matter.ACCOMMODATION])
    client.force_login(pa)
    opened = client.get(url).context["form"].initial["revision"]
    client.post(url, {"revision": opened, "needs": "A flat.", "suitable": "yes"})
    second = client.post(url, {"revision": opened, "needs": "A flat.", "suitable": "no"})
    assert second.status_code == 409
    rows = {label: (saved, typed) for label, saved, typed in second.context["clashes"]}
    assert rows["Is the accommodation suitable?"] == ("Yes", "No")
