"""Calendar arithmetic the rules share: months and birthdays, never 30-day approximations."""

from __future__ import annotations

import datetime as dt


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved on by `months`, on the last day of a shorter month if need be."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for day_number in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, day_number)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def birthday(born: dt.date, age: int) -> dt.date:
    """The day someone born on `born` turns `age`.

    Someone born on 29 February turns a year older on 1 March in other years, as the
    law in England counts it.
    """
    year = born.year + age
    try:
        return born.replace(year=year)
    except ValueError:
        return dt.date(year, 3, 1)
