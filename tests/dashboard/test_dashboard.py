"""The dashboard's figures on a hand-built service, every number worked out by hand.

The chosen month is June 2026, so the figures are on 30 June, with 31 May the month before.
"""

import datetime as dt
import re
from datetime import date
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from common.cache import own_keys_delete
from common.figures import CLOSE, NO_TARGET, NOTHING_TO_COUNT, OFF_TRACK, ON_TRACK, status
from dashboard import figures as dashboard
from dashboard.tasks import dashboards_warm
from pathway.models import AccommodationSpell, Action, ActivitySpell, Contact, Plan
from people.models import Allocation, EndReason, Role, YoungPerson
from tests.factories import AllocationFactory, UserFactory, YoungPersonFactory

pytestmark = pytest.mark.django_db
JUNE, MAY = date(2026, 6, 30), date(2026, 5, 31)


@pytest.fixture
def service(authority, team, other_team, pa, other_pa):
    def person(name, born, pa_, since=date(2025, 1, 1)):
        someone = YoungPersonFactory(authority=authority, first_name=name, date_of_birth=born)
        AllocationFactory(young_person=someone, pa=pa_, started_on=since)
        return someone

    # Amira turns 19 on 30 June, the last day of the period: 19 in June, 18 in May.
    amira = person("Amira", date(2007, 6, 30), pa)
    ActivitySpell.objects.create(
        young_person=amira, started_on=date(2025, 1, 1), code="F2", recorded_by=pa
    )
    AccommodationSpell.objects.create(
        young_person=amira, started_on=date(2025, 1, 1), kind="U", suitable=True, recorded_by=pa
    )
    Contact.objects.create(
        young_person=amira, happened_on=date(2026, 6, 1), method="visit", seen=True, recorded_by=pa
    )
    plan = Plan.objects.create(
        young_person=amira, started_on=date(2026, 5, 1), started_by=pa, review_due_on=JUNE
    )
    for done_on in (None, date(2026, 6, 20)):
        Action.objects.create(
            plan=plan,
            matter="education",
            what="Apply for the bursary",
            owner="young_person",
            due_on=date(2026, 6, 10),
            status="done" if done_on else "open",
            done_on=done_on,
            created_by=pa,
        )
    # Ben turns 22 on 30 June: 21 in May, too old in June. Homeless, no contact, no plan.
    ben = person("Ben", date(2004, 6, 30), pa)
    ActivitySpell.objects.create(
        young_person=ben, started_on=date(2025, 1, 1), code="G5", recorded_by=pa
    )
    AccommodationSpell.objects.create(
        young_person=ben, started_on=date(2025, 1, 1), kind="S", suitable=False, recorded_by=pa
    )
    # Cara moved from the South team to the North team on 15 June.
    cara = person("Cara", date(2006, 1, 15), other_pa)
    Allocation.objects.filter(young_person=cara).update(
        ended_on=date(2026, 6, 15), end_reason=EndReason.REALLOCATED
    )
    AllocationFactory(young_person=cara, pa=pa, started_on=date(2026, 6, 15))
    ActivitySpell.objects.create(
        young_person=cara, started_on=date(2025, 1, 1), code="P5", recorded_by=pa
    )
    Contact.objects.create(
        young_person=cara, happened_on=date(2026, 6, 20), method="phone", seen=False, recorded_by=pa
    )
    # Dev stays in the South team.
    dev = person("Dev", date(2005, 3, 3), other_pa)
    ActivitySpell.objects.create(
        young_person=dev, started_on=date(2025, 1, 1), code="F1", recorded_by=other_pa
    )
    return amira, ben, cara, dev


def numbers(authority, teams, day):
    figures = dashboard.figures(
        authority=authority, team_ids=[t.pk for t in teams], as_at=day, query=""
    )
    result = {}
    for figure in figures:
        for point in figure.points[-2:]:
            result[(figure.slug, point.day)] = (point.count, point.out_of)
    return result


def test_the_north_team_on_30_june_and_31_may(service, authority, team):
    got = numbers(authority, [team], JUNE)
    # June: Amira, Ben and Cara (who moved in). Aged 19-21: Amira and Cara, both in EET.
    assert got[("eet", JUNE)] == (2, 2)
    assert got[("suitable", JUNE)] == (1, 3)  # Amira; Ben is homeless; Cara's home unknown
    assert got[("in-touch", JUNE)] == (2, 3)  # Amira (1 June) and Cara (20 June)
    assert got[("on-time", JUNE)] == (1, 3)  # Amira's first plan is not due yet
    assert got[("actions-overdue", JUNE)] == (1, None)  # one open; one done after its date
    # May: Amira and Ben. Aged 19-21: Ben only (21), not in EET.
    assert got[("eet", MAY)] == (0, 1)
    assert got[("suitable", MAY)] == (1, 2)
    assert got[("in-touch", MAY)] == (0, 2)
    assert got[("on-time", MAY)] == (1, 2)
    assert got[("actions-overdue", MAY)] == (0, None)


def test_the_south_team_counts_cara_until_she_moved(service, authority, other_team):
    got = numbers(authority, [other_team], JUNE)
    assert got[("eet", MAY)] == (2, 2)  # Cara (P5) and Dev (F1)
    assert got[("eet", JUNE)] == (1, 1)  # Dev only


def test_shares_are_rounded_and_the_target_is_the_councils(service, authority, team):
    authority.eet_target_percent = 80
    authority.save()
    figures = {
        f.slug: f
        for f in dashboard.figures(authority=authority, team_ids=[team.pk], as_at=JUNE, query="")
    }
    assert figures["suitable"].latest.percent == 33
    assert figures["in-touch"].latest.percent == 67
    assert figures["eet"].target == 80 and not figures["eet"].off_target
    assert figures["suitable"].off_target  # 33% against 100%


def test_on_track_close_and_off_track_are_one_rule_at_its_boundaries():
    assert status(80, 80) == ON_TRACK and status(100, 80) == ON_TRACK
    assert status(75, 80) == CLOSE  # 5 points short
    assert status(74, 80) == OFF_TRACK
    # A count's target is the most it should be: actions overdue, shifts with nobody on.
    assert status(0, 0, is_lower_better=True) == ON_TRACK
    assert status(5, 0, is_lower_better=True) == CLOSE
    assert status(6, 0, is_lower_better=True) == OFF_TRACK
    assert status(3, None) == NO_TARGET and status(None, None) == NO_TARGET
    assert status(None, 80) == NOTHING_TO_COUNT  # a share of nobody: no one aged 19 to 21


def _tiles(text: str) -> dict[str, str]:
    """Each tile on the dashboard's first screen, by figure, as the text inside it."""
    found = re.findall(r'<li class="lc-tile[^"]*" id="tile-([\w-]+)">(.*?)</li>', text, re.S)
    slugs = [slug for slug, _ in found]
    assert len(slugs) == len(set(slugs)), slugs  # each figure once
    return {
        slug: " ".join(unescape(re.sub(r"<[^>]+>", " ", inner)).split()) for slug, inner in found
    }


def test_the_first_screen_has_a_tile_per_figure_with_target_status_and_change(
    client, service, authority, manager, team
):
    authority.eet_target_percent = 80
    authority.save()
    client.force_login(manager)
    text = client.get(reverse("dashboard:home"), {"month": "2026-06"}).content.decode()
    tiles = _tiles(text)
    figures = dashboard.figures(authority=authority, team_ids=[team.pk], as_at=JUNE, query="")
    assert set(tiles) == {figure.slug for figure in figures} | {"spend"}
    for figure in figures:
        tile = tiles[figure.slug]
        assert figure.title in tile
        assert figure.status_words in tile
        if figure.target is not None:
            assert f"Target {figure.target}" in tile
        # The change, from the month before (a share of nobody has none to show).
        assert ("since 31 May" if figure.change is not None else "Nothing to compare") in tile
        assert text.count(f'href="/dashboard/{figure.slug}/?month=2026-06&amp;team=all"') == 1
    # Worked by hand: EET 2 of 2 (May 0 of 1), suitable 1 of 3 (May 1 of 2), in touch 2 of 3.
    assert "100% 2 of 2 On track Target 80% Up 100 points since 31 May" in tiles["eet"]
    assert "Off track Target 100% Down 17 points since 31 May" in tiles["suitable"]
    assert "1 Close Target 0 Up 1 since 31 May" in tiles["actions-overdue"]
    assert "No target" in tiles["claims"]
    # Each tile opens to its own page: its chart, its months and where its list is.
    for figure in figures:
        page = client.get(reverse("dashboard:list", args=[figure.slug]), {"month": "2026-06"})
        detail = unescape(page.content.decode())
        assert page.status_code == 200
        assert f'<h1 class="govuk-heading-l">{figure.title}</h1>' in detail
        assert f"{figure.title} by month" in detail and "31 May 2026" in detail
        assert 'role="region" aria-label="' in detail and 'tabindex="0"' in detail
    caseload = client.get(reverse("dashboard:list", args=["over-limit"]), {"month": "2026-06"})
    assert "Caseload per PA" in caseload.content.decode()
    paid = client.get(reverse("dashboard:list", args=["paid"])).content.decode()
    assert f'href="{reverse("finance:payments")}"' in paid
    assert client.get(reverse("dashboard:list", args=["no-such-figure"])).status_code == 404


def test_pas_over_their_limit_by_month(service, authority, team):
    team.caseload_limit = 2
    team.save()
    got = numbers(authority, [team], JUNE)
    assert got[("over-limit", JUNE)] == (1, None)  # the PA has Amira, Ben and Cara
    assert got[("over-limit", MAY)] == (0, None)  # two: at the limit, not over it


def test_caseloads_on_the_day(service, team, other_team, pa, other_pa):
    loads = {p.email: p.caseload for p in dashboard.caseloads([team.pk, other_team.pk], JUNE)}
    assert loads == {pa.email: 3, other_pa.email: 1}
    loads = {p.email: p.caseload for p in dashboard.caseloads([team.pk, other_team.pk], MAY)}
    assert loads == {pa.email: 2, other_pa.email: 2}


def test_the_page_its_lists_and_csv(client, service, manager):
    client.force_login(manager)
    page = client.get(reverse("dashboard:home"), {"month": "2026-06"})
    text = page.content.decode()
    assert page.status_code == 200 and "Figures on 30 June 2026" in text
    assert "67%" in text and "2 of 3" in text
    assert 'href="/returns/"' not in text  # the returns are for service managers
    listed = client.get(reverse("dashboard:list", args=["suitable"]), {"month": "2026-06"})
    rows = listed.content.decode()
    assert "Amira" in rows and "Ben" in rows and "Cara" in rows and "Dev" not in rows
    csv_text = client.get(
        reverse("dashboard:csv", args=["in-touch"]), {"month": "2026-06"}
    ).content.decode()
    assert csv_text.splitlines()[0] == "month_end,counted,out_of,percent"
    assert csv_text.splitlines()[-2:] == ["2026-05-31,0,2,0", "2026-06-30,2,3,67"]


def test_a_service_manager_sees_every_team(client, service, other_manager, team, other_team):
    other_manager.sees_all_teams = True
    other_manager.save()
    client.force_login(other_manager)
    text = client.get(reverse("dashboard:home"), {"month": "2026-06"}).content.decode()
    assert "1 of 4" in text  # suitable: Amira, of all four young people
    assert 'href="/returns/"' in text
    assert f'<option value="{team.pk}"' in text and f'<option value="{other_team.pk}"' in text
    only_north = client.get(reverse("dashboard:home"), {"month": "2026-06", "team": team.pk})
    assert "1 of 3" in only_north.content.decode()


def _people(authority, pa, how_many):
    people = YoungPerson.objects.bulk_create(
        YoungPerson(
            authority=authority,
            first_name="Sam",
            last_name=f"Person {n}",
            date_of_birth=date(2006, 1, 1) + dt.timedelta(days=n % 300),
            legal_status="former_relevant",
            date_left_care=date(2024, 3, 1),
        )
        for n in range(how_many)
    )
    Allocation.objects.bulk_create(
        Allocation(young_person=p, pa=pa, started_on=date(2025, 1, 1)) for p in people
    )


def test_the_dashboard_makes_as_many_queries_for_1000_young_people_as_for_50(
    client, authority, manager, team
):
    pa = UserFactory(role=Role.PA, authority=authority, team=team)
    client.force_login(manager)

    def queries() -> int:
        own_keys_delete()  # the day's first view, which works out every month
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("dashboard:home")).status_code == 200
        return len(captured)

    def detail_queries() -> int:
        own_keys_delete()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("dashboard:list", args=["in-touch"])).status_code == 200
        return len(captured)

    _people(authority, pa, 50)
    queries()  # the first request of a session also starts its idle clock
    fifty, fifty_detail = queries(), detail_queries()
    _people(authority, pa, 950)
    assert queries() == fifty
    # A page of 50 whoever is behind the figure; a list longer than a page is counted once.
    assert detail_queries() == fifty_detail + 1


def test_earlier_months_are_kept_for_the_day_and_today_is_live(service, authority, team, pa):
    amira, ben, cara, dev = service
    assert numbers(authority, [team], JUNE)[("in-touch", JUNE)] == (2, 3)
    # Recorded late, with a date in June: the kept June figure stands until tomorrow.
    Contact.objects.create(
        young_person=ben, happened_on=date(2026, 6, 5), method="phone", seen=False, recorded_by=pa
    )
    assert numbers(authority, [team], JUNE)[("in-touch", JUNE)] == (2, 3)
    own_keys_delete()  # as the next day
    assert numbers(authority, [team], JUNE)[("in-touch", JUNE)] == (3, 3)
    # Today's figure is worked out on every view.
    today = timezone.localdate()
    before = numbers(authority, [team], today)[("in-touch", today)]
    Contact.objects.create(
        young_person=ben, happened_on=today, method="phone", seen=False, recorded_by=pa
    )
    after = numbers(authority, [team], today)[("in-touch", today)]
    assert after == (before[0] + 1, before[1])


def test_the_nightly_task_works_out_every_managers_earlier_months(
    client, service, authority, team, other_team, manager
):
    assert dashboard.team_sets(authority) == sorted(
        [[team.pk], [other_team.pk], sorted([team.pk, other_team.pk])]
    )
    client.force_login(manager)
    with CaptureQueriesContext(connection) as first:
        client.get(reverse("dashboard:home"))
    own_keys_delete()
    assert dashboards_warm.delay().get() == 3
    with CaptureQueriesContext(connection) as warmed:
        assert client.get(reverse("dashboard:home")).status_code == 200
    # Eleven earlier months of two aggregates and PAs over their limit were worked out.
    assert len(warmed) <= len(first) - 11 * 3


def test_claims_waiting_and_spend_against_budget(client, young_person, pa, manager, team):
    from django.utils import timezone

    from tests.factories import money_world

    money_world(young_person, pa=pa, manager=manager)  # £250 paid, £45 waiting
    today = timezone.localdate()
    (scheme,) = dashboard.spend(young_person.authority, today)
    assert (scheme.yearly_budget_pence, scheme.paid, scheme.approved) == (5000000, 25000, 0)
    figures = {
        f.slug: f
        for f in dashboard.figures(
            authority=young_person.authority, team_ids=[team.pk], as_at=today, query=""
        )
    }
    assert figures["claims"].latest.count == 2  # both made this month
    assert figures["paid"].latest.count == 25000 and figures["paid"].points[-2].count == 0
    assert figures["claims"].now == "1 claim waiting for a decision now."
    client.force_login(manager)
    text = client.get(reverse("dashboard:home")).content.decode()
    assert "£50,000" in text and "£250" in text
    assert _tiles(text)["spend"].startswith(
        "Spend against budget this financial year £250 of £50,000 On track Target within budget"
    )


def test_earlier_months_claims_are_kept_and_this_months_are_live(young_person, pa, manager, team):
    import datetime as dt

    from django.utils import timezone

    from finance.models import Claim
    from tests.factories import money_world

    money_world(young_person, pa=pa, manager=manager)  # two claims, both made this month
    today = timezone.localdate()

    def last_and_this_month():
        (claims,) = [
            figure
            for figure in dashboard.figures(
                authority=young_person.authority, team_ids=[team.pk], as_at=today, query=""
            )
            if figure.slug == "claims"
        ]
        return claims.points[-2].count, claims.latest.count

    assert last_and_this_month() == (0, 2)
    # One claim's date moved into last month, as a late correction would.
    last_month = timezone.make_aware(
        dt.datetime.combine(today.replace(day=1) - dt.timedelta(days=1), dt.time(12))
    )
    Claim.objects.filter(pk=Claim.objects.order_by("pk").first().pk).update(created_at=last_month)
    assert last_and_this_month() == (0, 1)  # last month kept for the day; this month live
    own_keys_delete()  # as the next day
    assert last_and_this_month() == (1, 1)
