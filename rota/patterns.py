"""The weekly pattern as times: which shifts a week of the rota should have.

Bank holidays in England and Wales are not duty days: the pattern has no shifts on them
(a manager may still add one by hand), and the rota says which holiday it is.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings

from common.calendar import bank_holidays
from people.models import Authority
from rota.models import PatternSlot


def zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


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
