"""The voice app's parts of other pages: the care leaver's /my/, the profile, the caseload."""

from __future__ import annotations

import datetime as dt

from people.models import User, YoungPerson
from voice import selectors


def my_panel_context(person: YoungPerson, today: dt.date) -> dict:
    return {
        "asked": selectors.check_in_asked(person),
        "surveys": list(selectors.open_surveys(person, today)[:3]),
    }


def profile_context(person: YoungPerson, user: User, today: dt.date) -> dict:
    return {"person": person, **selectors.profile_summary(person, today)}


def caseload_context(user: User, today: dt.date) -> dict:
    return {"flags": list(selectors.help_flags_for_pa(user)[:50])}
