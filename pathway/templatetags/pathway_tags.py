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


# A plan's words about the young person, as the young person reads them about themselves.
# Keyed by the words, not a code, so that signed versions (which keep the words) read well too.
YOURS = {
    "The young person": "You",
    "Their PA": "Your PA",
    "Money: what it costs and whether they can afford it": (
        "Money: what it costs and whether you can afford it"
    ),
    "The young person's views about where they live": "Your views about where you live",
    "What they understand of their rights, duties and how the rent is paid": (
        "What you understand of your rights, duties and how the rent is paid"
    ),
}


@register.filter
def yours(words: str) -> str:
    """Plan words about "the young person", as that young person reads them ("Your PA")."""
    return YOURS.get(str(words), words)
