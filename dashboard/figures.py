"""The managers' dashboard: every app's figures for their teams, month by month.

The figures themselves are the apps' own (each app's `figures.py`, registered with
`common.figures.register_figures` and found when the dashboard app starts). This module
puts them together for a set of teams and a day, works out the caseloads and spending
beside them, and says who is behind each share. It is the one app that reads every other
app, through their selectors.

Figures for days before today are kept in the cache until the end of the day
(`common.figures.kept_by_day`). A nightly task (`dashboard.tasks.dashboards_warm`) works
out every team's and council's past months before anyone asks, so even the day's first
view is quick.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count

from common.dates import add_months
from common.figures import Scope, Tracked, figures_for, status
from finance import selectors as finance
from pathway import selectors as pathway
from people.models import Authority, Role, User
from people.selectors import people_at, running_on


def figures(*, authority: Authority, team_ids: list[int], as_at: dt.date, query: str) -> list:
    """Every figure for these teams, for the twelve months up to `as_at`."""
    scope = Scope(authority=authority, team_ids=team_ids, as_at=as_at, query=query)
    return figures_for(scope)


def team_sets(authority: Authority) -> list[list[int]]:
    """Every set of teams the council's managers can see on the dashboard: each team, each
    manager's own teams, and every team (a service manager's first view)."""
    teams = list(authority.teams.values_list("pk", "manager_id"))
    sets = {(pk,) for pk, _ in teams}
    sets.add(tuple(sorted(pk for pk, _ in teams)))
    managers = {manager for _, manager in teams if manager is not None}
    for manager in managers:
        sets.add(tuple(sorted(pk for pk, managed_by in teams if managed_by == manager)))
    return [list(team_ids) for team_ids in sorted(sets) if team_ids]


def warm(today: dt.date) -> int:
    """Work out every dashboard's earlier months for today, so that the day's first view is
    as quick as the rest (the nightly task). How many sets of teams."""
    done = 0
    for authority in Authority.objects.order_by("pk"):
        for team_ids in team_sets(authority):
            figures(authority=authority, team_ids=team_ids, as_at=today, query="")
            done += 1
    return done


def caseloads(team_ids, as_at: dt.date) -> list[User]:
    """Each PA in these teams with how many young people they held on `as_at`."""
    running = running_on(as_at, "allocations__")
    return list(
        User.objects.filter(role=Role.PA, is_active=True, team__in=team_ids)
        .select_related("team")
        .annotate(caseload=Count("allocations", filter=running))
        .order_by("-caseload", "first_name", "last_name")
    )


def spend(authority: Authority, as_at: dt.date):
    return finance.spend_against_budget(authority.pk, as_at)


@dataclass(frozen=True)
class SpendTotal(Tracked):
    """The whole council's spending this financial year, for the dashboard's tile."""

    budget_pence: int
    paid_pence: int
    approved_pence: int
    schemes_over: int

    @property
    def percent(self) -> int | None:
        return round(100 * self.paid_pence / self.budget_pence) if self.budget_pence else None

    @property
    def status(self) -> str:
        """Paid against the year's budget, the most to spend, by the figures' one rule."""
        budget = 100 if self.budget_pence else None  # no budget set: no target
        return status(self.percent, budget, is_lower_better=True)


def spend_total(schemes: list) -> SpendTotal:
    """The schemes' spending (from `spend`) added up for the council."""
    return SpendTotal(
        budget_pence=sum(scheme.yearly_budget_pence for scheme in schemes),
        paid_pence=sum(scheme.paid for scheme in schemes),
        approved_pence=sum(scheme.approved for scheme in schemes),
        schemes_over=sum(1 for scheme in schemes if scheme.paid > scheme.yearly_budget_pence),
    )


# Who is behind each share, for its list page: (everyone counted over, who counts).
def people_behind(slug: str, authority: Authority, team_ids, day: dt.date):
    people = pathway.on_day(people_at(day, team_ids), day, authority.contact_interval_weeks)
    people = people.select_related("authority").order_by("last_name", "first_name", "pk")
    if slug == "eet":
        people = people.filter(
            date_of_birth__lte=add_months(day, -19 * 12),
            date_of_birth__gt=add_months(day, -22 * 12),
        )
        return people, lambda person: person.activity in pathway.EET_ACTIVITIES
    if slug == "suitable":
        return people, lambda person: person.suitable is True
    if slug == "in-touch":
        return people, lambda person: person.in_touch
    if slug == "on-time":
        return people, lambda person: person.on_time
    if slug == "actions-overdue":
        return people.filter(actions_overdue__gt=0), lambda person: person.actions_overdue
    return None, None


LISTS = {
    "eet": "In education, employment or training (aged 19 to 21)",
    "suitable": "In suitable accommodation",
    "in-touch": "In touch",
    "on-time": "Plans reviewed on time",
    "actions-overdue": "Actions overdue",
}
