"""Office hours and working days: when "I need help now" goes to the duty worker and shows
the emergency duty team, and how long a PA has to answer a help flag."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from common.calendar import bank_holidays

OPENS, CLOSES = dt.time(9), dt.time(17)


def is_out_of_hours(at: dt.datetime, *, opens: dt.time = OPENS, closes: dt.time = CLOSES) -> bool:
    """Evenings, nights, weekends and bank holidays (England and Wales)."""
    local = timezone.localtime(at)
    day = local.date()
    if day.weekday() >= 5 or bank_holidays(day, day):
        return True
    return not opens <= local.time() < closes
