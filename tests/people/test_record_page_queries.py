"""Record pages make a fixed number of queries: one young person with one of each record
(contact, action, claim, check-in, risk assessment, "I need help"...) and with twelve of
each gives the same count on every page, and no page makes more than it does today."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from finance import services as finance_services
from finance.models import Award
from pathway import services as pathway_services
from pathway.models import ActionOwner, ContactMethod, Matter
from safety import services as safety_services
from tests.factories import (
    money_world,
    pathway_world,
    risk_entry,
    safety_world,
    voice_world,
)
from tests.helpers import count_queries
from voice import services as voice_services
from voice.models import Answer, Area, Reply, Skill

pytestmark = pytest.mark.django_db

# The most queries each page makes here (before issue 22's page work, on the generated
# 10,000: the profile 27, the plan 19, my plan 18, the contacts page 12). Seven of a staff
# record page's are the same on every one: the session, the user, the young person and
# their PAs, the read audit's one insert, who is on duty and the notifications badge.
MOST = {
    "profile": 14,
    "plan": 16,
    "contacts": 10,
    "money": 10,
    "caseload": 8,
    "my home": 20,
    "my plan": 15,
    "my money": 8,
}


def _more_of_everything(person, *, pa, plan, award) -> None:
    """Eleven more of each record the record pages show."""
    today = timezone.localdate()
    areas = list(Area.objects.exclude(slug="finances").prefetch_related("questions")[:3])
    for number in range(11):
        pathway_services.contact_record(
            young_person=person,
            happened_on=today - dt.timedelta(days=number),
            method=ContactMethod.PHONE,
            seen=False,
            note=f"Call number {number}",
            by=pa,
        )
        pathway_services.action_create(
            plan=plan,
            matter=Matter.HEALTH,
            what=f"Step {number}",
            owner=ActionOwner.PA,
            agency="",
            due_on=today - dt.timedelta(days=number + 1),  # overdue: counted on the pages
            by=pa,
        )
        finance_services.claim_make(
            award=award, amount_pence=100, purpose=f"Bus fare {number}", receipt=None, by=pa
        )
        voice_services.check_in_make(
            young_person=person, mood=3, feels_supported=True, needs_help_with="", by=pa
        )
    voice_services.skills_rate(
        young_person=person, ratings={skill.pk: 3 for skill in Skill.objects.all()}, by=pa
    )
    for area in areas:
        questions = list(area.questions.all())
        voice_services.checklist_answer(
            young_person=person,
            area=area,
            replies={q.pk: (Reply.HELP, "Help please") for q in questions},
            by=pa,
        )
    for _ in range(3):
        safety_services.assessment_save(
            young_person=person, entries=[risk_entry("going-missing", "low")], by=pa
        )


def test_record_pages_make_as_many_queries_with_twelve_of_each_record_as_with_one(
    pa, manager, young_person, care_leaver
):
    plan, _, _ = pathway_world(young_person, pa=pa, manager=manager)
    money_world(young_person, pa=pa, manager=manager)
    voice_world(young_person, pa=pa, manager=manager)
    safety_world(young_person, pa=pa, manager=manager)
    pathway_services.contact_record(
        young_person=young_person,
        happened_on=timezone.localdate(),
        method=ContactMethod.VISIT,
        seen=True,
        note="First visit",
        by=pa,
    )
    staff, own = Client(), Client()
    staff.force_login(pa)
    own.force_login(care_leaver)
    pages = {
        "profile": (staff, reverse("portal:young-person-detail", args=[young_person.pk])),
        "plan": (staff, reverse("pathway:plan", args=[young_person.pk])),
        "contacts": (staff, reverse("pathway:contacts", args=[young_person.pk])),
        "money": (staff, reverse("finance:person-money", args=[young_person.pk])),
        "caseload": (staff, reverse("pathway:caseload")),
        "my home": (own, reverse("portal:my-home")),
        "my plan": (own, reverse("pathway:my-plan")),
        "my money": (own, reverse("finance:my-money")),
    }

    for client, url in pages.values():  # the first request of a session does more
        client.get(url)

    def counts() -> dict[str, int]:
        answers = {name: count_queries(client, url) for name, (client, url) in pages.items()}
        assert all(status == 200 for status, _ in answers.values()), answers
        return {name: queries for name, (_, queries) in answers.items()}

    with_one = counts()
    _more_of_everything(
        young_person, pa=pa, plan=plan, award=Award.objects.get(young_person=young_person)
    )
    with_twelve = counts()
    assert with_twelve == with_one
    assert {name: min(queries, MOST[name]) for name, queries in with_one.items()} == with_one

    # What the profile's one-query panels say, with twelve of each.
    today = timezone.localdate()
    profile = staff.get(pages["profile"][1]).content.decode()
    flags = Answer.objects.filter(
        answer_set__young_person=young_person, reply=Reply.HELP, answered_at__isnull=True
    ).count()
    skills = Skill.objects.filter(is_active=True, from_age__lte=young_person.age_on(today)).count()
    assert f"{flags} “I need help” to answer" in profile
    assert f"0 of {skills} confirmed, {skills} they feel sure of" in profile
    assert f"Last check-in: {date_format(today, 'j F Y')}, ok" in profile
    assert f"{date_format(today, 'j F Y')} (phone call)" in profile
    assert '<span class="portal-overdue">11</span>' in profile
    assert "Risk assessment version 5: low at most" in profile
    assert "Home at risk: the 56 days end" in profile
