"""The handover's part of a young person's profile: what is under way, and how far along."""

from __future__ import annotations

import datetime as dt

from handovers.models import Handover
from people.models import Role, User, YoungPerson


def profile_context(person: YoungPerson, user: User, today: dt.date) -> dict:
    handover = (
        Handover.objects.filter(young_person=person, closed_at__isnull=True)
        .select_related("to_allocation")
        .first()
    )
    # A manager may move the young person's support to another council in the portal.
    may_move = user.role == Role.MANAGER
    if handover is None:
        return {"handover": None, "may_move": may_move, "person": person}
    steps = handover.steps(today)
    return {
        "may_move": may_move,
        "person": person,
        "handover": handover,
        "done": sum(step.is_done for step in steps),
        "steps": len(steps),
        "late": [step.label for step in steps if step.is_late],
    }
