"""What finance adds to a care leaver's home page."""

from __future__ import annotations

import datetime as dt

from finance.selectors import awards_for
from people.models import YoungPerson


def my_money_context(person: YoungPerson, today: dt.date) -> dict:
    awards = [a for a in awards_for(person) if a.left > 0]
    return {"awards": awards, "left": sum(a.left for a in awards), "today": today}
