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
    skills = selectors.skills_for(person, today)
    check_ins = selectors.check_ins_for(person, limit=1)
    flags = selectors.help_flags_of(person).count()
    return {
        "person": person,
        "skills_total": len(skills),
        "skills_confirmed": sum(1 for p in skills if p.confirmation),
        "skills_confident": sum(1 for p in skills if p.confidence == 3),
        "last_check_in": check_ins[0] if check_ins else None,
        "flags": flags,
    }


def caseload_context(user: User, today: dt.date) -> dict:
    return {"flags": list(selectors.help_flags_for_pa(user)[:50])}
