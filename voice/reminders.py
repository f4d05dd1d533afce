"""The voice app's reminder: a gentle nudge when no check-in came in four weeks (once for
each quiet spell), and its notification kinds."""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, Max, OuterRef, QuerySet
from django.urls import reverse
from django.utils import timezone

from notifications.kinds import register_kinds
from notifications.services import Reminder, register_rule
from people.models import Allocation, YoungPerson
from voice.models import CheckIn, NotificationKind
from voice.selectors import CHECK_IN_REMINDER_DAYS


def quiet(day: dt.date) -> QuerySet[YoungPerson]:
    """Young people with an account and a PA, whose last check-in (or account, if they never
    checked in) is more than four weeks old."""
    since = timezone.make_aware(
        dt.datetime.combine(day - dt.timedelta(days=CHECK_IN_REMINDER_DAYS), dt.time())
    )
    recent = CheckIn.objects.filter(young_person=OuterRef("pk"), made_at__gte=since)
    with_pa = Allocation.objects.filter(young_person=OuterRef("pk"), ended_on__isnull=True)
    return (
        YoungPerson.objects.filter(
            user__isnull=False, user__is_active=True, user__date_joined__lt=since
        )
        .filter(Exists(with_pa))
        .exclude(Exists(recent))
        .annotate(last_check_in=Max("check_ins__made_at"))
    )


def nudges(people: list[YoungPerson], day: dt.date):
    for person in people:
        last = person.last_check_in
        since = timezone.localdate(last).isoformat() if last else "never"
        yield Reminder(
            recipient_id=person.user_id,
            # Once for each quiet spell: a new check-in starts the count again.
            key=f"check-in-reminder:{person.pk}:{since}",
            kind=NotificationKind.CHECK_IN_REMINDER,
            message=(
                "We have not heard how you are for a while. A check-in takes a minute, "
                "and your PA will see it."
            ),
            link=reverse("voice:my-check-in"),
            young_person_id=person.pk,
        )


register_rule("check_in_reminder", rows=quiet, reminders=nudges)
register_kinds(NotificationKind)
