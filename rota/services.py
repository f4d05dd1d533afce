"""Writes to the rota. Each is one transaction; the database has the last word on clashes."""

from __future__ import annotations

import datetime as dt
import random
import secrets
from collections import defaultdict

from auditlog.context import set_actor
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from common.errors import DomainError
from notifications.services import Reminder, notify
from pathway.services import contact_record
from people.models import Authority, Role, User, YoungPerson
from rota.models import (
    CalendarFeed,
    DutyEnquiry,
    DutyRole,
    Leave,
    NotificationKind,
    Shift,
    SwapOffer,
    SwapState,
)
from rota.patterns import pattern_times
from rota.patterns import zone as _zone

ROLE_ORDER = {DutyRole.DUTY: 0, DutyRole.BACKUP: 1}


class RotaError(DomainError):
    """A change the rota cannot take; the message is shown to the person."""


def _plain(error: IntegrityError, pa: User | None = None) -> str:
    """What the database refused, in words."""
    text = str(error)
    who = pa.get_full_name() if pa else "This PA"
    if "pa_on_one_shift_at_a_time" in text:
        return f"{who} is already on another shift at that time"
    if "on leave during the shift" in text:
        return f"{who} is on leave then"
    if "has shifts during this leave" in text:
        return f"{who} has shifts during this leave: give them away or swap them first"
    if "one_shift_per_role_at_a_time" in text:
        return "There is already a shift for this role at that time"
    if "shift_ends_after_it_starts" in text or "leave_ends_after_it_starts" in text:
        return "The end must be after the start"
    return "That change clashes with the rota"


def _check_pa(pa: User | None, authority_id: int, starts_at: dt.datetime | None = None) -> None:
    if pa is not None and (
        pa.role != Role.PA or not pa.is_active or pa.authority_id != authority_id
    ):
        raise RotaError("Choose a current PA of this council")
    if pa is not None and starts_at is not None and _after_last_day(pa, starts_at):
        raise RotaError(
            f"{pa.get_full_name()}'s last working day is {pa.leaving_on:%-d %B %Y}, "
            "before this shift"
        )


def _after_last_day(pa: User, starts_at: dt.datetime) -> bool:
    return pa.leaving_on is not None and timezone.localdate(starts_at) > pa.leaving_on


def _lock(pa: User | None) -> None:
    """One change at a time per PA, so a shift and their leave cannot slip past each other."""
    if pa is not None:
        User.objects.select_for_update().filter(pk=pa.pk).first()


def shift_create(
    *,
    authority: Authority,
    role: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    pa: User | None,
    by: User,
) -> Shift:
    _check_pa(pa, authority.pk, starts_at)
    if ends_at <= starts_at:
        raise RotaError("The end must be after the start")
    try:
        with transaction.atomic(), set_actor(by):
            _lock(pa)
            return Shift.objects.create(
                authority=authority, role=role, starts_at=starts_at, ends_at=ends_at, pa=pa
            )
    except IntegrityError as error:
        raise RotaError(_plain(error, pa)) from error


def shift_assign(*, shift: Shift, pa: User | None, by: User) -> Shift:
    """Put a PA on a shift (or take them off it, with None)."""
    _check_pa(pa, shift.authority_id, shift.starts_at)
    try:
        with transaction.atomic(), set_actor(by):
            _lock(pa)
            locked = Shift.objects.select_for_update().get(pk=shift.pk)
            if locked.pa_id != (pa.pk if pa else None):
                # Whoever offered it no longer holds it, so the offer ends.
                SwapOffer.objects.filter(shift=locked, state=SwapState.OPEN).update(
                    state=SwapState.WITHDRAWN, closed_at=timezone.now()
                )
            locked.pa = pa
            locked.save(update_fields=["pa"])
    except IntegrityError as error:
        raise RotaError(_plain(error, pa)) from error
    return locked


def leave_record(*, pa: User, starts_on: dt.date, ends_on: dt.date, kind: str, by: User) -> Leave:
    if ends_on < starts_on:
        raise RotaError("The last day must be on or after the first day")
    try:
        with transaction.atomic(), set_actor(by):
            _lock(pa)
            return Leave.objects.create(
                pa=pa, starts_on=starts_on, ends_on=ends_on, kind=kind, created_by=by
            )
    except IntegrityError as error:
        raise RotaError(_plain(error, pa)) from error


def _on_leave(leave: list[Leave], starts_at: dt.datetime, ends_at: dt.datetime) -> bool:
    zone = _zone()
    for period in leave:
        first = dt.datetime.combine(period.starts_on, dt.time(), tzinfo=zone)
        after = dt.datetime.combine(period.ends_on + dt.timedelta(days=1), dt.time(), tzinfo=zone)
        if starts_at < after and ends_at > first:
            return True
    return False


def rota_generate(
    *,
    authority: Authority,
    start: dt.date,
    end: dt.date,
    max_per_week: int,
    by: User,
    seed: int | None = None,
) -> list[Shift]:
    """Fill the weekly pattern from `start` to `end`, sharing shifts out fairly.

    Each slot goes to the PA with the fewest shifts in the period so far among those not
    on leave, not on another shift then and under `max_per_week`; ties are broken at
    random. Among PAs free for the whole period, the most and fewest shifts then differ
    by at most one. A slot nobody can take is made unfilled, for a manager to fill. Bank
    holidays have no slots (patterns.pattern_times), and nobody is given a shift after
    their last working day.
    """
    if end < start:
        raise RotaError("The last day must be on or after the first day")
    if max_per_week < 1:
        raise RotaError("Allow at least one shift a week")
    rng = random.Random(seed)
    zone = _zone()
    begin = dt.datetime.combine(start, dt.time(), tzinfo=zone)
    finish = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), tzinfo=zone)
    pas = list(
        User.objects.filter(authority=authority, role=Role.PA, is_active=True).order_by("pk")
    )
    with transaction.atomic(), set_actor(by):
        for pa in pas:
            _lock(pa)
        existing = list(
            Shift.objects.filter(authority=authority, starts_at__lt=finish, ends_at__gt=begin)
        )
        # Compared in UTC: a London time in the clock-change hour never equals one in UTC.
        taken = {(s.role, s.starts_at.astimezone(dt.UTC)) for s in existing}
        busy: dict[int, list[tuple[dt.datetime, dt.datetime]]] = defaultdict(list)
        counts: dict[int, int] = defaultdict(int)
        weekly: dict[tuple[int, tuple[int, int]], int] = defaultdict(int)
        for shift in existing:
            if shift.pa_id:
                busy[shift.pa_id].append((shift.starts_at, shift.ends_at))
                counts[shift.pa_id] += 1
                weekly[(shift.pa_id, shift.starts_at.astimezone(zone).isocalendar()[:2])] += 1
        leave: dict[int, list[Leave]] = defaultdict(list)
        for period in Leave.objects.filter(pa__in=pas, starts_on__lte=end, ends_on__gte=start):
            leave[period.pa_id].append(period)
        slots = sorted(
            (
                t
                for t in pattern_times(authority, start, end)
                if (t[0], t[1].astimezone(dt.UTC)) not in taken
            ),
            key=lambda t: (t[1], ROLE_ORDER.get(t[0], 9)),
        )
        made = []
        for role, starts_at, ends_at in slots:
            week = starts_at.isocalendar()[:2]
            free = [
                pa
                for pa in pas
                if weekly[(pa.pk, week)] < max_per_week
                and not _after_last_day(pa, starts_at)
                and not _on_leave(leave[pa.pk], starts_at, ends_at)
                and not any(s < ends_at and e > starts_at for s, e in busy[pa.pk])
            ]
            chosen = None
            if free:
                fewest = min(counts[pa.pk] for pa in free)
                chosen = rng.choice([pa for pa in free if counts[pa.pk] == fewest])
                counts[chosen.pk] += 1
                weekly[(chosen.pk, week)] += 1
                busy[chosen.pk].append((starts_at, ends_at))
            made.append(
                Shift(
                    authority=authority, role=role, starts_at=starts_at, ends_at=ends_at, pa=chosen
                )
            )
        try:
            return Shift.objects.bulk_create(made)
        except IntegrityError as error:
            raise RotaError(_plain(error)) from error


def shifts_after_last_day(*, pa: User, leaving_on: dt.date, by: User | None) -> list[Shift]:
    """Take a leaving PA off every shift after their last working day, so each is a gap,
    and tell their manager once how many. Called inside the transaction that sets the day."""
    after = dt.datetime.combine(leaving_on + dt.timedelta(days=1), dt.time(), tzinfo=_zone())
    with transaction.atomic(), set_actor(by):
        _lock(pa)
        shifts = list(
            Shift.objects.select_for_update().filter(pa=pa, starts_at__gte=after).order_by("pk")
        )
        SwapOffer.objects.filter(shift__in=shifts, state=SwapState.OPEN).update(
            state=SwapState.WITHDRAWN, closed_at=timezone.now()
        )
        for shift in shifts:  # one by one, so the audit trail has each change
            shift.pa = None
            shift.save(update_fields=["pa"])
        manager_id = _manager_of(pa, by)
        if shifts and manager_id is not None:
            count = len(shifts)
            notify(
                Reminder(
                    recipient_id=manager_id,
                    key=f"leaving-gaps:{pa.pk}:{leaving_on.isoformat()}",
                    kind=NotificationKind.LEAVING_GAPS,
                    message=(
                        f"{pa.get_full_name()}'s last working day is {leaving_on:%-d %B %Y}. "
                        f"You have {count} new gap{'s' if count != 1 else ''} on the duty "
                        "rota to fill."
                    ),
                    link=reverse("rota:coverage"),
                    due_on=timezone.localdate(shifts[0].starts_at),
                )
            )
    return shifts


def _manager_of(pa: User, by: User | None) -> int | None:
    """Who hears of a leaving PA's gaps: their team's manager, else the manager who set it."""
    team_manager = (
        User.objects.filter(managed_teams__members=pa, role=Role.MANAGER, is_active=True)
        .values_list("pk", flat=True)
        .first()
    )
    if team_manager is None and by is not None and by.role == Role.MANAGER:
        return by.pk
    return team_manager


def swap_offer(*, shift: Shift, note: str, by: User) -> SwapOffer:
    if shift.pa_id != by.pk:
        raise RotaError("You can only offer your own shifts")
    if shift.starts_at <= timezone.now():
        raise RotaError("This shift has already started, so it cannot be swapped")
    try:
        with transaction.atomic(), set_actor(by):
            return SwapOffer.objects.create(shift=shift, offered_by=by, note=note.strip())
    except IntegrityError as error:
        raise RotaError("This shift is already offered") from error


def swap_take(*, offer: SwapOffer, by: User) -> SwapOffer:
    """A colleague takes an offered shift: the rota changes only if it is valid for them."""
    try:
        with transaction.atomic(), set_actor(by):
            _lock(by)  # the PA first, in the same order as every other rota change
            locked = SwapOffer.objects.select_for_update().select_related("shift").get(pk=offer.pk)
            shift = locked.shift
            if shift.pa_id != locked.offered_by_id:
                raise RotaError("This shift has been given to someone else since it was offered")
            if locked.state != SwapState.OPEN:
                raise RotaError("This shift has already been taken or withdrawn")
            if locked.offered_by_id == by.pk:
                raise RotaError("You cannot take your own shift")
            if shift.starts_at <= timezone.now():
                raise RotaError("This shift has already started, so it cannot be swapped")
            if _after_last_day(by, shift.starts_at):
                raise RotaError("This shift is after your last working day")
            _check_pa(by, shift.authority_id, shift.starts_at)
            shift.pa = by
            shift.save(update_fields=["pa"])
            locked.state, locked.taken_by, locked.closed_at = SwapState.TAKEN, by, timezone.now()
            locked.save()
            swap_tell(offer_id=locked.pk)
    except IntegrityError as error:
        raise RotaError(_plain(error, by).replace(by.get_full_name(), "You")) from error
    return locked


def swap_tell(*, offer_id: int) -> bool:
    """Tell both PAs that a swap went through; `told_at` and the keys make it happen once.

    In the transaction that takes the shift, so a broker outage cannot lose it: their
    emails go through the outbox."""
    with transaction.atomic():
        offer = (
            SwapOffer.objects.select_for_update(of=("self",))
            .select_related("shift", "offered_by", "taken_by")
            .get(pk=offer_id)
        )
        if offer.told_at is not None or offer.taken_by is None:
            return False
        start = timezone.localtime(offer.shift.starts_at)
        what = (
            f"{offer.taken_by.get_full_name()} has taken {offer.offered_by.get_full_name()}'s "
            f"{offer.shift.get_role_display().lower()} shift on {start:%A %-d %B, %H:%M}. "
            "The rota is updated."
        )
        for pa in (offer.offered_by, offer.taken_by):
            notify(
                Reminder(
                    recipient_id=pa.pk,
                    key=f"swap:{offer.pk}",
                    kind=NotificationKind.SWAP_DONE,
                    message=what,
                    link=reverse("rota:mine"),
                    due_on=start.date(),
                )
            )
        offer.told_at = timezone.now()
        offer.save(update_fields=["told_at"])
    return True


def swap_withdraw(*, offer: SwapOffer, by: User) -> SwapOffer:
    with transaction.atomic(), set_actor(by):
        locked = SwapOffer.objects.select_for_update().get(pk=offer.pk)
        if locked.offered_by_id != by.pk or locked.state != SwapState.OPEN:
            raise RotaError("This offer cannot be withdrawn")
        locked.state, locked.closed_at = SwapState.WITHDRAWN, timezone.now()
        locked.save()
    return locked


def enquiry_log(
    *,
    authority: Authority,
    received_at: dt.datetime,
    channel: str,
    young_person: YoungPerson | None,
    caller: str,
    about: str,
    action: str,
    follow_up_by: dt.datetime | None,
    by: User,
) -> DutyEnquiry:
    """Log a duty enquiry; one from a known young person also goes in their contact history."""
    if received_at > timezone.now():
        raise RotaError("The time it came in must be now or in the past")
    if follow_up_by is not None and follow_up_by <= received_at:
        raise RotaError("The follow-up must be due after the enquiry came in")
    if young_person is not None and young_person.authority_id != authority.pk:
        raise RotaError("Choose a young person this council supports")
    with transaction.atomic(), set_actor(by):
        enquiry = DutyEnquiry.objects.create(
            authority=authority,
            received_at=received_at,
            channel=channel,
            young_person=young_person,
            caller=caller.strip(),
            about=about.strip(),
            action=action.strip(),
            follow_up_by=follow_up_by,
            handled_by=by,
        )
        if young_person is not None:
            contact_record(**enquiry_contact(enquiry), by=by)
    return enquiry


def enquiry_contact(enquiry: DutyEnquiry) -> dict:
    """What an enquiry from a known young person puts in their contact history."""
    return {
        "young_person": enquiry.young_person,
        "happened_on": timezone.localdate(enquiry.received_at),
        "method": "duty",
        "seen": enquiry.channel == "in_person",
        "note": f"Duty line: {enquiry.about}\nWhat was done: {enquiry.action}",
    }


def enquiry_followed_up(*, enquiry: DutyEnquiry, by: User) -> DutyEnquiry:
    with transaction.atomic(), set_actor(by):
        locked = DutyEnquiry.objects.select_for_update().get(pk=enquiry.pk)
        if locked.follow_up_by is None or locked.followed_up_at is not None:
            raise RotaError("There is no follow-up waiting on this enquiry")
        locked.followed_up_at = timezone.now()
        locked.save(update_fields=["followed_up_at"])
    return locked


def feed_create(*, pa: User) -> str:
    """A new secret calendar address for the PA; any earlier one stops working."""
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        CalendarFeed.objects.filter(pa=pa, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
        CalendarFeed.objects.create(pa=pa, token_hash=CalendarFeed.hash_token(token))
    return token


def feed_revoke(*, pa: User) -> int:
    return CalendarFeed.objects.filter(pa=pa, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
