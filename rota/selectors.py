"""Reads about the rota."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from people.models import Authority, Role, User, YoungPerson
from people.selectors import young_people_visible_to
from rota.models import CalendarFeed, DutyEnquiry, DutyRole, Leave, Shift, SwapOffer, SwapState
from rota.patterns import bank_holidays, pattern_times, zone


def on_duty(authority_id: int, at: dt.datetime | None = None) -> Shift | None:
    """The duty shift happening now (or at `at`), with its PA."""
    at = at or timezone.now()
    return (
        Shift.objects.filter(
            authority_id=authority_id,
            role=DutyRole.DUTY,
            starts_at__lte=at,
            ends_at__gt=at,
            pa__isnull=False,
        )
        .select_related("pa")
        .first()
    )


def _day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    return (
        dt.datetime.combine(day, dt.time(), tzinfo=zone()),
        dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=zone()),
    )


def covers_the_service(user: User, at: dt.datetime | None = None) -> bool:
    """Whether `user` may find any young person of their council for the duty log: a
    service manager (who sees every team), or whoever has a duty or back-up shift at `at`
    (now by default). Others find only the young people they may open anyway."""
    if user.role == Role.MANAGER and user.sees_all_teams:
        return True
    if user.role not in (Role.PA, Role.MANAGER):
        return False
    at = at or timezone.now()
    return Shift.objects.filter(pa=user, starts_at__lte=at, ends_at__gt=at).exists()


def enquiry_people(user: User, at: dt.datetime | None = None) -> QuerySet[YoungPerson]:
    """Whom `user` may log a duty enquiry about: anyone of the council while they cover the
    service, else only the young people they may open anyway (a PA's own caseload, a team
    manager's teams)."""
    if covers_the_service(user, at):
        return YoungPerson.objects.filter(authority_id=user.authority_id)
    return young_people_visible_to(user)


def shifts_between(authority_id: int, start: dt.date, end: dt.date) -> QuerySet[Shift]:
    zone = timezone.get_current_timezone()
    begin = dt.datetime.combine(start, dt.time(), tzinfo=zone)
    finish = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), tzinfo=zone)
    return (
        Shift.objects.filter(authority_id=authority_id, starts_at__lt=finish, ends_at__gt=begin)
        .select_related("pa")
        .prefetch_related("offers")
        .order_by("starts_at", "role")
    )


@dataclass
class Day:
    date: dt.date
    shifts: list = field(default_factory=list)
    missing: list = field(default_factory=list)  # pattern slots with no shift at all
    bank_holiday: str = ""  # its name, on a bank holiday (the pattern has no slots then)

    @property
    def gaps(self) -> int:
        return len(self.missing) + sum(1 for s in self.shifts if s.pa_id is None)


def coverage(authority: Authority, start: dt.date, days: int = 28) -> list[Day]:
    """Each day: its shifts, and the pattern's slots nobody has made a shift for."""
    end = start + dt.timedelta(days=days - 1)
    by_day = {start + dt.timedelta(days=n): Day(start + dt.timedelta(days=n)) for n in range(days)}
    shifts = list(shifts_between(authority.pk, start, end))
    have = {(s.role, s.starts_at.astimezone(dt.UTC)) for s in shifts}
    for shift in shifts:
        day = timezone.localtime(shift.starts_at).date()
        if day in by_day:
            by_day[day].shifts.append(shift)
    for role, starts_at, ends_at in pattern_times(authority, start, end):
        if (role, starts_at.astimezone(dt.UTC)) not in have:
            by_day[starts_at.date()].missing.append((role, starts_at, ends_at))
    for day, name in bank_holidays(start, end).items():
        by_day[day].bank_holiday = name
    return list(by_day.values())


def upcoming_for(pa: User) -> QuerySet[Shift]:
    return (
        Shift.objects.filter(pa=pa, ends_at__gt=timezone.now())
        .prefetch_related(
            Prefetch(
                "offers", queryset=SwapOffer.objects.filter(state=SwapState.OPEN), to_attr="open"
            )
        )
        .order_by("starts_at")
    )


def open_offers(authority_id: int, but_not: User) -> QuerySet[SwapOffer]:
    return (
        SwapOffer.objects.filter(
            state=SwapState.OPEN,
            shift__authority_id=authority_id,
            shift__starts_at__gt=timezone.now(),
        )
        .exclude(offered_by=but_not)
        .select_related("shift", "offered_by")
    )


def enquiries(authority_id: int) -> QuerySet[DutyEnquiry]:
    return DutyEnquiry.objects.filter(authority_id=authority_id).select_related(
        "young_person", "handled_by"
    )


def late_follow_ups(authority_id: int, at: dt.datetime | None = None) -> QuerySet[DutyEnquiry]:
    return enquiries(authority_id).filter(
        follow_up_by__lt=at or timezone.now(), followed_up_at__isnull=True
    )


def feed_pa(token: str) -> User | None:
    """The PA whose live calendar address this is; None for an unknown or revoked one."""
    feed = (
        CalendarFeed.objects.filter(
            token_hash=CalendarFeed.hash_token(token), revoked_at__isnull=True
        )
        .select_related("pa")
        .first()
    )
    return feed.pa if feed and feed.pa.is_active else None


def unfilled_by_month(authority_id: int, months: list[tuple[dt.date, dt.date]]) -> list[int]:
    """Shifts with nobody on them in each (first day, last day) month, in one query."""
    counts = Shift.objects.filter(authority_id=authority_id, pa__isnull=True).aggregate(
        **{
            f"m{index}": Count("pk", filter=Q(starts_at__date__range=month))
            for index, month in enumerate(months)
        }
    )
    return [counts[f"m{index}"] for index in range(len(months))]


def unfilled_from(authority_id: int, day: dt.date) -> QuerySet[Shift]:
    """Shifts with nobody on them from the start of `day` on, soonest first."""
    return Shift.objects.filter(
        authority_id=authority_id, pa__isnull=True, starts_at__gte=_day_bounds(day)[0]
    ).order_by("starts_at", "role")


def unfilled_between(authority_id: int, start: dt.date, end: dt.date) -> QuerySet[Shift]:
    return Shift.objects.filter(
        authority_id=authority_id, pa__isnull=True, starts_at__date__range=(start, end)
    ).order_by("starts_at")


def pa_away(pa_id: int, day: dt.date) -> bool:
    """Whether the PA is on leave (of any kind) on `day`."""
    return Leave.objects.filter(pa_id=pa_id, starts_on__lte=day, ends_on__gte=day).exists()
