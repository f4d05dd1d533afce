"""What safety adds to a care leaver's home page and to a young person's profile."""

from __future__ import annotations

import datetime as dt

from people.models import User, YoungPerson
from safety import selectors


def my_panel_context(person: YoungPerson, today: dt.date) -> dict:
    return {"plan": selectors.shared_plan(person)}


def profile_panel_context(person: YoungPerson, user: User, today: dt.date) -> dict:
    summary = selectors.profile_summary(person)
    return {
        "person": person,
        "latest": summary.latest,
        "today": today,
        "open_homes_end": summary.open_homes_end,
        "staying_close_due": summary.staying_close_due,
    }
