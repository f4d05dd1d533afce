"""The duty search: whoever covers the duty line today (and managers) finds anyone of the
council by name, date of birth or ID; a PA off duty finds only their own young people. The
search is POSTed, the person is chosen by id, and opening them is audited."""

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from people.models import YoungPerson
from people.selectors import typed_date, young_people_matching
from rota import services
from rota.models import DutyEnquiry
from tests.factories import AuthorityFactory, YoungPersonFactory
from tests.helpers import assert_queries_do_not_grow

pytestmark = pytest.mark.django_db
FIND = reverse("rota:enquiry-find")


@pytest.fixture
def ryan(other_young_person):
    """`other_pa`'s young person, with a date of birth and child ID of his own."""
    YoungPerson.objects.filter(pk=other_young_person.pk).update(
        date_of_birth=dt.date(2007, 4, 3), child_id="NM40317"
    )
    other_young_person.refresh_from_db()
    return other_young_person


@pytest.fixture
def on_duty(authority, pa, manager):
    """`pa` has the duty shift now."""
    now = timezone.now()
    return services.shift_create(
        authority=authority, role="duty", starts_at=now - dt.timedelta(hours=1),
        ends_at=now + dt.timedelta(hours=1), pa=pa, by=manager,
    )  # fmt: skip


def _search(client, text: str):
    response = client.post(FIND, {"q": text})
    assert response.status_code == 302 and response.url == FIND  # nothing typed is in a URL
    return client.get(FIND)


@pytest.mark.parametrize("typed", ["doyle", "Ryan Doyle", "3 4 2007", "03/04/2007", "nm40317"])
def test_the_duty_worker_finds_another_pas_young_person(client, pa, on_duty, ryan, typed):
    client.force_login(pa)
    response = _search(client, typed)
    assert [p.pk for p in response.context["found"]] == [ryan.pk]
    assert reverse("rota:enquiry-create-for", args=[ryan.pk]) in response.content.decode()


def test_the_duty_worker_finds_by_the_portals_own_number_and_logs_an_audited_enquiry(
    client, pa, on_duty, ryan
):
    client.force_login(pa)
    assert [p.pk for p in _search(client, str(ryan.pk)).context["found"]] == [ryan.pk]
    url = reverse("rota:enquiry-create-for", args=[ryan.pk])
    assert "Ryan" not in url and "Doyle" not in url
    page = client.get(url)
    assert page.status_code == 200 and "3 April 2007" in page.content.decode()
    reads = LogEntry.objects.filter(action=LogEntry.Action.ACCESS, object_pk=str(ryan.pk), actor=pa)
    assert reads.count() == 1
    now = timezone.localtime()
    response = client.post(
        url,
        {
            "day_0": now.day, "day_1": now.month, "day_2": now.year,
            "time": (now - dt.timedelta(minutes=5)).strftime("%H:%M"), "channel": "phone",
            "about": "Locked out", "action": "Called the housing officer",
        },
    )  # fmt: skip
    assert response.status_code == 302, response.context["form"].errors
    assert DutyEnquiry.objects.get().young_person == ryan
    assert reads.count() == 2


def test_off_duty_a_pa_finds_only_their_own_young_people_and_is_told_why(
    client, pa, young_person, ryan
):
    client.force_login(pa)
    response = _search(client, "doyle")
    assert response.context["found"] == []
    assert "You are not on duty now" in response.content.decode()
    assert [p.pk for p in _search(client, "okoro").context["found"]] == [young_person.pk]
    assert client.get(reverse("rota:enquiry-create-for", args=[ryan.pk])).status_code == 404
    assert not LogEntry.objects.filter(action=LogEntry.Action.ACCESS, object_pk=str(ryan.pk))


def test_a_manager_finds_anyone_of_their_council_and_nobody_of_another(
    client, other_manager, young_person, ryan
):
    elsewhere = YoungPersonFactory(
        authority=AuthorityFactory(name="Elsewhere Council", slug="elsewhere"),
        first_name="Ryan",
        last_name="Doyle",
        child_id="NM40318",
    )
    other_manager.sees_all_teams = True  # the service manager
    other_manager.save()
    client.force_login(other_manager)
    assert [p.pk for p in _search(client, "ryan doyle").context["found"]] == [ryan.pk]
    assert _search(client, "NM40318").context["found"] == []
    assert _search(client, str(elsewhere.pk)).context["found"] == []
    assert client.get(reverse("rota:enquiry-create-for", args=[elsewhere.pk])).status_code == 404


def test_the_search_shows_at_most_twenty_and_its_queries_do_not_grow(
    client, authority, other_manager
):
    other_manager.sees_all_teams = True  # the service manager: every team's young people
    other_manager.save()
    client.force_login(other_manager)
    client.post(FIND, {"q": "Morgan"})
    assert_queries_do_not_grow(
        client,
        FIND,
        lambda: YoungPersonFactory.create_batch(8, authority=authority, last_name="Morgan"),
    )
    response = client.get(FIND)
    assert len(response.context["found"]) == 20 and response.context["more"]
    assert "More than 20 young people match" in response.content.decode()


def test_each_way_of_searching_can_use_an_index(authority):
    """A name is found through its trigram index (on a table this small the planner would
    read every row; told not to, it shows the index). A date of birth and a child ID are
    found through indexes that lead with the council: which of the two the planner picks for
    a near-empty table depends on its statistics, so those are checked in the schema."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'portal_youngperson'"
        )
        indexes = dict(cursor.fetchall())
    plan = young_people_matching(YoungPerson.objects.all(), "okoro").explain()
    assert "yp_last_name_trgm" in plan, plan
    assert "(authority_id, date_of_birth)" in indexes["yp_birth_idx"]
    assert "(authority_id, child_id)" in indexes["yp_child_id_unique_in_authority"]


@pytest.mark.parametrize(
    ("typed", "day"),
    [("3/4/2007", dt.date(2007, 4, 3)), ("3 April 2007", dt.date(2007, 4, 3)),
     ("2007-04-03", dt.date(2007, 4, 3)), ("31 2 2007", None), ("Jade", None)],
)  # fmt: skip
def test_a_date_of_birth_is_read_as_people_type_it(typed, day):
    assert typed_date(typed) == day


@pytest.mark.parametrize("typed", ["²", "99999999999999", "٣", "  ", "a b c d e f g"])
def test_odd_searches_find_nobody_rather_than_fail(authority, young_person, typed):
    assert list(young_people_matching(YoungPerson.objects.all(), typed)) == []


def test_a_shift_earlier_today_or_a_team_manager_reaches_no_further_than_their_own(
    client, authority, pa, manager, young_person, ryan
):
    """Only the shift under way now opens the whole service; a team manager (not the service
    manager, not on shift) finds only their own teams' young people."""
    now = timezone.now()
    services.shift_create(
        authority=authority, role="backup", starts_at=now - dt.timedelta(hours=3),
        ends_at=now - dt.timedelta(hours=2), pa=pa, by=manager,
    )  # fmt: skip
    client.force_login(pa)
    assert _search(client, "doyle").context["found"] == []
    client.force_login(manager)
    assert _search(client, "doyle").context["found"] == []
