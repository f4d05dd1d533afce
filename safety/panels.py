"""What safety adds to a care leaver's home page and to a young person's profile."""

from __future__ import annotations

import datetime as dt

from people.models import User, YoungPerson
from safety import selectors


def my_panel_context(person: YoungPerson, today: dt.date) -> dict:
    return {"plan": selectors.shared_plan(person)}


def profile_panel_context(person: YoungPerson, user: User, today: dt.date) -> dict:
    return {
        "person": person,
        "latest": selectors.latest_alone(person),
        "today": today,
        "open_homes": selectors.open_homes_at_risk(person),
        "staying_close_due": selectors.staying_close_due(person, today),
    }
