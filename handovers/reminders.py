"""Reminder rules for good endings: a new PA not yet in touch, and support ending at 25.

They only tell people; what moves a handover on each day is `handovers.day`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db.models import QuerySet
from django.urls import reverse

from common.dates import birthday
from handovers.day import checks_due, turning_25
from handovers.models import CheckOutcome, Handover, NotificationKind
from notifications.kinds import register_kinds
from notifications.services import Reminder, register_rule
from people.models import Role, User, YoungPerson


def late_checks(day: dt.date) -> QuerySet[Handover]:
    """Open handovers whose check found the new PA not yet in touch (recorded each morning
    by `handovers.day`) and who still are not, with who to tell."""
    return checks_due(day).filter(check_outcome=CheckOutcome.ESCALATED, in_touch=False)


def checks(late: list[Handover], day: dt.date):
    """The new PA's manager is told of a late check, once (or, when their team has no
    manager, the council's service managers)."""
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


def endings(people: list[YoungPerson], day: dt.date):
    """Tell the PA and the young person that support ends at 25 (the ending itself is
    started by the handovers' own morning, `handovers.day`)."""
    handovers_list, my_home = reverse("handovers:list"), reverse("portal:my-home")
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
            link=handovers_list,
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
                link=my_home,
                young_person_id=person.pk,
                due_on=on,
            )


register_rule("handover_check", rows=late_checks, reminders=checks)
register_rule("support_ending", rows=turning_25, reminders=endings)


register_kinds(
    NotificationKind,
    digest=[
        NotificationKind.HANDOVER_SUMMARY,
        NotificationKind.HANDOVER_NEW_PA,
        NotificationKind.NEW_ON_CASELOAD,
    ],
)
