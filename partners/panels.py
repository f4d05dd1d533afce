"""What partners adds to a care leaver's home page and a young person's profile."""

from __future__ import annotations

import datetime as dt

from partners import selectors
from people.models import User, YoungPerson


def my_referrals_context(person: YoungPerson, today: dt.date) -> dict:
    return {"referrals": list(selectors.referrals_for(person)[:3])}


def profile_referrals_context(person: YoungPerson, user: User, today: dt.date) -> dict:
    people = person.__class__.objects.filter(pk=person.pk)
    return {
        "person": person,
        "open_count": selectors.referrals_for(person).filter(status__in=selectors.OPEN).count(),
        "late": selectors.late_transitions(people, today),
        "can_see": user.has_perm("partners.view_referrals", person),
    }


def late_transitions_context(user: User, today: dt.date) -> dict:
    """On the caseload: transition referrals to adult services that are late."""
    return {"late": list(selectors.late_transitions_for(user, today))}
