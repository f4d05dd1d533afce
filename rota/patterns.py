"""The weekly pattern as times: which shifts a week of the rota should have."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings

from people.models import Authority
from rota.models import PatternSlot


def zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def pattern_times(authority: Authority, start: dt.date, end: dt.date):
    """(role, starts_at, ends_at) for every pattern slot from `start` to `end` inclusive."""
    zone_info = zone()
    slots = list(PatternSlot.objects.filter(authority=authority))
    day = start
    while day <= end:
        for slot in slots:
            if slot.weekday == day.weekday():
                yield (
                    slot.role,
                    dt.datetime.combine(day, slot.starts, tzinfo=zone_info),
                    dt.datetime.combine(day, slot.ends, tzinfo=zone_info),
                )
        day += dt.timedelta(days=1)
