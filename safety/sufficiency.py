"""Accommodation sufficiency for commissioners: homes today, moves expected, and waiting.

Counts only, for a manager's teams, worked out from the dated home history (pathway owns it:
`pathway.selectors.home_histories`), the young people's birthdays and status, and the homes
at risk recorded here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings

from common.dates import add_months, birthday
from common.figures import month_ends
from pathway.selectors import ACCOMMODATION_TYPES, NO_FIXED_ABODE, Home, home_histories
from people.models import LegalStatus
from people.selectors import people_at, people_on_any, people_on_days
from safety.models import HomeAtRisk

# Supported accommodation whose stays end: semi-independent, supported lodgings, foyers.
SUPPORTED = frozenset({ACCOMMODATION_TYPES.D, ACCOMMODATION_TYPES.E, ACCOMMODATION_TYPES.T})
# Waiting for a home: without one, or in a night shelter, hostel or bed and breakfast.
WAITING = frozenset({NO_FIXED_ABODE, ACCOMMODATION_TYPES.V, ACCOMMODATION_TYPES.W})
STAYING_PUT = ACCOMMODATION_TYPES.Z


@dataclass(frozen=True)
class HomeCount:
    kind: str
    label: str
    suitable: int
    not_suitable: int

    @property
    def total(self) -> int:
        return self.suitable + self.not_suitable


@dataclass(frozen=True)
class MonthWaiting:
    first: dt.date
    last: dt.date
    young_people: int
    nights: int
    without_home: int


@dataclass(frozen=True)
class Sufficiency:
    today: dt.date
    supported: int
    homes: list[HomeCount]
    no_home_recorded: int
    turning_18_placement_ends: int
    supported_stays_ending: int
    tenancies_at_risk: int
    months: list[MonthWaiting]

    @property
    def moves_expected(self) -> int:
        return self.turning_18_placement_ends + self.supported_stays_ending + self.tenancies_at_risk


def _current(homes: list[Home]) -> Home | None:
    return homes[-1] if homes else None


def sufficiency(team_ids, today: dt.date) -> Sufficiency:
    """The whole page's figures, in a fixed number of queries."""
    people = list(people_at(today, team_ids).values_list("pk", "date_of_birth", "legal_status"))
    histories = home_histories([pk for pk, _, _ in people], until=today)
    horizon = add_months(today, 12)
    counts: dict[str, list[int]] = {}
    no_home = turning_18 = stays_ending = 0
    stay = settings.SAFETY_SUPPORTED_STAY_MONTHS
    for pk, born, status in people:
        home = _current(histories.get(pk, []))
        if home is None:
            no_home += 1
        else:
            counts.setdefault(home.kind, [0, 0])[0 if home.suitable else 1] += 1
        eighteen = birthday(born, 18)
        still_in_care = status == LegalStatus.ELIGIBLE
        if (
            still_in_care
            and today < eighteen <= horizon
            and (home is None or home.kind != STAYING_PUT)
        ):
            turning_18 += 1
        if (
            home is not None
            and home.kind in SUPPORTED
            and add_months(home.started_on, stay) <= horizon
        ):
            stays_ending += 1
    labels = dict(ACCOMMODATION_TYPES.choices)
    homes = [
        HomeCount(kind, labels[kind], *counts[kind])
        for kind in ACCOMMODATION_TYPES.values
        if kind in counts
    ]
    at_risk = HomeAtRisk.objects.filter(
        young_person_id__in=[pk for pk, _, _ in people], closed_on__isnull=True
    ).count()
    return Sufficiency(
        today=today,
        supported=len(people),
        homes=homes,
        no_home_recorded=no_home,
        turning_18_placement_ends=turning_18,
        supported_stays_ending=stays_ending,
        tenancies_at_risk=at_risk,
        months=waiting_by_month(team_ids, month_ends(today)),
    )


def waiting_by_month(team_ids, months: list[tuple[dt.date, dt.date]]) -> list[MonthWaiting]:
    """For each month: the young people supported at its end who spent a night in it waiting
    for a home (without one, or in emergency accommodation), the nights, and those who spent
    a night without any home. A night belongs to the month it starts in."""
    days = [last for _, last in months]
    supported = {last: set(people) for last, people in people_on_days(days, team_ids).items()}
    # Only the homes of those who ever waited for one (few): the others never count, and
    # reading every supported person's homes was most of the figure's time. Who is asked
    # about goes as a subquery: a list of thousands of ids cost more to send than to answer.
    histories = home_histories(people_on_any(days, team_ids), until=days[-1], ever_in=WAITING)
    results = []
    for first, last in months:
        waited, nights, without = set(), 0, set()
        for pk in supported[last] & histories.keys():
            for home in histories[pk]:
                if home.kind not in WAITING:
                    continue
                spent = home.nights_in(first, last)
                if spent:
                    waited.add(pk)
                    nights += spent
                    if home.is_without_home:
                        without.add(pk)
        results.append(MonthWaiting(first, last, len(waited), nights, len(without)))
    return results


def csv_rows(report: Sufficiency) -> list[list]:
    rows: list[list] = [["section", "what", "suitable", "not_suitable", "total"]]
    for home in report.homes:
        rows.append(["home_today", home.label, home.suitable, home.not_suitable, home.total])
    rows.append(["home_today", "No home recorded", "", "", report.no_home_recorded])
    rows += [
        [
            "moves_next_12_months",
            "18th birthday, placement ends",
            "",
            "",
            report.turning_18_placement_ends,
        ],
        [
            "moves_next_12_months",
            "Supported accommodation stay ends",
            "",
            "",
            report.supported_stays_ending,
        ],
        ["moves_next_12_months", "Tenancy or home at risk", "", "", report.tenancies_at_risk],
        ["waiting_by_month", "month", "young_people_waiting", "nights", "without_a_home"],
    ]
    for month in report.months:
        rows.append(
            [
                "waiting_by_month",
                f"{month.first:%Y-%m}",
                month.young_people,
                month.nights,
                month.without_home,
            ]
        )
    return rows
