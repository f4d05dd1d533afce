"""Who is on duty now: on a care leaver's home page, and in a banner on staff pages."""

from __future__ import annotations

import datetime as dt

from people.context_processors import once_per_request
from people.models import Role, YoungPerson
from rota.selectors import on_duty


def duty_now_context(person: YoungPerson, today: dt.date) -> dict:
    shift = on_duty(person.authority_id)
    return {"on_duty": shift, "duty_phone": person.authority.duty_phone}


@once_per_request
def staff_banner(request) -> dict:
    """Context processor: the PA on duty now, for every staff page."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.is_staff_role or not user.authority_id:
        return {}
    if user.role == Role.PARTNER:  # a partner worker has no part in the council's duty rota
        return {}
    return {"on_duty_now": on_duty(user.authority_id) or "nobody"}
