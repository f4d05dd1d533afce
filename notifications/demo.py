"""Demo texts: one young person on the demo PA's caseload whose texted invitation Notify
refused, so the profile shows what staff see when a text cannot be sent."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone

from notifications.models import Text, TextState
from people.demo import sign_ins
from people.models import Authority, ContactMethod, User, YoungPerson
from people.services import invitation_create


def seed_texts(*, authority: Authority, today: dt.date) -> None:
    if not settings.TEXTS_ENABLED:  # production settings without a Notify key
        return
    demo_pa = User.objects.get(email=sign_ins(authority)["Personal adviser"])
    person = (
        YoungPerson.objects.filter(
            authority=authority,
            user__isnull=True,
            preferred_contact=ContactMethod.TEXT,
            allocations__pa=demo_pa,
            allocations__ended_on__isnull=True,
        )
        .order_by("pk")
        .first()
    )
    if person is None:
        return
    email = person.email or f"{person.first_name}.{person.pk}@example.org".lower()
    invitation, _ = invitation_create(young_person=person, email=email, by=demo_pa, by_text=True)
    tried = timezone.now() - dt.timedelta(days=2)
    Text.objects.filter(kind="invitation", object_id=invitation.pk).update(
        state=TextState.FAILED,
        attempts=1,
        created_at=tried,
        failure_reason="This is not a UK mobile number. Check the number on their record.",
    )
