"""The handover's part of a young person's profile: what is under way, and how far along."""

from __future__ import annotations

import datetime as dt

from handovers.models import Handover
from people.models import User, YoungPerson


def profile_context(person: YoungPerson, user: User, today: dt.date) -> dict:
    handover = (
        Handover.objects.filter(young_person=person, closed_at__isnull=True)
        .select_related("to_allocation")
        .first()
    )
    if handover is None:
        return {"handover": None}
    steps = handover.steps(today)
    return {
        "handover": handover,
        "done": sum(step.is_done for step in steps),
        "steps": len(steps),
        "late": [step.label for step in steps if step.is_late],
    }
