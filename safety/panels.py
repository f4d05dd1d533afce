"""What safety adds to a care leaver's home page and to a young person's profile."""

from __future__ import annotations

import datetime as dt

from people.models import User, YoungPerson
from safety import selectors


def my_panel_context(person: YoungPerson, today: dt.date) -> dict:
    return {"plan": selectors.shared_plan(person)}


def profile_panel_context(person: YoungPerson, user: User, today: dt.date) -> dict:
    latest = selectors.latest(person)
    return {
        "person": person,
        "latest": latest,
        "today": today,
        "open_homes": [h for h in selectors.homes_at_risk(person) if h.is_open],
        "staying_close_due": selectors.staying_close_due(person, today),
    }
