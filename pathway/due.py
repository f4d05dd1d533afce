"""When things fall due: the statutory review rule and the birthdays that change support."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.conf import settings

from common.dates import add_months, birthday

# Birthdays that change what a young person gets: 18 (adult services, most young people
# become former relevant), 21 (support continues only if they want it), 25 (it ends).
BIRTHDAYS_THAT_MATTER = (18, 21, 25)


def review_due_on(
    *, started_on: dt.date, last_signed_on: dt.date | None, asked_on: Iterable[dt.date] = ()
) -> dt.date:
    """The date by which the next review must be signed.

    Six months after the last signed review. A first plan within three months of
    `started_on` (16, or joining the service if later: services.first_plan_from). A
    review asked for by the young person or PA, or a change of circumstances, brings it
    forward to four weeks from the day it was raised, never later than it was due.
    """
    if last_signed_on is None:
        due = add_months(started_on, settings.PATHWAY_FIRST_PLAN_MONTHS)
    else:
        due = add_months(last_signed_on, settings.PATHWAY_REVIEW_MONTHS)
    soon = dt.timedelta(days=settings.PATHWAY_ASKED_REVIEW_DAYS)
    return min([due, *(day + soon for day in asked_on)])


def next_birthday_that_matters(born: dt.date, today: dt.date) -> tuple[int, dt.date] | None:
    """(age, date) of the next 18th, 21st or 25th birthday after today, or None after 25."""
    for age in BIRTHDAYS_THAT_MATTER:
        day = birthday(born, age)
        if day > today:
            return age, day
    return None


def contact_due_on(last_contact: dt.date | None, since: dt.date, interval_weeks: int) -> dt.date:
    """The day contact becomes overdue: the interval after the last contact, or after `since`."""
    return (last_contact or since) + dt.timedelta(weeks=interval_weeks)
