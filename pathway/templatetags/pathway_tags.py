"""Template helpers for plan content, which keeps its dates as ISO strings."""

from __future__ import annotations

import datetime as dt

from django import template

register = template.Library()


@register.filter
def isodate(value: str):
    """An ISO date or date-time string as a date or datetime, for the `date` filter."""
    if not value:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.datetime.fromisoformat(value) if "T" in value else dt.date.fromisoformat(value)
    except ValueError:
        return None
