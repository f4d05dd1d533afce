"""Writes for the young person's voice, one transaction each."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from auditlog.context import set_actor
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from common.dates import birthday
from common.errors import DomainError
from notifications.services import Reminder, notify_all, notify_pa, notify_young_person
from pathway.models import Action
from pathway.selectors import plan_detail
from pathway.services import action_create
from people.models import Role, User, YoungPerson
from people.selectors import current_allocation
from rota.selectors import on_duty, pa_away
from voice.hours import is_out_of_hours
from voice.models import (
    AgeBand,
    Answer,
    AnswerSet,
    Area,
    CheckIn,
    CheckInRequest,
    ConfirmedBy,
    NotificationKind,
    OutOfHours,
    Reply,
    Skill,
    SkillConfirmation,
    SkillRating,
    Survey,
    SurveyAnswer,
    SurveyResponse,
    YouSaidWeDid,
)


class VoiceError(DomainError):
    """Something the rules do not allow; the message is shown to the person."""


def _staff_link(young_person_id: int) -> str:
    return reverse("voice:person", args=[young_person_id])


def help_now_link(young_person_id: int, told_as: str) -> str:
    """Where an "I need help now" takes whoever is told: their PA to the young person's
    voice page; the duty worker or a service manager, who may not open their record, to the
    duty log's page for them (their details and number, the read audited; open to whoever
    covers the service)."""
    if told_as == "PA":
        return _staff_link(young_person_id)
    return reverse("rota:enquiry-create-for", args=[young_person_id])


# --- Needs checklists ----------------------------------------------------------------------


def checklist_answer(
    *,
    young_person: YoungPerson,
    area: Area,
    replies: dict[int, tuple[str, str]],
    by: User,
    at: dt.datetime | None = None,
) -> AnswerSet:
    """Keep a new set of answers for one area (`replies`: question id -> (reply, note)).
    Earlier sets stay as they were. Each "I need help" tells the PA, once for the set."""
    questions = {q.pk for q in area.questions.all() if q.is_active}
    if not replies or set(replies) - questions:
        raise VoiceError("Answer the questions on this page")
    with transaction.atomic(), set_actor(by):
        answer_set = AnswerSet.objects.create(
            young_person=young_person,
            area=area,
            answered_by=by,
            answered_at=at or timezone.now(),
            with_pa=by.role != Role.CARE_LEAVER,
        )
        Answer.objects.bulk_create(
            Answer(answer_set=answer_set, question_id=pk, reply=reply, note=note.strip())
            for pk, (reply, note) in replies.items()
        )
        helps = sum(reply == Reply.HELP for reply, _ in replies.values())
        if helps and by.role == Role.CARE_LEAVER:
            notify_pa(
                young_person_id=young_person.pk,
                by=by,
                key=f"help-flag:{answer_set.pk}",
                kind=NotificationKind.HELP_FLAG,
                message=(
                    f"{young_person.full_name} said they need help with "
                    f"{helps} thing{'s' if helps != 1 else ''} in “{area.name}”."
                ),
                link=_staff_link(young_person.pk),
            )
        return answer_set


def _open_flag_locked(answer: Answer) -> Answer:
    """The flag under a row lock, so two people answering it at once answer it once."""
    locked = Answer.objects.select_for_update().get(pk=answer.pk)
    if not locked.is_open_flag:
        raise VoiceError("This has already been answered")
    return locked


def help_flag_to_action(
    *, answer: Answer, what: str, owner: str, due_on: dt.date, by: User, agency: str = ""
) -> Action:
    """Answer an "I need help" with a step in the plan, in the section the area informs."""
    young_person = answer.answer_set.young_person
    plan = plan_detail(young_person.pk)
    if plan is None:
        raise VoiceError("Start their pathway plan first, then make this a plan action")
    with transaction.atomic(), set_actor(by):
        locked = _open_flag_locked(answer)
        action = action_create(
            plan=plan,
            matter=answer.answer_set.area.matter,
            what=what,
            owner=owner,
            agency=agency,
            due_on=due_on,
            by=by,
        )
        locked.action = action
        locked.answered_at = timezone.now()
        locked.answered_by = by
        locked.save(update_fields=["action", "answered_at", "answered_by"])
        return action


def help_flag_close(*, answer: Answer, by: User) -> Answer:
    """Answer an "I need help" without a plan action (talked it through; sorted already)."""
    with transaction.atomic(), set_actor(by):
        locked = _open_flag_locked(answer)
        locked.answered_at = timezone.now()
        locked.answered_by = by
        locked.save(update_fields=["answered_at", "answered_by"])
        return locked


# --- Check-ins -----------------------------------------------------------------------------


def check_in_make(
    *,
    young_person: YoungPerson,
    mood: int | None,
    feels_supported: bool | None,
    needs_help_with: str,
    by: User,
    at: dt.datetime | None = None,
) -> CheckIn:
    """A quick check-in. It answers any check-in the PA asked for; help asked for tells them."""
    at = at or timezone.now()
    with transaction.atomic(), set_actor(by):
        check_in = CheckIn.objects.create(
            young_person=young_person,
            made_at=at,
            mood=mood,
            feels_supported=feels_supported,
            needs_help_with=needs_help_with.strip(),
        )
        CheckInRequest.objects.filter(young_person=young_person, answered_at__isnull=True).update(
            answered_at=at
        )
        if check_in.needs_help_with:
            notify_pa(
                young_person_id=young_person.pk,
                by=by,
                key=f"check-in-help:{check_in.pk}",
                kind=NotificationKind.HELP_FLAG,
                message=f"{young_person.full_name} asked for help in their check-in.",
                link=_staff_link(young_person.pk),
            )
        return check_in


@dataclass(frozen=True)
class HelpNow:
    check_in: CheckIn
    told: User | None
    told_as: str  # "PA", "duty worker" or "service manager"
    out_of_hours: bool
    duty_phone: str
    emergency_duty_phone: str


def out_of_hours_for(authority_id: int) -> OutOfHours:
    return OutOfHours.objects.filter(authority_id=authority_id).first() or OutOfHours(
        authority_id=authority_id
    )


def _who_to_tell(young_person: YoungPerson, at: dt.datetime, out_of_hours: bool):
    """The PA in office hours when they are not away; otherwise whoever is on duty; with
    nobody on duty, the council's service managers."""
    allocation = current_allocation(young_person)
    if allocation and not out_of_hours and not pa_away(allocation.pa_id, at.date()):
        return [allocation.pa], "PA"
    shift = on_duty(young_person.authority_id, at)
    if shift is not None:
        return [shift.pa], "duty worker"
    managers = User.objects.filter(
        role=Role.MANAGER,
        sees_all_teams=True,
        is_active=True,
        authority_id=young_person.authority_id,
    )
    return list(managers), "service manager"


def help_now(*, young_person: YoungPerson, by: User, at: dt.datetime | None = None) -> HelpNow:
    """ "I need help now": recorded, and the right person told at once (in this transaction)."""
    at = at or timezone.now()
    hours = out_of_hours_for(young_person.authority_id)
    outside = is_out_of_hours(at, opens=hours.opens, closes=hours.closes)
    people, told_as = _who_to_tell(young_person, at, outside)
    with transaction.atomic(), set_actor(by):
        check_in = CheckIn.objects.create(
            young_person=young_person,
            made_at=at,
            help_now=True,
            out_of_hours=outside,
            told=people[0] if people else None,
            told_as=told_as if people else "",
        )
        notify_all(
            [
                Reminder(
                    recipient_id=person.pk,
                    key=f"help-now:{check_in.pk}",
                    kind=NotificationKind.HELP_NOW,
                    message=(
                        f"{young_person.full_name} pressed “I need help now” at "
                        f"{timezone.localtime(at):%-H:%M} on {timezone.localtime(at):%-d %B %Y}. "
                        "Call them now: their number is on their record."
                    ),
                    link=help_now_link(young_person.pk, told_as),
                    young_person_id=young_person.pk,
                )
                for person in people
            ]
        )
    return HelpNow(
        check_in=check_in,
        told=check_in.told,
        told_as=told_as,
        out_of_hours=outside,
        duty_phone=young_person.authority.duty_phone,
        emergency_duty_phone=hours.emergency_duty_phone,
    )


def check_in_ask(*, young_person: YoungPerson, by: User) -> CheckInRequest:
    """The PA asks how things are; the young person is told, once per request."""
    with transaction.atomic(), set_actor(by):
        asked = CheckInRequest.objects.create(young_person=young_person, asked_by=by)
        notify_young_person(
            young_person,
            key=f"check-in-asked:{asked.pk}",
            kind=NotificationKind.CHECK_IN_ASKED,
            message=(
                f"{by.first_name} would like to know how things are. It takes a minute: "
                "answer a few short questions."
            ),
            link=reverse("voice:my-check-in"),
        )
        return asked


# --- Skills --------------------------------------------------------------------------------


def skills_rate(
    *, young_person: YoungPerson, ratings: dict[int, int], by: User, at=None
) -> list[SkillRating]:
    """Keep how confident they feel about each skill (a new row; earlier ones stay)."""
    at = at or timezone.now()
    with transaction.atomic(), set_actor(by):
        return SkillRating.objects.bulk_create(
            SkillRating(young_person=young_person, skill_id=pk, confidence=value, rated_at=at)
            for pk, value in ratings.items()
            if value
        )


def skill_confirm(
    *,
    young_person: YoungPerson,
    skill: Skill,
    how: str = ConfirmedBy.PA,
    by: User,
    on: dt.date | None = None,
) -> SkillConfirmation:
    """A PA confirms (or passes on a carer's word) that they can do it: once per skill."""
    on = on or timezone.localdate()
    if young_person.age_on(on) < skill.from_age:
        raise VoiceError(f"This skill is from age {skill.from_age}")
    try:
        with transaction.atomic(), set_actor(by):
            return SkillConfirmation.objects.create(
                young_person=young_person, skill=skill, how=how, confirmed_by=by, confirmed_on=on
            )
    except IntegrityError:
        raise VoiceError("This skill is already confirmed") from None


# --- Surveys -------------------------------------------------------------------------------


def age_band(young_person: YoungPerson, day: dt.date) -> str:
    if day < birthday(young_person.date_of_birth, 18):
        return AgeBand.UNDER_18
    if day < birthday(young_person.date_of_birth, 21):
        return AgeBand.EIGHTEEN
    return AgeBand.TWENTY_ONE


def survey_answer(
    *,
    survey: Survey,
    young_person: YoungPerson,
    answers: dict[int, int],
    by: User,
    comment: str = "",
    at: dt.datetime | None = None,
) -> SurveyResponse:
    """Keep one person's answers, counted once: a second go (online or by phone) is refused.
    Answers recorded by a member of staff from a phone call are marked as such."""
    at = at or timezone.now()
    day = timezone.localdate(at)
    if survey.authority_id != young_person.authority_id or not survey.is_open(day):
        raise VoiceError("This survey is not open")
    own = by.role == Role.CARE_LEAVER
    if own and young_person.user_id != by.pk:
        raise VoiceError("You can only answer for yourself")
    questions = {q.pk for q in survey.questions.all()}
    if set(answers) != questions:
        raise VoiceError("Answer every question")
    allocation = current_allocation(young_person)
    try:
        with transaction.atomic(), set_actor(by):
            response = SurveyResponse.objects.create(
                survey=survey,
                young_person=young_person,
                answered_at=at,
                by_phone=not own,
                recorded_by=by,
                age_band=age_band(young_person, day),
                team_id=allocation.pa.team_id if allocation else None,
                legal_status=young_person.legal_status,
                comment=comment.strip(),
            )
            SurveyAnswer.objects.bulk_create(
                SurveyAnswer(response=response, question_id=pk, agreement=value)
                for pk, value in answers.items()
            )
            return response
    except IntegrityError:
        raise VoiceError("These answers are already in: each person answers once") from None


def you_said_we_did_add(
    *, authority_id: int, you_said: str, we_did: str, by: User, on: dt.date | None = None
) -> YouSaidWeDid:
    with transaction.atomic(), set_actor(by):
        return YouSaidWeDid.objects.create(
            authority_id=authority_id,
            you_said=you_said.strip(),
            we_did=we_did.strip(),
            published_on=on or timezone.localdate(),
            written_by=by,
        )
