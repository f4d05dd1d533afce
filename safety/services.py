"""Writes to safety records. Each function is one transaction, with its audit actor."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from auditlog.context import set_actor
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from common.errors import DomainError
from notifications.services import Reminder, notify, notify_pa
from pathway import services as pathway
from people.models import User, YoungPerson
from people.selectors import current_allocation
from safety import rules
from safety.models import (
    LEVEL_ORDER,
    CustodyRelease,
    Decision,
    DutyToRefer,
    HomeAtRisk,
    HomeOutcome,
    Level,
    NotificationKind,
    ReferralOutcome,
    RiskArea,
    RiskAssessment,
    RiskEntry,
    RiskToHome,
    SafetyContact,
    SafetyStep,
    StayingCloseAssessment,
    Support,
)


class SafetyError(DomainError):
    """A change the rules do not allow; the message is shown to the person."""


@dataclass(frozen=True)
class EntryAnswer:
    area: RiskArea
    level: str
    reason: str
    known: str = ""
    keeps_safe: str = ""
    warning_signs: str = ""
    is_shared: bool = True
    not_shared_reason: str = ""


@dataclass(frozen=True)
class StepAnswer:
    what: str
    who: str
    by_when: dt.date | None = None
    is_shared: bool = True
    not_shared_reason: str = ""


@dataclass(frozen=True)
class ContactAnswer:
    name: str
    phone: str
    why: str = ""
    is_shared: bool = True
    not_shared_reason: str = ""


def can_agree_high_risk(user: User, young_person: YoungPerson) -> bool:
    return user.has_perm("safety.agree_risk", young_person)


def _sharing(answer) -> dict:
    """Shared, or not shared with the reason why."""
    reason = "" if answer.is_shared else answer.not_shared_reason.strip()
    return {"is_shared": answer.is_shared, "not_shared_reason": reason}


def _check_shared(answers: Sequence, what: str) -> None:
    for answer in answers:
        if not answer.is_shared and not answer.not_shared_reason.strip():
            raise SafetyError(f"Say why {what} is not shared with the young person")


def _check_answers(entries: Sequence[EntryAnswer], steps, contacts) -> None:
    if not entries:
        raise SafetyError("Give a level for at least one area")
    for entry in entries:
        if entry.level not in Level.values:
            raise SafetyError(f"Choose a level for {entry.area.name}")
        if not entry.reason.strip():
            raise SafetyError(f"Say why {entry.area.name} is at this level")
    if len({entry.area.pk for entry in entries}) != len(entries):
        raise SafetyError("Each area can be assessed once in a version")
    _check_shared(entries, "an area")
    _check_shared(steps, "a step")
    _check_shared(contacts, "someone to call")


def assessment_save(
    *,
    young_person: YoungPerson,
    entries: Sequence[EntryAnswer],
    steps: Sequence[StepAnswer] = (),
    contacts: Sequence[ContactAnswer] = (),
    emergency_duty_team: str = "",
    by: User,
    today: dt.date | None = None,
) -> RiskAssessment:
    """Save a new version (the earlier ones are kept). A high level is in force only with a
    manager's agreement: saved by that manager it is agreed at once, otherwise they are asked."""
    today = today or timezone.localdate()
    _check_answers(entries, steps, contacts)
    highest = max((entry.level for entry in entries), key=lambda level: LEVEL_ORDER[level])
    agrees = highest == Level.HIGH and can_agree_high_risk(by, young_person)
    with transaction.atomic(), set_actor(by):
        # The young person's row, locked, numbers their versions one after another.
        YoungPerson.objects.select_for_update().get(pk=young_person.pk)
        last = young_person.risk_assessments.aggregate(n=Max("number"))["n"] or 0
        assessment = RiskAssessment.objects.create(
            young_person=young_person,
            number=last + 1,
            highest_level=highest,
            review_due_on=rules.review_due_on(level=highest, saved_on=today),
            emergency_duty_team=emergency_duty_team.strip(),
            saved_by=by,
            saved_on=today,
            agreed_by=by if agrees else None,
            agreed_at=timezone.now() if agrees else None,
        )
        RiskEntry.objects.bulk_create(
            RiskEntry(
                assessment=assessment,
                area=e.area,
                level=e.level,
                reason=e.reason.strip(),
                known=e.known.strip(),
                keeps_safe=e.keeps_safe.strip(),
                warning_signs=e.warning_signs.strip(),
                **_sharing(e),
            )
            for e in entries
        )
        SafetyStep.objects.bulk_create(
            SafetyStep(
                assessment=assessment,
                what=s.what.strip(),
                who=s.who.strip(),
                by_when=s.by_when,
                **_sharing(s),
            )
            for s in steps
        )
        SafetyContact.objects.bulk_create(
            SafetyContact(
                assessment=assessment,
                name=c.name.strip(),
                phone=c.phone.strip(),
                why=c.why.strip(),
                **_sharing(c),
            )
            for c in contacts
        )
        if agrees:
            _bring_review_forward(assessment, by, today)
        elif highest == Level.HIGH:
            _ask_for_agreement(assessment, by)
    return assessment


def _managers_to_ask(young_person: YoungPerson) -> list[int]:
    current = current_allocation(young_person)
    team = current.pa.team if current and current.pa.team_id else None
    if team is not None and team.manager_id:
        return [team.manager_id]
    return list(
        User.objects.filter(
            role="manager", sees_all_teams=True, is_active=True, authority=young_person.authority
        ).values_list("pk", flat=True)
    )


def _ask_for_agreement(assessment: RiskAssessment, by: User) -> None:
    person = assessment.young_person
    for manager_id in _managers_to_ask(person):
        if manager_id == by.pk:
            continue
        notify(
            Reminder(
                recipient_id=manager_id,
                key=f"risk-agreement:{assessment.pk}",
                kind=NotificationKind.RISK_AGREEMENT,
                message=(
                    f"{by.get_full_name()} saved a high level in {person.full_name}'s risk "
                    "assessment. It needs your agreement."
                ),
                link=reverse("safety:version", args=[person.pk, assessment.number]),
                young_person_id=person.pk,
            )
        )


def _bring_review_forward(assessment: RiskAssessment, by: User, today: dt.date) -> None:
    pathway.review_bring_forward_for_risk(
        young_person=assessment.young_person,
        note=f"Risk assessment version {assessment.number}",
        by=by,
        today=today,
    )


def assessment_agree(
    *, assessment: RiskAssessment, by: User, today: dt.date | None = None
) -> RiskAssessment:
    """A manager of the young person's PA agrees a high level: it comes into force, and the
    pathway plan review is brought forward."""
    today = today or timezone.localdate()
    person = assessment.young_person
    if not can_agree_high_risk(by, person):
        raise SafetyError("Only the manager of their PA's team can agree a high level")
    with transaction.atomic(), set_actor(by):
        # The young person's row first, as a save does, so a save and an agreement at once
        # take turns: no older version is agreed after a newer one was numbered.
        YoungPerson.objects.select_for_update().get(pk=person.pk)
        locked = RiskAssessment.objects.select_for_update().get(pk=assessment.pk)
        if not locked.needs_agreement:
            raise SafetyError("This version has no high level to agree")
        if locked.agreed_by_id is not None:
            return locked
        if person.risk_assessments.filter(number__gt=locked.number).exists():
            raise SafetyError("A newer version has been saved since. Agree that one instead.")
        locked.agreed_by = by
        locked.agreed_at = timezone.now()
        locked.save(update_fields=["agreed_by", "agreed_at"])
        _bring_review_forward(locked, by, today)
    return locked


def _check_past(day: dt.date, today: dt.date, what: str) -> None:
    if day > today:
        raise SafetyError(f"{what} must be today or in the past")


def home_at_risk_record(
    *,
    young_person: YoungPerson,
    risk: str,
    known_on: dt.date,
    eviction_on: dt.date | None,
    details: str,
    by: User,
    today: dt.date | None = None,
) -> HomeAtRisk:
    """A home at risk starts the 56-day clock, from the day it was known."""
    today = today or timezone.localdate()
    if risk not in RiskToHome.values:
        raise SafetyError("Choose what puts the home at risk")
    _check_past(known_on, today, "The day it was known")
    if eviction_on is not None and eviction_on < known_on:
        raise SafetyError("The eviction date must be after the day it was known")
    with transaction.atomic(), set_actor(by):
        return HomeAtRisk.objects.create(
            young_person=young_person,
            risk=risk,
            known_on=known_on,
            eviction_on=eviction_on,
            details=details.strip(),
            clock_ends_on=rules.home_at_risk_clock_ends_on(known_on, eviction_on),
            recorded_by=by,
        )


def referral_record(
    *,
    home_at_risk: HomeAtRisk,
    housing_authority: str,
    referred_on: dt.date,
    their_reference: str,
    outcome: str,
    by: User,
    today: dt.date | None = None,
) -> DutyToRefer:
    """The duty to refer, made to a housing authority (with the young person's consent)."""
    today = today or timezone.localdate()
    _check_past(referred_on, today, "The day of the referral")
    if outcome not in ReferralOutcome.values:
        raise SafetyError("Choose what the housing authority said")
    if not housing_authority.strip():
        raise SafetyError("Enter the housing authority")
    with transaction.atomic(), set_actor(by):
        return DutyToRefer.objects.create(
            home_at_risk=home_at_risk,
            housing_authority=housing_authority.strip(),
            referred_on=referred_on,
            their_reference=their_reference.strip(),
            outcome=outcome,
            recorded_by=by,
        )


def home_at_risk_close(
    *,
    home_at_risk: HomeAtRisk,
    closed_on: dt.date,
    outcome: str,
    by: User,
    today: dt.date | None = None,
) -> HomeAtRisk:
    """The home is no longer at risk: kept, a move to another home, or homelessness (which
    the PA records as a move in the home history, with its dates)."""
    today = today or timezone.localdate()
    _check_past(closed_on, today, "The day it ended")
    if outcome not in HomeOutcome.values:
        raise SafetyError("Choose what happened")
    if closed_on < home_at_risk.known_on:
        raise SafetyError("The day it ended must be after the day it was known")
    with transaction.atomic(), set_actor(by):
        locked = HomeAtRisk.objects.select_for_update().get(pk=home_at_risk.pk)
        if locked.closed_on is not None:
            raise SafetyError("This is already closed")
        locked.closed_on, locked.outcome = closed_on, outcome
        locked.save(update_fields=["closed_on", "outcome"])
    return locked


def custody_release_record(
    *,
    young_person: YoungPerson,
    release_on: dt.date,
    establishment: str,
    accommodation_plan: str,
    by: User,
) -> CustodyRelease:
    """A known release date: planning where they will live starts eight weeks before."""
    with transaction.atomic(), set_actor(by):
        release = CustodyRelease.objects.create(
            young_person=young_person,
            release_on=release_on,
            establishment=establishment.strip(),
            accommodation_plan=accommodation_plan.strip(),
            planning_from=rules.custody_planning_from(release_on),
            recorded_by=by,
        )
        notify_pa(
            young_person_id=young_person.pk,
            by=by,
            key=f"custody-release:{release.pk}:recorded",
            kind=NotificationKind.CUSTODY_RELEASE,
            message=(
                f"{young_person.full_name} is due out of custody on {release_on:%-d %B %Y}. "
                f"Plan where they will live from {release.planning_from:%-d %B %Y}."
            ),
            link=reverse("safety:person", args=[young_person.pk]),
        )
    return release


def staying_close_record(
    *,
    young_person: YoungPerson,
    assessed_on: dt.date,
    needs: str,
    decision: str,
    support: Sequence[str],
    support_details: str,
    lives_out_of_area: bool,
    review_on: dt.date,
    by: User,
    today: dt.date | None = None,
) -> StayingCloseAssessment:
    """A Staying Close assessment, wherever the young person lives; its review date is when
    the next one is due."""
    today = today or timezone.localdate()
    _check_past(assessed_on, today, "The day of the assessment")
    if decision not in Decision.values:
        raise SafetyError("Choose the decision")
    if review_on <= assessed_on:
        raise SafetyError("The review date must be after the assessment")
    if any(value not in Support.values for value in support):
        raise SafetyError("Choose the support from the list")
    if decision == Decision.SUPPORT and not support:
        raise SafetyError("Choose the support given")
    if not needs.strip():
        raise SafetyError("Say what needs the assessment found")
    with transaction.atomic(), set_actor(by):
        return StayingCloseAssessment.objects.create(
            young_person=young_person,
            assessed_on=assessed_on,
            needs=needs.strip(),
            decision=decision,
            support=list(dict.fromkeys(support)),
            support_details=support_details.strip(),
            lives_out_of_area=lives_out_of_area,
            review_on=review_on,
            recorded_by=by,
        )
