"""The weekly pattern as times: which shifts a week of the rota should have.

Bank holidays in England and Wales are not duty days: the pattern has no shifts on them
(a manager may still add one by hand), and the rota says which holiday it is.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from django.conf import settings

from people.models import Authority
from rota.models import PatternSlot


def zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


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


def pattern_times(authority: Authority, start: dt.date, end: dt.date):
    """(role, starts_at, ends_at) for every pattern slot from `start` to `end` inclusive,
    except on bank holidays."""
    zone_info = zone()
    slots = list(PatternSlot.objects.filter(authority=authority))
    closed = bank_holidays(start, end)
    day = start
    while day <= end:
        for slot in slots:
            if slot.weekday == day.weekday() and day not in closed:
                yield (
                    slot.role,
                    dt.datetime.combine(day, slot.starts, tzinfo=zone_info),
                    dt.datetime.combine(day, slot.ends, tzinfo=zone_info),
                )
        day += dt.timedelta(days=1)
