"""When things fall due in safety planning: pure functions, tested at their boundaries."""

from __future__ import annotations

import datetime as dt

from django.conf import settings

from common.dates import birthday

# The clocks remind on the day before their boundary, on the day, and on the day after.
BEFORE, ON_THE_DAY, AFTER = "before", "day", "after"
PHASES = {-1: BEFORE, 0: ON_THE_DAY, 1: AFTER}
STAYING_CLOSE_FROM_AGE, STAYING_CLOSE_UNTIL_AGE = 18, 25


def review_due_on(*, level: str, saved_on: dt.date) -> dt.date:
    """A risk assessment's review date: sooner the higher its highest level (settings)."""
    return saved_on + dt.timedelta(weeks=settings.SAFETY_REVIEW_WEEKS[level])


def home_at_risk_clock_ends_on(known_on: dt.date, eviction_on: dt.date | None = None) -> dt.date:
    """The end of the 56 days within which someone at risk of homelessness is referred; an
    eviction sooner than that is the end (a referral after it is too late to prevent)."""
    ends_on = known_on + dt.timedelta(days=settings.SAFETY_HOME_AT_RISK_DAYS)
    return min(ends_on, eviction_on) if eviction_on is not None else ends_on


def custody_planning_from(release_on: dt.date) -> dt.date:
    """Accommodation planning starts eight weeks before a release from custody."""
    return release_on - dt.timedelta(days=settings.SAFETY_CUSTODY_PLANNING_DAYS)


def phase(boundary: dt.date, day: dt.date) -> str | None:
    """Which reminder of a clock `day` is (the day before, the day, the day after), or None."""
    return PHASES.get((day - boundary).days)


def staying_close_due_on(
    *, born: dt.date, joined_on: dt.date, last_review_on: dt.date | None
) -> dt.date | None:
    """When a Staying Close assessment is due: at 18, or soon after joining the service when
    that was later; then by the last assessment's review date. None from 25."""
    if last_review_on is not None:
        due = last_review_on
    else:
        at_18 = birthday(born, STAYING_CLOSE_FROM_AGE)
        joined = joined_on + dt.timedelta(days=settings.SAFETY_STAYING_CLOSE_JOINING_DAYS)
        due = at_18 if joined_on <= at_18 else joined
    return due if due < birthday(born, STAYING_CLOSE_UNTIL_AGE) else None
