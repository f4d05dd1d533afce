"""The texts' part of a young person's profile: texts to their number that could not go."""

from __future__ import annotations

import datetime as dt

from common.phones import uk_mobile
from notifications.texts import texts_failed_for
from people.models import User, YoungPerson


def profile_context(person: YoungPerson, user: User, today: dt.date) -> dict:
    """Only failures to the number on the record now: once it is corrected, they are gone."""
    number = uk_mobile(person.phone)
    failed = list(texts_failed_for(person).filter(to=number)[:3]) if number else []
    return {"failed_texts": failed, "person": person}
