"""The handovers' own morning: the steps that move handovers and endings on each day.

The reminder rules only tell people things; what changes a handover runs here, as its own
daily task (`handovers.tasks.handovers_day`, scheduled before the reminders): the 14-day
check is recorded, endings start 90 days before a 25th birthday, a young person not yet
told who their new PA is is told, and endings whose day has come are closed. Each step
walks its rows in batches by primary key, each batch its own transaction, and each is
safe to run twice (what it records is a state a second run sees).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.conf import settings
from django.db import transaction
from django.db.models import F, OuterRef, Q, QuerySet
from django.utils import timezone

from handovers import services, telling
from handovers.models import CheckOutcome, Handover, Kind, Reason
from pathway.selectors import contact_by_pa_since
from people.models import YoungPerson
from people.selectors import birthday_sql, with_current_pa

ENDING_DAYS_AHEAD = 90


def checks_due(day: dt.date) -> QuerySet[Handover]:
    """Open handovers whose check is due, not yet found in touch, with what the check needs."""
    return (
        Handover.objects.filter(closed_at=None, kind=Kind.HANDOVER, check_due_on__lte=day)
        .exclude(check_outcome=CheckOutcome.IN_TOUCH)
        .annotate(
            in_touch=contact_by_pa_since(
                young_person=OuterRef("young_person_id"),
                pa=OuterRef("to_allocation__pa_id"),
                since=OuterRef("to_allocation__started_on"),
            ),
            manager_id=F("to_allocation__pa__team__manager_id"),
        )
        .select_related("young_person", "to_allocation__pa")
    )


def turning_25(day: dt.date) -> QuerySet[YoungPerson]:
    """Young people with a PA who turn 25 within 90 days (the day itself included)."""
    ahead = day + dt.timedelta(days=ENDING_DAYS_AHEAD)
    people = with_current_pa(YoungPerson.objects.all()).annotate(turns_25=birthday_sql(25))
    return people.filter(Q(turns_25__gte=day, turns_25__lte=ahead))


def untold(day: dt.date) -> QuerySet[Handover]:
    """Handovers with a new PA whose young person has not been told, a day on: the new PA
    was asked to (they prefer a text, a call or a letter), or an earlier release's task to
    tell them was lost."""
    return Handover.objects.filter(
        closed_at=None, kind=Kind.HANDOVER, told_at__isnull=True, to_allocation__started_on__lt=day
    )


def endings_due(day: dt.date) -> QuerySet[Handover]:
    """Endings whose steps are all done and whose day has come."""
    return Handover.objects.filter(
        closed_at=None, kind=Kind.ENDING, due_on__lte=day, summary_at__isnull=False
    ).exclude(Q(signposting="") | Q(stay_in_touch=""))


def _in_batches(rows: QuerySet, step: Callable[[list], None]) -> int:
    """Run `step` on the rows a batch at a time, each batch one transaction; how many rows."""
    after, done = 0, 0
    while True:
        with transaction.atomic():
            batch = list(rows.filter(pk__gt=after).order_by("pk")[: settings.REMINDER_BATCH_SIZE])
            if not batch:
                return done
            step(batch)
        after = batch[-1].pk
        done += len(batch)


def day_steps(day: dt.date) -> dict[str, int]:
    """Every step of the day, in order; how many rows each looked at."""
    now = timezone.now()
    return {
        "checks": _in_batches(checks_due(day), lambda b: services.checks_record(b, now=now)),
        "endings": _in_batches(
            turning_25(day), lambda b: services.endings_start(b, reason=Reason.TURNING_25)
        ),
        "told": _in_batches(
            untold(day),
            lambda b: [telling.young_person_tell(handover_id=h.pk) for h in b],
        ),
        "closed": _in_batches(
            endings_due(day),
            lambda b: [services.ending_close_if_due(handover_id=h.pk, today=day) for h in b],
        ),
    }
