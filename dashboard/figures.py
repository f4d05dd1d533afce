"""The managers' dashboard: the service's figures for their teams, month by month.

Each figure is worked out in the database for the last day of each of twelve months (the
latest "month" ends on the chosen day), a fixed number of aggregate queries whatever the
number of young people. This app is the one that reads every other app, through their
selectors (DESIGN.md).

The young people's figures, and the money paid and claims made, for days before today are
kept in the cache until the end of the day (`kept_by_day`): they change only when something
is recorded late, with an earlier date, and that then shows the next morning (money and
claims are dated when they are recorded, so theirs never change). Today's, and this month's
money and claims, are always worked out afresh. A nightly task
(`dashboard.tasks.dashboards_warm`) works out every team's and council's past months before
anyone asks, so even the day's first view is quick.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count, F
from django.urls import reverse
from django.utils import timezone

from common.dates import add_months
from finance import selectors as finance
from handovers import selectors as handovers
from offer import selectors as offer
from pathway import selectors as pathway
from people.models import Authority, Role, User
from people.selectors import people_at, running_on
from rota import selectors as rota

MONTHS = 12
KEPT_SECONDS = 26 * 60 * 60  # past the end of the day the keys are named for
CHART_WIDTH, CHART_HEIGHT, BAR_GAP = 360, 120, 6


@dataclass
class Point:
    day: dt.date
    count: int
    out_of: int | None = None  # None: the figure is a count, not a share

    @property
    def percent(self) -> int | None:
        if self.out_of is None or self.out_of == 0:
            return None
        return round(100 * self.count / self.out_of)

    @property
    def value(self) -> int:
        return (self.percent or 0) if self.out_of is not None else self.count


@dataclass
class Figure:
    slug: str
    title: str
    what: str
    points: list[Point]
    target: int | None = None
    list_url: str = ""
    now: str = ""  # a sentence about today, where the trend is of something else
    is_share: bool = True
    is_money: bool = False
    bars: list[dict] = field(default_factory=list)

    @property
    def latest(self) -> Point:
        return self.points[-1]

    @property
    def off_target(self) -> bool:
        percent = self.latest.percent
        return self.target is not None and percent is not None and percent < self.target

    def draw(self) -> Figure:
        """Bar positions for the SVG chart (drawn on the server, so it needs no JavaScript)."""
        top = 100 if self.is_share else max([p.value for p in self.points] + [1])
        step = CHART_WIDTH / len(self.points)
        self.bars = [
            {
                "x": round(index * step + BAR_GAP / 2, 1),
                "width": round(step - BAR_GAP, 1),
                "height": round(CHART_HEIGHT * point.value / top, 1),
                "y": round(CHART_HEIGHT - CHART_HEIGHT * point.value / top, 1),
                "point": point,
            }
            for index, point in enumerate(self.points)
        ]
        self.target_y = (
            round(CHART_HEIGHT - CHART_HEIGHT * self.target / 100, 1)
            if self.target is not None
            else None
        )
        return self


def _counts(days: list[dt.date], counts: list[int]) -> list[Point]:
    return [Point(day, count) for day, count in zip(days, counts, strict=True)]


def month_ends(as_at: dt.date, months: int = MONTHS) -> list[tuple[dt.date, dt.date]]:
    """(first day, last day) of each month, oldest first; the newest ends on `as_at`."""
    spans = []
    last = as_at
    for _ in range(months):
        first = last.replace(day=1)
        spans.append((first, last))
        last = first - dt.timedelta(days=1)
    return spans[::-1]


def _share(slug, title, what, counts, key, out_of, **extra) -> Figure:
    return Figure(
        slug=slug,
        title=title,
        what=what,
        points=[Point(day, c[key], c[out_of]) for day, c in counts],
        **extra,
    )


def figures(*, authority: Authority, team_ids: list[int], as_at: dt.date, query: str) -> list:
    """Every figure for these teams, for the twelve months up to `as_at`."""
    months = month_ends(as_at)
    days = [last for _, last in months]
    weeks = authority.contact_interval_weeks
    counts = list(
        zip(
            days,
            kept_by_day(
                f"counts:{weeks}",
                team_ids,
                days,
                _each(lambda day: pathway.dashboard_counts(people_at(day, team_ids), day, weeks)),
            ),
            strict=True,
        )
    )

    def of_month(month_days: list[dt.date]) -> list[tuple[dt.date, dt.date]]:
        """The (first day, last day) months that end on these days."""
        return [month for month in months if month[1] in month_days]

    def list_url(slug: str) -> str:
        return reverse("dashboard:list", args=[slug]) + f"?{query}"

    result = [
        _share(
            "eet",
            "In education, employment or training (aged 19 to 21)",
            "Young people aged 19, 20 or 21 whose main activity is education, an "
            "apprenticeship, training or work.",
            counts,
            "eet",
            "aged",
            target=authority.eet_target_percent,
            list_url=list_url("eet"),
        ),
        _share(
            "suitable",
            "In suitable accommodation",
            "Young people whose home is recorded as suitable (no home recorded counts as not).",
            counts,
            "suitable",
            "everyone",
            target=authority.suitable_target_percent,
            list_url=list_url("suitable"),
        ),
        _share(
            "in-touch",
            "In touch",
            f"Young people with contact in the {weeks} weeks up to the day.",
            counts,
            "in_touch",
            "everyone",
            list_url=list_url("in-touch"),
        ),
        _share(
            "on-time",
            "Plans reviewed on time",
            "Young people whose plan was reviewed and signed in the review period, or whose "
            "first plan is not due yet.",
            counts,
            "on_time",
            "everyone",
            list_url=list_url("on-time"),
        ),
        Figure(
            slug="actions-overdue",
            title="Actions overdue",
            what="Steps in pathway plans past their date and not done.",
            points=[Point(day, c["actions_overdue"]) for day, c in counts],
            is_share=False,
            list_url=list_url("actions-overdue"),
        ),
        Figure(
            slug="over-limit",
            title="PAs over their team's caseload limit",
            what="PAs holding more young people than their team's limit at the end of the month.",
            points=_counts(
                days,
                kept_by_day(
                    "over-limit", team_ids, days, _each(lambda day: over_limit(team_ids, day))
                ),
            ),
            is_share=False,
            list_url="#figure-caseloads",
        ),
        Figure(
            slug="paid",
            title="Money paid to young people",
            what="Payments from every scheme in the council each month, less any reversed.",
            points=_counts(
                days,
                kept_by_day(
                    f"paid:{authority.pk}",
                    [],
                    days,
                    lambda missing: finance.paid_by_month(authority.pk, of_month(missing)),
                ),
            ),
            is_share=False,
            is_money=True,
            list_url=reverse("finance:payments"),
        ),
        Figure(
            slug="claims",
            title="Claims made",
            what="Claims for money made each month.",
            points=_counts(
                days,
                kept_by_day(
                    "claims",
                    team_ids,
                    days,
                    lambda missing: finance.claims_made_by_month(team_ids, of_month(missing)),
                ),
            ),
            is_share=False,
            list_url=reverse("finance:claims-waiting"),
            now=_claims_waiting(team_ids),
        ),
        Figure(
            slug="unfilled-shifts",
            title="Duty shifts with nobody on them",
            what="Shifts in each month that no PA was on.",
            points=_counts(days, rota.unfilled_by_month(authority.pk, months)),
            is_share=False,
            list_url=reverse("rota:coverage"),
            now=_unfilled_soon(authority, as_at),
        ),
        Figure(
            slug="offer-stale",
            title="Local offer items past their review date",
            what="Items whose owner should have checked them by then.",
            points=_counts(days, offer.stale_by_month(authority, days)),
            is_share=False,
            list_url=reverse("offer:manage"),
        ),
        Figure(
            slug="handovers",
            title="Handovers and endings open",
            what="Handovers between PAs and endings of support, open at the end of the month.",
            points=_counts(days, handovers.open_by_month(team_ids, days)),
            is_share=False,
            list_url=reverse("handovers:list"),
            now=_late_handovers(team_ids, as_at),
        ),
    ]
    return [figure.draw() for figure in result]


def kept_by_day(name: str, team_ids, days: list[dt.date], work) -> list:
    """A value for each of `days`; those for days before today are kept until tomorrow.

    `work(missing)` gives the values for the days not kept, in one call (one query, for
    the figures read by month). One cache round trip for all the days."""
    today = timezone.localdate()
    teams = ",".join(str(pk) for pk in sorted(team_ids))
    keys = {
        day: f"dashboard:{today:%Y%m%d}:{name}:{teams}:{day:%Y%m%d}" for day in days if day < today
    }
    kept = cache.get_many(list(keys.values()))
    missing = [day for day in days if keys.get(day) not in kept]
    worked = dict(zip(missing, work(missing), strict=True)) if missing else {}
    fresh = {keys[day]: worked[day] for day in missing if day in keys}
    if fresh:
        cache.set_many(fresh, timeout=KEPT_SECONDS)
    return [worked[day] if day in worked else kept[keys[day]] for day in days]


def _each(work):
    """For `kept_by_day`: `work(day)` for each missing day."""
    return lambda missing: [work(day) for day in missing]


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


def _claims_waiting(team_ids) -> str:
    waiting = finance.claims_in_teams(team_ids).filter(state="waiting").count()
    return f"{waiting} claim{'s' if waiting != 1 else ''} waiting for a decision now."


def _unfilled_soon(authority: Authority, as_at: dt.date) -> str:
    soon = rota.unfilled_between(authority.pk, as_at, as_at + dt.timedelta(days=27)).count()
    return f"{soon} shift{'s' if soon != 1 else ''} with nobody on them in the next four weeks."


def _late_handovers(team_ids, as_at: dt.date) -> str:
    open_now = (
        handovers.in_teams(team_ids).filter(closed_at__isnull=True).select_related("to_allocation")
    )
    late = sum(1 for handover in open_now if handover.late_steps(as_at))
    return f"{late} open with a late step."


def caseloads(team_ids, as_at: dt.date) -> list[User]:
    """Each PA in these teams with how many young people they held on `as_at`."""
    running = running_on(as_at, "allocations__")
    return list(
        User.objects.filter(role=Role.PA, is_active=True, team__in=team_ids)
        .select_related("team")
        .annotate(caseload=Count("allocations", filter=running))
        .order_by("-caseload", "first_name", "last_name")
    )


def over_limit(team_ids, day: dt.date) -> int:
    """How many PAs held more young people than their team's limit on `day` (one query)."""
    running = running_on(day, "allocations__")
    return (
        User.objects.filter(role=Role.PA, team__in=team_ids)
        .annotate(caseload=Count("allocations", filter=running))
        .filter(caseload__gt=F("team__caseload_limit"))
        .count()
    )


def spend(authority: Authority, as_at: dt.date):
    return finance.spend_against_budget(authority.pk, as_at)


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
