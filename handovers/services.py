"""Writes for good endings. Each function is one transaction.

Handovers start from the people app's signals (see `receivers.py`), inside the transaction of
the allocation change or leaving date that caused them; the steps are recorded here.
"""

from __future__ import annotations

import contextlib
import datetime as dt

from auditlog.context import set_actor
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from common import confirm, locking
from common.dates import birthday
from common.errors import DomainError
from finance import selectors as finance_selectors
from finance import services as finance_services
from handovers import telling
from handovers.models import (
    CheckOutcome,
    Handover,
    Kind,
    NotificationKind,
    Reason,
    StayInTouch,
    ToldHow,
)
from notifications.services import Reminder, notifications_withdraw, notify
from people import services as portal_services
from people.models import (
    Allocation,
    ConsentHow,
    CouncilMove,
    EndReason,
    Role,
    Team,
    User,
    YoungPerson,
)
from people.selectors import young_people_visible_to

ENDING_REASONS = {Reason.TURNING_25, Reason.SUPPORT_ENDED, Reason.YOUNG_PERSON_CHOICE}
# Why an allocation ended -> why the handover or ending started.
REASON_FOR_END = {
    EndReason.REALLOCATED: Reason.REALLOCATED,
    EndReason.PA_LEFT: Reason.PA_LEAVING,
    EndReason.SUPPORT_ENDED: Reason.SUPPORT_ENDED,
    EndReason.YOUNG_PERSON_CHOICE: Reason.YOUNG_PERSON_CHOICE,
    EndReason.OTHER: Reason.ALLOCATION_ENDED,
    EndReason.MOVED_COUNCIL: Reason.ALLOCATION_ENDED,
}
MOVED_COUNCIL = "Their support moved to another council"


class HandoverError(DomainError):
    """A step the rules do not allow; the message is shown to the person."""


class StaleHandoverError(HandoverError, locking.StaleEditError):
    """Someone saved this handover since the form was opened."""

    def __init__(self, message: str, saved=None):
        locking.StaleEditError.__init__(self, message, saved)


def handover_start(
    *, young_person: YoungPerson, reason: str, due_on: dt.date, from_allocation: Allocation | None
) -> Handover:
    """Open a handover or ending, or return the one already open for this young person.

    The PA and their manager are told what to do, in the same transaction.
    """
    # Lock the young person, not the (perhaps not yet existing) handover: two changes at
    # once (a leaving date and an allocation ending) then start one handover, not two.
    YoungPerson.objects.select_for_update().filter(pk=young_person.pk).first()
    open_one = Handover.objects.filter(young_person=young_person, closed_at=None).first()
    if open_one is not None:
        if open_one.from_allocation_id is None and from_allocation is not None:
            open_one.from_allocation = from_allocation
            open_one.from_pa_id = from_allocation.pa_id
            open_one.save(update_fields=["from_allocation", "from_pa"])
        if open_one.reason == reason == Reason.PA_LEAVING and open_one.due_on != due_on:
            open_one.due_on = due_on  # the leaving date moved
            open_one.save(update_fields=["due_on"])
        return open_one
    handover = Handover.objects.create(
        young_person=young_person,
        kind=Kind.ENDING if reason in ENDING_REASONS else Kind.HANDOVER,
        reason=reason,
        from_allocation=from_allocation,
        from_pa_id=from_allocation.pa_id if from_allocation else None,
        due_on=due_on,
    )
    _tell_staff_it_started(handover)
    return handover


def _tell_staff_it_started(handover: Handover) -> None:
    person = handover.young_person
    link = handover.get_absolute_url()
    pa = handover.from_pa
    when = f"{handover.due_on:%-d %B %Y}"
    if pa is not None:
        what = "an ending summary" if handover.kind == Kind.ENDING else "a handover summary"
        notify(
            Reminder(
                recipient_id=pa.pk,
                key=f"handover-start:{handover.pk}",
                kind=NotificationKind.HANDOVER_SUMMARY,
                message=f"Write {what} for {person.full_name} by {when}.",
                link=link,
                young_person_id=person.pk,
                due_on=handover.due_on,
            )
        )
    manager_id = pa.team.manager_id if pa is not None and pa.team_id else None
    if manager_id is not None and handover.kind == Kind.HANDOVER:
        notify(
            Reminder(
                recipient_id=manager_id,
                key=f"handover-allocate:{handover.pk}",
                kind=NotificationKind.HANDOVER_NEW_PA,
                message=(
                    f"{person.full_name} needs a new PA by {when} "
                    f"({handover.get_reason_display().lower()})."
                ),
                link=link,
                young_person_id=person.pk,
                due_on=handover.due_on,
            )
        )


def handovers_for_leaving_pa(*, pa: User, leaving_on: dt.date) -> list[Handover]:
    """A handover for each young person the leaving PA supports."""
    current = Allocation.objects.filter(pa=pa, ended_on__isnull=True).select_related(
        "young_person", "pa__team"
    )
    return [
        handover_start(
            young_person=allocation.young_person,
            reason=Reason.PA_LEAVING,
            due_on=leaving_on,
            from_allocation=allocation,
        )
        for allocation in current
    ]


LEAVING_CANCELLED = "Their PA's leaving date was cancelled before the handover started"


def handovers_cancel_for_leaving_pa(*, pa: User, by: User) -> list[Handover]:
    """Close, as cancelled, the handovers a PA's leaving date opened that no step has been
    done on. They are kept, with the reason and who cancelled; those under way carry on."""
    open_ones = Handover.objects.select_for_update().filter(
        from_pa=pa, reason=Reason.PA_LEAVING, closed_at=None
    )
    cancelled = [handover for handover in open_ones if not handover.has_started]
    _handovers_cancel(cancelled, reason=LEAVING_CANCELLED, by=by)
    return cancelled


def _handovers_cancel(handovers: list[Handover], *, reason: str, by: User) -> None:
    """Close handovers as cancelled, kept with the reason and who; one save each, so the
    audit trail has each one. Nobody is then asked to write a summary or find a new PA."""
    now = timezone.now()
    for handover in handovers:
        handover.closed_at, handover.cancelled_reason, handover.cancelled_by = now, reason, by
        locking.revision_next(handover)
        handover.save(update_fields=["closed_at", "cancelled_reason", "cancelled_by", "revision"])
    notifications_withdraw(
        key
        for handover in handovers
        for key in (f"handover-start:{handover.pk}", f"handover-allocate:{handover.pk}")
    )


def handover_for_ended_allocation(*, allocation: Allocation) -> Handover:
    """A handover for the ended allocation; if it was a handover's new PA, that handover
    waits for another new PA (and tells the young person and checks again)."""
    Handover.objects.filter(to_allocation=allocation, closed_at=None).update(
        to_allocation=None,
        check_due_on=None,
        told_at=None,
        told_how="",
        intro_on=None,
        checked_at=None,
        check_outcome="",
    )
    return handover_start(
        young_person=allocation.young_person,
        reason=REASON_FOR_END.get(allocation.end_reason, Reason.ALLOCATION_ENDED),
        due_on=allocation.ended_on,
        from_allocation=allocation,
    )


def new_pa_allocated(*, allocation: Allocation) -> Handover | None:
    """The new PA is the handover's next step: set the 14-day check and tell the young person."""
    handover = (
        Handover.objects.select_for_update()
        .filter(
            young_person_id=allocation.young_person_id,
            closed_at=None,
            kind=Kind.HANDOVER,
            to_allocation=None,
        )
        .first()
    )
    if handover is None:
        leaving_on = User.objects.filter(pk=allocation.pa_id).values_list("leaving_on", flat=True)
        if leaving_on[0] is not None:
            # Given to a PA who is already leaving: the next handover starts now.
            return handover_start(
                young_person=allocation.young_person,
                reason=Reason.PA_LEAVING,
                due_on=max(leaving_on[0], allocation.started_on),
                from_allocation=allocation,
            )
        return None
    handover.to_allocation = allocation
    handover.check_due_on = allocation.started_on + dt.timedelta(days=settings.HANDOVER_CHECK_DAYS)
    handover.save(update_fields=["to_allocation", "check_due_on"])
    # In the allocation's transaction, not a task queued on its commit, so a broker outage
    # cannot lose it: any email goes through the outbox.
    telling.young_person_tell(handover_id=handover.pk)
    return handover


def new_pa_tell(*, allocation: Allocation) -> None:
    """Tell the PA who has just been given a young person (a day's allocations, one email)."""
    person = allocation.young_person
    notify(
        Reminder(
            recipient_id=allocation.pa_id,
            key=f"allocated:{allocation.pk}",
            kind=NotificationKind.NEW_ON_CASELOAD,
            message=(
                f"{person.full_name} is allocated to you from "
                f"{allocation.started_on:%-d %B %Y}. Get in touch to introduce yourself."
            ),
            link=reverse("portal:young-person-detail", args=[person.pk]),
            young_person_id=person.pk,
        )
    )


def _locked(handover: Handover, revision: int) -> Handover:
    locked = locking.lock_unchanged(
        Handover.objects.all(),
        handover.pk,
        revision,
        message="Someone saved this while you had it open. Check what they saved, then try again.",
        error=StaleHandoverError,
    )
    if locked.closed_at is not None:
        raise HandoverError("This has been closed, so it cannot change.")
    return locked


def _save(locked: Handover, fields: list[str]) -> None:
    locking.revision_next(locked)
    locked.save(update_fields=[*fields, "revision"])


def summary_write(*, handover: Handover, text: str, revision: int, by: User) -> Handover:
    text = text.strip()
    if not text:
        raise HandoverError("Write the summary")
    with transaction.atomic(), set_actor(by):
        locked = _locked(handover, revision)
        locked.summary, locked.summary_at, locked.summary_by = text, timezone.now(), by
        _save(locked, ["summary", "summary_at", "summary_by"])
        return _close_if_done(locked, by)


def told_record(*, handover: Handover, how: str, revision: int, by: User) -> Handover:
    if how not in ToldHow.values:
        raise HandoverError("Choose how you told them")
    with transaction.atomic(), set_actor(by):
        locked = _locked(handover, revision)
        if locked.to_allocation_id is None:
            raise HandoverError("Allocate a new PA first")
        locked.told_at, locked.told_how = timezone.now(), how
        _save(locked, ["told_at", "told_how"])
        return _close_if_done(locked, by)


def intro_record(
    *, handover: Handover, held_on: dt.date, revision: int, by: User, today: dt.date | None = None
) -> Handover:
    today = today or timezone.localdate()
    with transaction.atomic(), set_actor(by):
        locked = _locked(handover, revision)
        if locked.to_allocation_id is None:
            raise HandoverError("Allocate a new PA first")
        if held_on > today:
            raise HandoverError("The meeting date must be today or in the past")
        if held_on < locked.to_allocation.started_on:
            raise HandoverError("The meeting must be on or after the day the new PA took over")
        locked.intro_on = held_on
        _save(locked, ["intro_on"])
        return _close_if_done(locked, by)


def ending_record(
    *, handover: Handover, signposting: str, stay_in_touch: str, revision: int, by: User
) -> Handover:
    signposting = signposting.strip()
    if stay_in_touch and stay_in_touch not in StayInTouch.values:
        raise HandoverError("Choose whether they would like us to stay in touch")
    with transaction.atomic(), set_actor(by):
        locked = _locked(handover, revision)
        if locked.kind != Kind.ENDING:
            raise HandoverError("This is a handover, not an ending")
        locked.signposting, locked.stay_in_touch = signposting, stay_in_touch
        _save(locked, ["signposting", "stay_in_touch"])
        return _close_if_done(locked, by)


def checks_record(handovers: list[Handover], *, now: dt.datetime) -> list[Handover]:
    """Record the new-PA checks of a batch (rows annotated `in_touch`); return those not in touch.

    At most three statements a batch. A handover found in touch with every other step done
    is closed; one not in touch is marked escalated (it stays in the list, and is checked
    again each day until the new PA logs contact).
    """
    in_touch = [handover for handover in handovers if handover.in_touch]
    late = [handover for handover in handovers if not handover.in_touch]
    if in_touch:
        Handover.objects.filter(pk__in=[h.pk for h in in_touch]).update(
            checked_at=now, check_outcome=CheckOutcome.IN_TOUCH
        )
        for handover in in_touch:
            handover.checked_at, handover.check_outcome = now, CheckOutcome.IN_TOUCH
        done = [h.pk for h in in_touch if all(step.is_done for step in h.steps(now.date()))]
        if done:
            Handover.objects.filter(pk__in=done).update(closed_at=now)
    newly_late = [h.pk for h in late if h.check_outcome != CheckOutcome.ESCALATED]
    if newly_late:
        Handover.objects.filter(pk__in=newly_late).update(
            checked_at=now, check_outcome=CheckOutcome.ESCALATED
        )
    return late


def endings_start(people: list[YoungPerson], *, reason: str) -> list[Handover]:
    """An ending for each of these young people (annotated by `with_current_pa`) who has
    nothing open; two statements however many."""
    already = set(
        Handover.objects.filter(young_person__in=people, closed_at__isnull=True).values_list(
            "young_person_id", flat=True
        )
    )
    endings = [
        Handover(
            young_person=person,
            kind=Kind.ENDING,
            reason=reason,
            from_pa_id=person.current_pa_id,
            from_allocation_id=person.allocation_id,
            due_on=birthday(person.date_of_birth, 25),
        )
        for person in people
        if person.pk not in already
    ]
    # A handover opened meanwhile by someone else wins; this sweep's ending waits for tomorrow.
    return Handover.objects.bulk_create(endings, ignore_conflicts=True)


def ending_close_if_due(*, handover_id: int, today: dt.date) -> bool:
    """Close an ending whose steps are done once its day has come (the daily sweep calls this)."""
    with transaction.atomic():
        handover = (
            Handover.objects.select_for_update().filter(pk=handover_id, closed_at=None).first()
        )
        if handover is None:
            return False
        return _close_if_done(handover, None, today=today).closed_at is not None


def _close_if_done(handover: Handover, by: User | None, today: dt.date | None = None) -> Handover:
    """Close once every step is done. An ending also ends the allocation, if it has not ended."""
    today = today or timezone.localdate()
    if not all(step.is_done for step in handover.steps(today)):
        return handover
    if handover.kind == Kind.ENDING and today < handover.due_on:
        # Ready, but support goes on until the day it ends: the `endings_due` rule closes it.
        return handover
    if handover.kind == Kind.ENDING:
        current = Allocation.objects.filter(
            young_person_id=handover.young_person_id, ended_on__isnull=True
        ).first()
        if current is not None:
            reason = (
                EndReason.YOUNG_PERSON_CHOICE
                if handover.reason == Reason.YOUNG_PERSON_CHOICE
                else EndReason.SUPPORT_ENDED
            )
            with contextlib.suppress(portal_services.AllocationError):  # ended meanwhile
                portal_services.allocation_end(
                    allocation=current, reason=reason, ended_on=max(today, current.started_on)
                )
    handover.closed_at = timezone.now()
    handover.save(update_fields=["closed_at"])
    return handover


# --- Moving to another council -----------------------------------------------------------


class CouncilMoveError(DomainError):
    """A move of council the rules do not allow; the message is shown to the manager."""


def council_move_refusal(young_person: YoungPerson) -> str:
    """Why the move cannot happen yet ("" when it can): money promised and not yet paid
    belongs to this council's payment run."""
    if finance_selectors.claims_for(young_person).filter(state="approved").exists():
        return (
            "A payment to them is approved and waiting for the payment run. "
            "Move their support after it is paid."
        )
    return ""


def council_move_summary(young_person: YoungPerson, to_team: Team) -> dict:
    """What moving their support ends, for the confirmation page; `seen` fingerprints it."""
    current = Allocation.objects.filter(young_person=young_person, ended_on=None).first()
    claims = finance_selectors.claims_for(young_person).filter(state="waiting")
    handovers = Handover.objects.filter(young_person=young_person, closed_at=None)
    summary = {
        "person": young_person,
        "to_team": to_team,
        "pa": current.pa.get_full_name() if current else "",
        "claims": claims.count(),
        "handovers": handovers.count(),
        "refusal": council_move_refusal(young_person),
    }
    shown = [
        young_person.authority_id,
        to_team.pk,
        current.pk if current else None,
        sorted(claims.values_list("pk", flat=True)),
        sorted(handovers.values_list("pk", flat=True)),
    ]
    return summary | {"seen": confirm.fingerprint(shown)}


def council_move(
    *,
    young_person: YoungPerson,
    to_team: Team,
    consent_given: bool,
    consent_by: str,
    consent_on: dt.date,
    consent_how: str,
    by: User,
    seen: str | None = None,
) -> CouncilMove:
    """Move a young person's support, with their plan history, contacts and documents, to
    `to_team`'s council, whose manager then allocates a PA. This council's PA stops, its
    open handovers close and claims not yet decided are withdrawn; the frozen move record
    keeps the young person in this council's returns for the years they were its."""
    if not consent_given or not consent_by.strip():
        raise CouncilMoveError("Record who agreed to the move", field="consent_given")
    if consent_how not in ConsentHow.values:
        raise CouncilMoveError("Say how they agreed", field="consent_how")
    if consent_on > timezone.localdate():
        raise CouncilMoveError("The date they agreed must be today or before", field="consent_on")
    if to_team.authority_id == young_person.authority_id:
        raise CouncilMoveError("Choose a team of another council", field="to_team")
    mine = young_people_visible_to(by).filter(pk=young_person.pk)
    if by.role != Role.MANAGER or not mine.exists():
        raise CouncilMoveError("Only a manager of their council can move their support")
    with transaction.atomic(), set_actor(by):
        person = YoungPerson.objects.select_for_update().get(pk=young_person.pk)
        if person.authority_id != young_person.authority_id:
            raise CouncilMoveError("Their support has already moved")
        # A decision on a claim under way finishes first, and then counts below.
        list(
            finance_selectors.claims_for(person)
            .filter(state__in=["waiting", "approved"])
            .select_for_update(of=("self",))
        )
        refusal = council_move_refusal(person)
        if refusal:
            raise CouncilMoveError(refusal)
        if seen is not None and seen != council_move_summary(person, to_team)["seen"]:
            raise CouncilMoveError(
                "Something changed since you checked. Look at what the move ends again."
            )
        clash = YoungPerson.objects.filter(
            authority_id=to_team.authority_id, child_id=person.child_id
        ).exclude(pk=person.pk)
        if person.child_id and clash.exists():
            raise CouncilMoveError(
                "The new council already has a young person with the same child ID. "
                "Agree a new child ID with them and change it on the record first.",
                field="to_team",
            )
        for claim in finance_selectors.claims_for(person).filter(state="waiting"):
            try:
                finance_services.claim_withdraw(claim=claim, by=by)
            except finance_services.FinanceError as error:
                raise CouncilMoveError(error.message) from error
        current = Allocation.objects.filter(young_person=person, ended_on=None).first()
        if current is not None:
            portal_services.allocation_end(allocation=current, reason=EndReason.MOVED_COUNCIL)
        # This council's open handover of them is no longer its to do.
        open_ones = Handover.objects.select_for_update().filter(young_person=person, closed_at=None)
        _handovers_cancel(list(open_ones), reason=MOVED_COUNCIL, by=by)
        move = CouncilMove.objects.create(
            young_person=person,
            from_authority_id=person.authority_id,
            to_authority_id=to_team.authority_id,
            to_team=to_team,
            moved_on=timezone.localdate(),
            consent_by=consent_by.strip(),
            consent_on=consent_on,
            consent_how=consent_how,
            moved_by=by,
        )
        person.authority_id = to_team.authority_id
        person.save(update_fields=["authority"])
        if person.user_id is not None:  # their sign-in is the new council's to look after
            account = User.objects.select_for_update().get(pk=person.user_id)
            account.authority_id = to_team.authority_id
            account.save(update_fields=["authority"])
        notify(
            Reminder(
                recipient_id=to_team.manager_id,
                key=f"council-move:{move.pk}",
                kind=NotificationKind.HANDOVER_NEW_PA,
                message=f"{person.full_name}'s support has moved to your council: allocate a PA",
                link=reverse("portal:allocation-create", kwargs={"pk": person.pk}),
                young_person_id=person.pk,
            )
        )
    return move
