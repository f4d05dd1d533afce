"""Reminder rules for good endings: the check that a new PA is in touch, support ending at
25, telling a young person who was not told, and closing endings whose day has come.

The first two record what they find with one statement a batch. The last two do a few
queries a row; they only ever meet a handful of rows a day.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db.models import F, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from common.dates import birthday
from handovers import services, telling
from handovers.models import CheckOutcome, Handover, Kind, NotificationKind, Reason
from notifications.kinds import register_kinds
from notifications.services import Reminder, register_rule
from pathway.selectors import contact_by_pa_since
from people.models import Role, User, YoungPerson
from people.selectors import birthday_sql, with_current_pa

ENDING_DAYS_AHEAD = 90


def check_rows(day: dt.date) -> QuerySet[Handover]:
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


def checks(handovers: list[Handover], day: dt.date):
    """In touch: the step is done. Not yet: the new PA's manager is told, once (or, when
    their team has no manager, the council's service managers)."""
    late = services.checks_record(handovers, now=timezone.now())
    service_managers = defaultdict(list)
    councils = {h.young_person.authority_id for h in late if h.manager_id is None}
    if councils:
        for pk, authority_id in User.objects.filter(
            role=Role.MANAGER, is_active=True, sees_all_teams=True, authority_id__in=councils
        ).values_list("pk", "authority_id"):
            service_managers[authority_id].append(pk)
    for handover in late:
        new_pa = handover.to_allocation.pa.get_full_name()
        started = handover.to_allocation.started_on
        told = [handover.manager_id] if handover.manager_id else []
        for recipient_id in told or service_managers[handover.young_person.authority_id]:
            yield _late_check(handover, recipient_id, new_pa, started)


def _late_check(handover: Handover, recipient_id: int, new_pa: str, started: dt.date) -> Reminder:
    return Reminder(
        recipient_id=recipient_id,
        key=f"handover-check:{handover.pk}:{handover.check_due_on}",
        kind=NotificationKind.HANDOVER_LATE,
        message=(
            f"{new_pa} took over {handover.young_person.full_name} on "
            f"{started:%-d %B %Y} and has not logged any contact with them yet."
        ),
        link=handover.get_absolute_url(),
        young_person_id=handover.young_person_id,
        due_on=handover.check_due_on,
    )


def ending_rows(day: dt.date) -> QuerySet[YoungPerson]:
    """Young people with a PA who turn 25 within 90 days (the day itself included)."""
    ahead = day + dt.timedelta(days=ENDING_DAYS_AHEAD)
    people = with_current_pa(YoungPerson.objects.all()).annotate(turns_25=birthday_sql(25))
    return people.filter(Q(turns_25__gte=day, turns_25__lte=ahead))


def endings(people: list[YoungPerson], day: dt.date):
    """Start each one's ending (if nothing is open), and tell the PA and the young person."""
    services.endings_start(people, reason=Reason.TURNING_25)
    for person in people:
        on = birthday(person.date_of_birth, 25)
        key = f"support-ending:{person.pk}:{on}"
        yield Reminder(
            recipient_id=person.current_pa_id,
            key=key,
            kind=NotificationKind.SUPPORT_ENDING,
            message=(
                f"{person.full_name} turns 25 on {on:%-d %B %Y}, when support ends. Plan a "
                "good ending with them: a summary, where to go for help, and whether they "
                "would like us to stay in touch."
            ),
            link=reverse("handovers:list"),
            young_person_id=person.pk,
            due_on=on,
        )
        if person.user_id is not None:
            yield Reminder(
                recipient_id=person.user_id,
                key=key,
                kind=NotificationKind.SUPPORT_ENDING,
                message=(
                    f"Support from the leaving care service ends when you turn 25, on "
                    f"{on:%-d %B %Y}. Your PA will talk with you about what happens next and "
                    "where you can get help."
                ),
                link=reverse("portal:my-home"),
                young_person_id=person.pk,
                due_on=on,
            )


def untold_rows(day: dt.date) -> QuerySet[Handover]:
    """Handovers with a new PA whose young person has not been told, a day on: their task
    was lost (the broker was away) or they prefer a way the new PA must use themselves."""
    return Handover.objects.filter(
        closed_at=None,
        kind=Kind.HANDOVER,
        told_at__isnull=True,
        to_allocation__started_on__lt=day,
    )


def untold(handovers: list[Handover], day: dt.date):
    """Tell them now; a second run finds them told or the PA already asked (same key)."""
    for handover in handovers:
        telling.young_person_tell(handover_id=handover.pk)
    return []


def endings_due_rows(day: dt.date) -> QuerySet[Handover]:
    """Endings whose steps are all done and whose day has come."""
    return Handover.objects.filter(
        closed_at=None, kind=Kind.ENDING, due_on__lte=day, summary_at__isnull=False
    ).exclude(Q(signposting="") | Q(stay_in_touch=""))


def endings_due(endings: list[Handover], day: dt.date):
    """Close each, which ends the allocation: support has ended, well."""
    for ending in endings:
        services.ending_close_if_due(handover_id=ending.pk, today=day)
    return []


register_rule("handover_check", rows=check_rows, reminders=checks)
register_rule("handover_tell", rows=untold_rows, reminders=untold)
register_rule("endings_due", rows=endings_due_rows, reminders=endings_due)
register_rule("support_ending", rows=ending_rows, reminders=endings)


register_kinds(NotificationKind)
