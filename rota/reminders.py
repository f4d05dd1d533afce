"""Reminder rules for the duty rota: empty shifts, tomorrow's shifts, late follow-ups."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from notifications.kinds import register_kinds
from notifications.services import Reminder, register_rule
from people.models import Role, User
from rota.models import DutyEnquiry, NotificationKind, Shift


def _midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time()))


def _when(shift: Shift) -> str:
    return f"{timezone.localtime(shift.starts_at):%A %-d %B, %H:%M}"


def unfilled_rows(day: dt.date) -> QuerySet[Shift]:
    """Shifts with nobody on them, starting from `day` up to a week ahead."""
    ahead = _midnight(day + dt.timedelta(days=settings.REMINDER_SHIFT_DAYS_AHEAD))
    return Shift.objects.filter(pa__isnull=True, starts_at__gte=_midnight(day), starts_at__lt=ahead)


def unfilled(shifts: list[Shift], day: dt.date):
    """Every manager in the shift's council (one query a batch finds them)."""
    managers = defaultdict(list)
    for manager_id, authority_id in User.objects.filter(
        role=Role.MANAGER, is_active=True, authority_id__in={s.authority_id for s in shifts}
    ).values_list("pk", "authority_id"):
        managers[authority_id].append(manager_id)
    for shift in shifts:
        for manager_id in managers[shift.authority_id]:
            yield Reminder(
                recipient_id=manager_id,
                key=f"shift-unfilled:{shift.pk}:{shift.starts_at:%Y-%m-%dT%H:%M}",
                kind=NotificationKind.SHIFT_UNFILLED,
                message=(
                    f"Nobody is on the {shift.get_role_display().lower()} shift on {_when(shift)}."
                ),
                link=reverse("rota:coverage"),
                due_on=timezone.localtime(shift.starts_at).date(),
            )


def tomorrow_rows(day: dt.date) -> QuerySet[Shift]:
    tomorrow = day + dt.timedelta(days=1)
    return Shift.objects.filter(
        pa__isnull=False,
        starts_at__gte=_midnight(tomorrow),
        starts_at__lt=_midnight(tomorrow + dt.timedelta(days=1)),
    )


def tomorrow(shifts: list[Shift], day: dt.date):
    for shift in shifts:
        ends = timezone.localtime(shift.ends_at)
        yield Reminder(
            recipient_id=shift.pa_id,
            key=f"shift-tomorrow:{shift.pk}:{shift.starts_at:%Y-%m-%dT%H:%M}",
            kind=NotificationKind.SHIFT_TOMORROW,
            message=(
                f"You are on the {shift.get_role_display().lower()} shift tomorrow, "
                f"{_when(shift)} to {ends:%H:%M}."
            ),
            link=reverse("rota:mine"),
            due_on=timezone.localtime(shift.starts_at).date(),
        )


def late_follow_up_rows(day: dt.date) -> QuerySet[DutyEnquiry]:
    """Follow-ups that were needed before `day` began and are not done."""
    return DutyEnquiry.objects.filter(
        follow_up_by__lt=_midnight(day), followed_up_at__isnull=True
    ).select_related("young_person")


def late_follow_ups(enquiries: list[DutyEnquiry], day: dt.date):
    for enquiry in enquiries:
        who = enquiry.young_person.full_name if enquiry.young_person else "a duty caller"
        by = timezone.localtime(enquiry.follow_up_by)
        yield Reminder(
            recipient_id=enquiry.handled_by_id,
            key=f"follow-up-late:{enquiry.pk}:{by:%Y-%m-%dT%H:%M}",
            kind=NotificationKind.FOLLOW_UP_LATE,
            message=f"The follow-up for {who} was needed by {by:%-d %B, %H:%M}.",
            link=reverse("rota:duty-log"),
            young_person_id=enquiry.young_person_id,
            due_on=by.date(),
        )


register_rule("shift_unfilled", rows=unfilled_rows, reminders=unfilled)
register_rule("shift_tomorrow", rows=tomorrow_rows, reminders=tomorrow)
register_rule("follow_up_late", rows=late_follow_up_rows, reminders=late_follow_ups)


register_kinds(NotificationKind)
