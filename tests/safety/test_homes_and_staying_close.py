"""Homelessness prevention's clocks, Staying Close, and accommodation sufficiency."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils.html import escape

from common.figures import Scope
from notifications.models import Notification
from notifications.services import rule_run
from pathway.services import accommodation_record
from people.models import LegalStatus
from safety import rules, selectors, services
from safety.figures import safety_figures
from safety.sufficiency import sufficiency, waiting_by_month
from tests.factories import AllocationFactory, YoungPersonFactory

pytestmark = pytest.mark.django_db


def _sweep(rule: str, day: dt.date) -> list[str]:
    """Run a rule for `day` twice (as a worker might) and return the keys it told."""
    before = set(Notification.objects.values_list("key", flat=True))
    rule_run(name=rule, day=day)
    rule_run(name=rule, day=day)
    return sorted(set(Notification.objects.values_list("key", flat=True)) - before)


def _reminded_at_the_boundary(rule: str, boundary: dt.date, key: str):
    told = {offset: _sweep(rule, boundary + dt.timedelta(days=offset)) for offset in range(-2, 3)}
    assert told == {
        -2: [],
        -1: [f"{key}:{boundary}:before"],
        0: [f"{key}:{boundary}:day"],
        1: [f"{key}:{boundary}:after"],
        2: [],
    }


def test_the_56_day_clock_reminds_once_the_day_before_the_day_and_the_day_after(young_person, pa):
    known = dt.date(2026, 10, 1)
    home = services.home_at_risk_record(
        young_person=young_person,
        risk="notice",
        known_on=known,
        eviction_on=dt.date(2026, 11, 20),
        details="",
        by=pa,
        today=known,
    )
    # 56 days from 1 October is 26 November, but the eviction on 20 November comes first.
    assert home.clock_ends_on == dt.date(2026, 11, 20)
    _reminded_at_the_boundary("home_at_risk_clock", home.clock_ends_on, f"home-at-risk:{home.pk}")
    told = Notification.objects.filter(recipient=pa, kind="home_at_risk")
    assert told.count() == 3
    assert "Make the referral" in told.first().message


def test_the_custody_clock_starts_planning_eight_weeks_before_release_and_reminds_once(
    young_person, pa, manager
):
    release = services.custody_release_record(
        young_person=young_person,
        release_on=dt.date(2027, 3, 1),
        establishment="",
        accommodation_plan="",
        by=manager,
    )
    assert release.planning_from == dt.date(2027, 1, 4)
    _reminded_at_the_boundary(
        "custody_release_clock", release.planning_from, f"custody-release:{release.pk}"
    )


def test_a_closed_home_at_risk_reminds_nobody(young_person, pa):
    known = dt.date(2026, 10, 1)
    home = services.home_at_risk_record(
        young_person=young_person,
        risk="rent_arrears",
        known_on=known,
        eviction_on=None,
        details="",
        by=pa,
        today=known,
    )
    services.home_at_risk_close(
        home_at_risk=home, closed_on=known, outcome="kept", by=pa, today=known
    )
    assert _sweep("home_at_risk_clock", home.clock_ends_on) == []


def test_staying_close_is_due_at_18_or_after_joining(settings):
    born = dt.date(2008, 5, 10)
    at_18 = dt.date(2026, 5, 10)
    assert (
        rules.staying_close_due_on(born=born, joined_on=dt.date(2024, 5, 10), last_review_on=None)
        == at_18
    )
    joined = dt.date(2027, 1, 4)
    assert rules.staying_close_due_on(
        born=born, joined_on=joined, last_review_on=None
    ) == joined + dt.timedelta(days=settings.SAFETY_STAYING_CLOSE_JOINING_DAYS)
    assert rules.staying_close_due_on(born=born, joined_on=joined, last_review_on=at_18) == at_18
    assert (
        rules.staying_close_due_on(born=born, joined_on=joined, last_review_on=dt.date(2033, 6, 1))
        is None
    )


def test_a_staying_close_assessment_is_listed_when_late_out_of_area_too(client, authority, pa):
    today = dt.date.today()
    late = YoungPersonFactory(
        authority=authority,
        date_of_birth=today.replace(year=today.year - 18) - dt.timedelta(days=3),
    )
    AllocationFactory(young_person=late, pa=pa, started_on=today - dt.timedelta(days=400))
    turning = YoungPersonFactory(
        authority=authority,
        legal_status=LegalStatus.ELIGIBLE,
        date_of_birth=today.replace(year=today.year - 18) + dt.timedelta(days=10),
    )
    AllocationFactory(young_person=turning, pa=pa, started_on=today - dt.timedelta(days=400))
    done = YoungPersonFactory(authority=authority)
    AllocationFactory(young_person=done, pa=pa, started_on=today - dt.timedelta(days=400))
    services.staying_close_record(
        young_person=done,
        assessed_on=today,
        needs="Help with a deposit.",
        decision="support",
        support=["find_home"],
        support_details="",
        lives_out_of_area=True,
        review_on=today + dt.timedelta(days=10),
        by=pa,
    )
    rows = selectors.staying_close_rows(pa, today)
    by_person = {row.person.pk: row for row in rows}
    assert by_person[late.pk].is_late(today)
    assert not by_person[turning.pk].is_late(today)  # due at 18, in ten days
    assert not by_person[done.pk].is_late(today) and by_person[done.pk].last.lives_out_of_area
    client.force_login(pa)
    page = client.get(reverse("safety:staying-close")).content.decode()
    late_part, soon_part = page.split("Due in the next four weeks")
    assert escape(late.full_name) in late_part and escape(turning.full_name) in soon_part
    assert "(out of area)" in soon_part


@pytest.fixture
def population(authority, pa, team):
    """Five young people, hand-counted below: a home at risk, a night without a home on the
    last day of January (moved on 1 February), a supported stay ending, a 17-year-old in
    care, and one in bed and breakfast across a month's edge."""
    today = dt.date(2026, 3, 15)
    start = dt.date(2025, 1, 1)

    def person(**kwargs):
        young = YoungPersonFactory(authority=authority, **kwargs)
        AllocationFactory(young_person=young, pa=pa, started_on=start)
        return young

    def move(young, on, kind, suitable):
        accommodation_record(
            young_person=young,
            started_on=on,
            kind=kind,
            suitable=suitable,
            description="",
            by=pa,
            today=today,
        )

    a = person(date_of_birth=dt.date(2005, 6, 1))
    move(a, dt.date(2025, 2, 1), "U", True)
    services.home_at_risk_record(
        young_person=a,
        risk="rent_arrears",
        known_on=dt.date(2026, 3, 1),
        eviction_on=None,
        details="",
        by=pa,
        today=today,
    )
    b = person(date_of_birth=dt.date(2006, 2, 1))
    move(b, dt.date(2025, 9, 1), "U", True)
    move(b, dt.date(2026, 1, 31), "S", False)  # one night without a home, in January
    move(b, dt.date(2026, 2, 1), "V", False)  # then a hostel, from 1 February
    move(b, dt.date(2026, 2, 11), "D", True)  # ten nights, then supported accommodation
    c = person(date_of_birth=dt.date(2005, 1, 1))
    move(c, dt.date(2024, 6, 1), "T", True)  # a foyer since June 2024: the stay ends in 2026
    d = person(date_of_birth=dt.date(2008, 9, 1), legal_status=LegalStatus.ELIGIBLE)
    move(d, dt.date(2025, 1, 1), "C", True)  # in care, 18 in September: the placement ends
    e = person(date_of_birth=dt.date(2004, 4, 4))
    move(e, dt.date(2025, 12, 30), "W", False)  # bed and breakfast: 2 nights in December
    move(e, dt.date(2026, 1, 3), "K", False)  # and 2 in January
    return today


def test_sufficiency_matches_a_hand_counted_population(population, team):
    report = sufficiency([team.pk], population)
    assert report.supported == 5
    homes = {home.label: (home.suitable, home.not_suitable) for home in report.homes}
    assert homes == {
        "Community home or other residential care": (1, 0),
        "Semi-independent or transitional accommodation": (1, 0),
        "Ordinary lodgings, without formal support": (0, 1),
        "Foyer or similar supported accommodation": (1, 0),
        "Independent living, for example a flat or tenancy": (1, 0),
    }
    assert report.no_home_recorded == 0
    assert report.turning_18_placement_ends == 1
    # The foyer (June 2024 + 24 months) ends by March 2027; semi-independent from February
    # 2026 ends in 2028, after the twelve months.
    assert report.supported_stays_ending == 1
    assert report.tenancies_at_risk == 1
    assert report.moves_expected == 3
    months = {m.first: (m.young_people, m.nights, m.without_home) for m in report.months}
    assert months[dt.date(2025, 12, 1)] == (1, 2, 0)
    assert months[dt.date(2026, 1, 1)] == (2, 3, 1)  # b's night on the 31st; e's 2 nights
    assert months[dt.date(2026, 2, 1)] == (1, 10, 0)  # b in the hostel; no night without a home
    assert months[dt.date(2026, 3, 1)] == (0, 0, 0)


def test_the_dashboard_figures_count_the_same_population(population, authority, team):
    figures = {
        f.slug: f
        for f in safety_figures(Scope(authority=authority, team_ids=[team.pk], as_at=population))
    }
    without = {p.day: p.count for p in figures["without-home"].points}
    assert without[dt.date(2025, 12, 31)] == 0
    assert without[dt.date(2026, 1, 31)] == 1  # the night of 31 January
    assert without[dt.date(2026, 2, 28)] == 0  # moved on 1 February
    referred = figures["referred-in-time"].latest
    # a's home at risk, known on 1 March, is mid-clock on 15 March and not referred: not due
    # yet, so it counts neither way (counted as late, it would pull the figure down).
    assert (referred.count, referred.out_of) == (0, 0)
    assert figures["without-home"].target == 0 and figures["without-home"].is_lower_better


def test_the_safety_page_lists_nights_without_a_home_with_their_dates(client, population, pa):
    b = YoungPersonFactory._meta.model.objects.get(date_of_birth=dt.date(2006, 2, 1))
    client.force_login(pa)
    page = " ".join(client.get(reverse("safety:person", args=[b.pk])).content.decode().split())
    assert "From 31 January 2026 to 1 February 2026: 1 night</li>" in page


def test_the_sufficiency_page_and_its_csv_say_the_same(client, population, manager, team):
    months = waiting_by_month([team.pk], [(dt.date(2026, 1, 1), dt.date(2026, 1, 31))])
    assert [(m.young_people, m.nights) for m in months] == [(2, 3)]
    client.force_login(manager)
    page = client.get(reverse("safety:sufficiency"))
    assert page.status_code == 200
    csv = client.get(reverse("safety:sufficiency-csv")).content.decode()
    # Today's page: the twelve months up to now, January 2026 among them.
    assert "waiting_by_month,2026-01,2,3,1" in csv
    assert "moves_next_12_months,Tenancy or home at risk,,,1" in csv
    assert "February 2026" in page.content.decode()
