"""Dashboard figures: what each app registers, and the shapes they are drawn from.

Each app that has something to count for managers writes a `figures.py` that registers a
function `make(scope) -> [Figure]` (`register_figures`); the dashboard app finds them all
when it starts and shows them in order. Figures are worked out in the database for the last
day of each of twelve months (the newest "month" ends on the chosen day), in a fixed
number of aggregate queries whatever the number of young people.

Values for days before today are kept in the cache until the end of the day
(`kept_by_day`): they change only when something is recorded late with an earlier date,
and that then shows the next morning. They are counts, never anything about a person.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

MONTHS = 12
KEPT_SECONDS = 26 * 60 * 60  # past the end of the day the keys are named for
CHART_WIDTH, CHART_HEIGHT, BAR_GAP = 360, 120, 6

# How far from its target a figure may be and still be "close": percentage points for a
# share, the number itself for a count.
CLOSE_POINTS = 5
ON_TRACK, CLOSE, OFF_TRACK = "on-track", "close", "off-track"
NO_TARGET, NOTHING_TO_COUNT = "no-target", "nothing-to-count"
# Each status in words (never colour alone) and the GOV.UK tag colour beside them.
STATUSES = {
    ON_TRACK: ("On track", "govuk-tag--green"),
    CLOSE: ("Close", "govuk-tag--yellow"),
    OFF_TRACK: ("Off track", "govuk-tag--red"),
    NO_TARGET: ("No target", "govuk-tag--grey"),
    NOTHING_TO_COUNT: ("Nobody to count", "govuk-tag--grey"),
}


def status(value: int | None, target: int | None, *, is_lower_better: bool = False) -> str:
    """On track (the target met), close (short of it by CLOSE_POINTS or less), off track.

    The one rule for every figure and tile: a share's target is the least it should be,
    and a count's (`is_lower_better`, such as actions overdue) the most."""
    if target is None:
        return NO_TARGET
    if value is None:  # a share of nobody
        return NOTHING_TO_COUNT
    short_by = value - target if is_lower_better else target - value
    if short_by <= 0:
        return ON_TRACK
    return CLOSE if short_by <= CLOSE_POINTS else OFF_TRACK


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


class Tracked:
    """Something with a `status` (one of STATUSES), shown in words and the tag's colour."""

    @property
    def status_words(self) -> str:
        return STATUSES[self.status][0]

    @property
    def status_tag(self) -> str:
        return STATUSES[self.status][1]


@dataclass
class Figure(Tracked):
    slug: str
    title: str
    what: str
    points: list[Point]
    target: int | None = None  # a share's least percent, or (is_lower_better) a count's most
    list_url: str = ""
    now: str = ""  # a sentence about today, where the trend is of something else
    is_share: bool = True
    is_money: bool = False
    is_lower_better: bool = False
    bars: list[dict] = field(default_factory=list)

    @property
    def latest(self) -> Point:
        return self.points[-1]

    @property
    def previous(self) -> Point | None:
        """The month before the latest: what the change is measured from."""
        return self.points[-2] if len(self.points) > 1 else None

    def _measure(self, point: Point) -> int | None:
        return point.percent if self.is_share else point.count

    @property
    def status(self) -> str:
        return status(self._measure(self.latest), self.target, is_lower_better=self.is_lower_better)

    @property
    def off_target(self) -> bool:
        return self.status in (CLOSE, OFF_TRACK)

    @property
    def change(self) -> int | None:
        """Since the month before: percentage points for a share, else the number (None when
        either month has nothing to measure)."""
        if self.previous is None:
            return None
        now, then = self._measure(self.latest), self._measure(self.previous)
        return None if now is None or then is None else now - then

    @property
    def change_size(self) -> int | None:
        return None if self.change is None else abs(self.change)

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
            round(CHART_HEIGHT - CHART_HEIGHT * min(self.target, top) / top, 1)
            if self.target is not None
            else None
        )
        return self


def month_ends(as_at: dt.date, months: int = MONTHS) -> list[tuple[dt.date, dt.date]]:
    """(first day, last day) of each month, oldest first; the newest ends on `as_at`."""
    spans = []
    last = as_at
    for _ in range(months):
        first = last.replace(day=1)
        spans.append((first, last))
        last = first - dt.timedelta(days=1)
    return spans[::-1]


@dataclass(frozen=True)
class Scope:
    """The figures asked for: a council's teams, over the twelve months up to `as_at`."""

    authority: Any  # the council (people.models.Authority)
    team_ids: list[int]
    as_at: dt.date
    query: str = ""  # the dashboard's own parameters, carried into each figure's list

    @property
    def months(self) -> list[tuple[dt.date, dt.date]]:
        return month_ends(self.as_at)

    @property
    def days(self) -> list[dt.date]:
        return [last for _, last in self.months]

    def of_month(self, month_days: list[dt.date]) -> list[tuple[dt.date, dt.date]]:
        """The (first day, last day) months that end on these days."""
        return [month for month in self.months if month[1] in month_days]

    def list_url(self, slug: str) -> str:
        """The dashboard's list of the young people behind a share."""
        return reverse("dashboard:list", args=[slug]) + f"?{self.query}"


def counts(days: list[dt.date], values: list[int]) -> list[Point]:
    return [Point(day, value) for day, value in zip(days, values, strict=True)]


def during(field: str, first: dt.date, last: dt.date) -> Q:
    """`field`, a time, on a day from `first` to `last` in the council's time zone: as
    `__date__range` says, but a range of times, so an index on the field serves it."""

    def start(day: dt.date) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(day, dt.time()))

    return Q(**{f"{field}__gte": start(first), f"{field}__lt": start(last + dt.timedelta(days=1))})


def shares(days: list[dt.date], pairs) -> list[Point]:
    """A share's points from (counted, out of) for each day."""
    return [Point(day, done, out_of) for day, (done, out_of) in zip(days, pairs, strict=True)]


def kept_by_day(name: str, team_ids, days: list[dt.date], work, settled=None) -> list:
    """A value for each of `days`; those for days before today are kept until tomorrow.

    `work(missing)` gives the values for the days not kept, in one call (one query, for
    the figures read by month). One cache round trip for all the days. `settled(day)`, if
    given, says whether a past day's value can no longer change (a flag raised on a month's
    last day can still be answered in time days later): one that can is worked out afresh."""
    today = timezone.localdate()
    teams = ",".join(str(pk) for pk in sorted(team_ids))
    keys = {
        day: f"dashboard:{today:%Y%m%d}:{name}:{teams}:{day:%Y%m%d}"
        for day in days
        if day < today and (settled is None or settled(day))
    }
    kept = cache.get_many(list(keys.values()))
    missing = [day for day in days if keys.get(day) not in kept]
    worked = dict(zip(missing, work(missing), strict=True)) if missing else {}
    fresh = {keys[day]: worked[day] for day in missing if day in keys}
    if fresh:
        cache.set_many(fresh, timeout=KEPT_SECONDS)
    return [worked[day] if day in worked else kept[keys[day]] for day in days]


def kept_by_month(name: str, scope: Scope, work, team_ids=None, settled=None) -> list:
    """`kept_by_day` over the scope's month ends, where `work(months)` gives the values of
    the (first day, last day) months not kept, oldest first: a figure read by month works
    out only today's month once the earlier ones are kept. `team_ids` (the scope's unless
    given) names what the values are of, for the keys; `settled` is `kept_by_day`'s."""
    teams = scope.team_ids if team_ids is None else team_ids
    return kept_by_day(
        name, teams, scope.days, lambda missing: work(scope.of_month(missing)), settled
    )


def each(work):
    """For `kept_by_day`: `work(day)` for each missing day."""
    return lambda missing: [work(day) for day in missing]


_makers: dict[str, tuple[int, Callable[[Scope], list[Figure]]]] = {}


def register_figures(make: Callable[[Scope], list[Figure]], *, order: int) -> None:
    """An app's figures, shown by `order` (lowest first)."""
    _makers[f"{make.__module__}.{make.__qualname__}"] = (order, make)


def figures_for(scope: Scope) -> list[Figure]:
    """Every registered figure for `scope`, in order, drawn."""
    made = []
    for _, make in sorted(_makers.values(), key=lambda entry: entry[0]):
        made.extend(make(scope))
    return [figure.draw() for figure in made]
