"""Bank holidays and working days in England and Wales, for every app that counts them: the
rota (no pattern shifts on a bank holiday), the voice app (out of hours; help flags answered
within two working days) and partners (an urgent referral's two working days)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays


@lru_cache(maxsize=16)
def _holidays_of(year: int) -> dict[dt.date, str]:
    """England and Wales's bank holidays of one year (public data, the same for everyone)."""
    found = holidays.country_holidays("GB", subdiv="ENG", years=year)
    return {day: name.replace("(observed)", "(substitute day)") for day, name in found.items()}


def bank_holidays(start: dt.date, end: dt.date) -> dict[dt.date, str]:
    """Each bank holiday from `start` to `end` inclusive, with its name ("Christmas Day")."""
    days: dict[dt.date, str] = {}
    for year in range(start.year, end.year + 1):
        days.update((day, name) for day, name in _holidays_of(year).items() if start <= day <= end)
    return days


def working_days_after(day: dt.date, days: int) -> dt.date:
    """The date `days` working days after `day` (weekends and bank holidays skipped)."""
    closed = bank_holidays(day, day + dt.timedelta(days=days * 3 + 10))
    while days:
        day += dt.timedelta(days=1)
        if day.weekday() < 5 and day not in closed:
            days -= 1
    return day
