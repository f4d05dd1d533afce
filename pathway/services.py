"""Writes to plans and the record around them. Each function is one transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from common import locking
from common.dates import birthday
from common.errors import DomainError
from common.uploads import check_upload
from notifications.services import notify_pa, notify_young_person
from pathway import due, snapshot
from pathway.models import (
    EDUCATION_ACTIVITIES,
    HEALTH_FIELDS,
    NEVER_SUITABLE,
    SUITABILITY_POINTS,
    TRANSITION_FIELDS,
    AccommodationSpell,
    AccommodationType,
    Action,
    ActionOwner,
    ActionStatus,
    ActionUndo,
    ActivitySpell,
    Contact,
    ContactCorrection,
    ContactMethod,
    ContactRequest,
    Document,
    DocumentKind,
    DocumentMove,
    HealthPassport,
    Matter,
    NotificationKind,
    Plan,
    PlanVersion,
    Review,
    ReviewReason,
    ReviewRequest,
    ReviewState,
    Section,
    SectionView,
)
from pathway.selectors import plan_detail, situation_on
from pathway.windows import BirthdayFacts
from people import services as people
from people.models import Authority, User, YoungPerson
from people.selectors import young_people_visible_to

SECTION_TEXT_FIELDS = ("needs", "strengths", "young_person_says", "how_met")
VIEW_MAX_LENGTH = 5000
CONTACT_REQUEST_MAX_LENGTH = 500


class PlanError(DomainError):
    """A change the rules do not allow; the message is shown to the person."""


class StaleEditError(PlanError, locking.StaleEditError):
    """Someone saved this since the form was opened. `saved` is what they saved."""

    def __init__(self, message: str, saved=None):
        locking.StaleEditError.__init__(self, message, saved)


def _tell_pa(
    young_person_id: int, *, by: User, kind: str, about, message: str, link: str = ""
) -> None:
    """Tell the young person's PA what someone else did; `about` makes it once only."""
    notify_pa(
        young_person_id=young_person_id,
        by=by,
        key=f"{kind}:{about}",
        kind=kind,
        message=message,
        link=link or reverse("pathway:plan", args=[young_person_id]),
    )


def _refresh_due(plan: Plan) -> None:
    asked = plan.review_requests.filter(answered_by__isnull=True).values_list(
        "raised_on", flat=True
    )
    plan.review_due_on = due.review_due_on(
        started_on=first_plan_from(plan.young_person, plan.started_on),
        last_signed_on=plan.last_signed_on,
        asked_on=asked,
    )
    plan.save(update_fields=["review_due_on"])


def first_plan_from(young_person: YoungPerson, started_on: dt.date) -> dt.date:
    """When the clock for a first plan starts: 16, or joining the service if that was later."""
    allocation = young_person.allocations.filter(ended_on__isnull=True).first()
    joined = min(allocation.started_on, started_on) if allocation else started_on
    return max(birthday(young_person.date_of_birth, 16), joined)


def plan_start(*, young_person: YoungPerson, by: User, today: dt.date | None = None) -> Plan:
    """Start a young person's plan with an empty section for each matter."""
    today = today or timezone.localdate()
    try:
        with transaction.atomic(), set_actor(by):
            plan = Plan.objects.create(
                young_person=young_person,
                started_on=today,
                started_by=by,
                review_due_on=due.review_due_on(
                    started_on=first_plan_from(young_person, today), last_signed_on=None
                ),
            )
            Section.objects.bulk_create(Section(plan=plan, matter=m.value) for m in Matter)
    except IntegrityError as error:
        raise PlanError(f"{young_person.full_name} already has a pathway plan.") from error
    return plan


def _lock_if_unchanged(model, pk: int, revision: int, what: str):
    """The row, locked, if nobody saved it since the form was opened at `revision`."""

    def clash(saved) -> str:
        who = saved.updated_by.get_full_name() if saved.updated_by else "Someone"
        return (
            f"{who} saved {what} while you were editing it. Your changes are below, next "
            "to theirs: copy what you need into the form and save again."
        )

    return locking.lock_unchanged(
        model.objects.all(), pk, revision, message=clash, error=StaleEditError
    )


def _save_edit(locked, by: User) -> None:
    locking.revision_next(locked)
    locked.updated_at, locked.updated_by = timezone.now(), by
    locked.save()


def section_save(
    *, section: Section, fields: dict, revision: int, by: User, today: dt.date | None = None
) -> Section:
    """Save a section, unless someone saved it after the form was opened at `revision`.

    The accommodation section's "is it suitable?" goes into the accommodation history."""
    with transaction.atomic(), set_actor(by):
        locked = _lock_if_unchanged(Section, section.pk, revision, "this section")
        for name in SECTION_TEXT_FIELDS:
            setattr(locked, name, fields.get(name, "").strip())
        if locked.matter == Matter.ACCOMMODATION:
            locked.suitability = {
                key: fields[key].strip()
                for key, _ in SUITABILITY_POINTS
                if fields.get(key, "").strip()
            }
            # Only an answer they changed: one left as the form showed it, when the home
            # history has moved on since (a move recorded meanwhile), is not a judgement.
            answer = fields.get("suitable")
            if answer in ("yes", "no") and answer != fields.get("suitable_shown"):
                _suitability_record(
                    young_person_id=locked.plan.young_person_id,
                    suitable=fields["suitable"] == "yes",
                    by=by,
                    today=today or timezone.localdate(),
                )
        _save_edit(locked, by)
    return locked


def _suitability_record(
    *, young_person_id: int, suitable: bool, by: User, today: dt.date
) -> AccommodationSpell:
    """The plan's judgement of the current home, in the accommodation history from today.

    The history is the one record of suitability (the returns need it as at a date), so a
    changed judgement is a new spell of the same home, or today's spell corrected."""
    home = (
        AccommodationSpell.objects.select_for_update()
        .filter(young_person_id=young_person_id)
        .order_by("-started_on", "-pk")
        .first()
    )
    if home is None:
        raise PlanError(
            "Record where they live on their home and activity page first, then say here "
            "whether it is suitable",
            field="suitable",
        )
    if home.suitable == suitable:
        return home
    if suitable and home.kind in NEVER_SUITABLE:
        raise PlanError("No fixed abode and custody always count as not suitable", field="suitable")
    return _home_judged_again(home, suitable, today, by)


def _home_judged_again(
    home: AccommodationSpell, suitable: bool, day: dt.date, by: User
) -> AccommodationSpell:
    """The same home judged suitable or not from `day`: its spell corrected if it began that
    day, else a new spell of the same home (a reassessment, not a move)."""
    if home.started_on >= day:
        home.suitable = suitable
        home.save(update_fields=["suitable"])
        return home
    return AccommodationSpell.objects.create(
        young_person_id=home.young_person_id,
        started_on=day,
        kind=home.kind,
        suitable=suitable,
        description=home.description,
        area_id=home.area_id,
        is_reassessment=True,
        recorded_by=by,
    )


def section_view_add(*, section: Section, text: str, by: User) -> SectionView:
    """The young person's own words on a section, kept as they wrote them."""
    text = text.strip()
    if not text:
        raise PlanError("Write what you think before you send it")
    if len(text) > VIEW_MAX_LENGTH:
        raise PlanError(f"Write {VIEW_MAX_LENGTH} characters or fewer")
    with transaction.atomic(), set_actor(by):
        view = SectionView.objects.create(section=section, text=text, written_by=by)
        plan = section.plan
        _tell_pa(
            plan.young_person_id,
            by=by,
            kind=NotificationKind.VIEW_ADDED,
            about=view.pk,
            message=(
                f"{plan.young_person.full_name} added their view on "
                f"“{section.get_matter_display()}” in their pathway plan."
            ),
        )
        return view


def action_create(
    *,
    plan: Plan,
    matter: str,
    what: str,
    owner: str,
    agency: str,
    due_on: dt.date,
    by: User,
) -> Action:
    if owner != ActionOwner.AGENCY:
        agency = ""
    elif not agency.strip():
        raise PlanError("Enter which person or agency will do it")
    with transaction.atomic(), set_actor(by):
        action = Action.objects.create(
            plan=plan,
            matter=matter,
            what=what.strip(),
            owner=owner,
            agency=agency.strip(),
            due_on=due_on,
            created_by=by,
        )
        if owner == ActionOwner.YOUNG_PERSON:
            notify_young_person(
                plan.young_person,
                key=f"step-added:{action.pk}",
                kind=NotificationKind.STEP_ADDED,
                message=f"A new step in your plan: “{action.what}”, by {due_on:%-d %B %Y}.",
                link=reverse("pathway:my-plan") + "#my-actions",
            )
        return action


def action_set_status(
    *, action: Action, status: str, by: User, today: dt.date | None = None
) -> Action:
    """Mark an action done, no longer needed, or to do again."""
    if status not in ActionStatus.values:
        raise PlanError("Choose what has happened to this action")
    with transaction.atomic(), set_actor(by):
        locked = Action.objects.select_for_update().get(pk=action.pk)
        _change_status(locked, status, by, today)
    return locked


def _change_status(locked: Action, status: str, by: User, today: dt.date | None) -> None:
    """Set the status; a "done" taken back is kept as an ActionUndo (who had marked it)."""
    if locked.status == ActionStatus.DONE and status != ActionStatus.DONE:
        ActionUndo.objects.create(
            action=locked, was_done_on=locked.done_on, was_done_by=locked.done_by, undone_by=by
        )
    locked.status = status
    if status == ActionStatus.DONE:
        locked.done_on = locked.done_on or today or timezone.localdate()
        locked.done_by = locked.done_by or by
    else:
        locked.done_on, locked.done_by = None, None
    locked.save()


def action_undo(*, action: Action, by: User) -> Action:
    """Take back "done" on a step: by whoever marked it done, or by staff. The step is open
    again and who had marked it done, and when, is kept."""
    with transaction.atomic(), set_actor(by):
        locked = Action.objects.select_for_update().get(pk=action.pk)
        if locked.status != ActionStatus.DONE:
            raise PlanError("This step is not marked as done, so there is nothing to undo")
        if not by.is_staff_role and locked.done_by_id != by.pk:
            raise PlanError("Only the person who marked this step as done, or your PA, can undo it")
        _change_status(locked, ActionStatus.OPEN, by, None)
    return locked


def action_done_by_young_person(*, action: Action, by: User) -> Action:
    """A young person ticks off one of their own actions."""
    if action.owner != ActionOwner.YOUNG_PERSON:
        raise PlanError("You can only mark your own actions as done")
    if action.status != ActionStatus.OPEN:
        raise PlanError("This step is already closed")
    with transaction.atomic():
        done = action_set_status(action=action, status=ActionStatus.DONE, by=by)
        plan = action.plan
        _tell_pa(
            plan.young_person_id,
            by=by,
            kind=NotificationKind.STEP_DONE,
            about=f"{action.pk}:{done.done_on}",
            message=f"{plan.young_person.full_name} marked “{action.what}” as done.",
        )
    return done


def review_request_raise(
    *, plan: Plan, reason: str, note: str, by: User, today: dt.date | None = None
) -> ReviewRequest:
    """Ask for a review sooner than six months: it falls due within four weeks."""
    if reason not in ReviewReason.values:
        raise PlanError("Choose why the plan needs a review")
    with transaction.atomic(), set_actor(by):
        plan = Plan.objects.select_for_update().get(pk=plan.pk)
        asked = plan.review_requests.filter(reason=reason, answered_by__isnull=True).first()
        if reason == ReviewReason.YOUNG_PERSON_ASKED and asked is not None:
            return asked  # asking again while the first is open asks once
        request = ReviewRequest.objects.create(
            plan=plan,
            reason=reason,
            raised_on=today or timezone.localdate(),
            raised_by=by,
            note=note.strip(),
        )
        _refresh_due(plan)
        if reason == ReviewReason.YOUNG_PERSON_ASKED:
            _tell_pa(
                plan.young_person_id,
                by=by,
                kind=NotificationKind.REVIEW_ASKED,
                about=request.pk,
                message=(
                    f"{plan.young_person.full_name} asked for a review of their plan"
                    + (f": “{request.note}”" if request.note else ".")
                ),
            )
    return request


def _check_review_fields(plan: Plan, held_on: dt.date, today: dt.date) -> None:
    if held_on > today:
        raise PlanError("The date of the review must be today or in the past")
    if held_on < plan.started_on:
        raise PlanError("The review cannot be before the plan was started")
    if plan.last_signed_on and held_on < plan.last_signed_on:
        raise PlanError("The review cannot be before the last signed review")


def review_record(
    *,
    plan: Plan,
    held_on: dt.date,
    participants: str,
    young_person_took_part: bool,
    outcome: str,
    by: User,
    today: dt.date | None = None,
) -> Review:
    """Record a review meeting; it then waits for a manager's sign-off."""
    _check_review_fields(plan, held_on, today or timezone.localdate())
    try:
        with transaction.atomic(), set_actor(by):
            Plan.objects.select_for_update().get(pk=plan.pk)
            number = (plan.reviews.aggregate(n=Max("number"))["n"] or 0) + 1
            return Review.objects.create(
                plan=plan,
                number=number,
                held_on=held_on,
                participants=participants.strip(),
                young_person_took_part=young_person_took_part,
                outcome=outcome.strip(),
                recorded_by=by,
            )
    except IntegrityError as error:
        raise PlanError(
            "A review is already waiting for sign-off. Change that review instead."
        ) from error


def review_update(
    *,
    review: Review,
    held_on: dt.date,
    participants: str,
    young_person_took_part: bool,
    outcome: str,
    revision: int,
    by: User,
    today: dt.date | None = None,
) -> Review:
    """Correct a review before sign-off; one sent back goes to the manager again.

    Refused if someone changed the review (or sent it back) after the form was opened.
    """
    _check_review_fields(review.plan, held_on, today or timezone.localdate())
    with transaction.atomic(), set_actor(by):
        if Review.objects.get(pk=review.pk).state == ReviewState.SIGNED:
            raise PlanError("This review is signed off and cannot be changed")
        locked = _lock_if_unchanged(Review, review.pk, revision, "this review")
        locked.held_on = held_on
        locked.participants = participants.strip()
        locked.young_person_took_part = young_person_took_part
        locked.outcome = outcome.strip()
        locked.state = ReviewState.AWAITING
        _save_edit(locked, by)
    return locked


def review_sign(*, review: Review, read: str, by: User) -> PlanVersion:
    """Sign off a review, freezing the plan exactly as the manager read it (`read` digest)."""
    if by.pk in (review.recorded_by_id, review.updated_by_id):
        raise PlanError("Someone other than the person who wrote the review must sign it off")
    with transaction.atomic(), set_actor(by):
        plan = Plan.objects.select_for_update().get(pk=review.plan_id)
        locked = Review.objects.select_for_update().get(pk=review.pk)
        if locked.state != ReviewState.AWAITING:
            raise PlanError("This review is not waiting for sign-off")
        if by.pk in (locked.recorded_by_id, locked.updated_by_id):
            raise PlanError("Someone other than the person who wrote the review must sign it off")
        content = snapshot.to_sign(plan_detail(plan.young_person_id), locked)
        if snapshot.digest(content) != read:
            raise PlanError(
                "The plan or the review changed after you opened this page. "
                "Read it again before you sign."
            )
        now = timezone.now()
        locked.state, locked.signed_by, locked.signed_at = ReviewState.SIGNED, by, now
        locked.save()
        number = (plan.versions.aggregate(n=Max("number"))["n"] or 0) + 1
        content["signed"] = {"by": by.get_full_name(), "at": now.isoformat()}
        version = PlanVersion.objects.create(
            plan=plan, number=number, review=locked, content=content, signed_by=by, signed_at=now
        )
        plan.review_requests.filter(answered_by__isnull=True, raised_on__lte=locked.held_on).update(
            answered_by=locked
        )
        plan.last_signed_on = max(filter(None, [plan.last_signed_on, locked.held_on]))
        plan.save(update_fields=["last_signed_on"])
        _refresh_due(plan)
        notify_young_person(
            plan.young_person,
            key=f"plan-agreed:{version.pk}",
            kind=NotificationKind.PLAN_AGREED,
            message=(
                f"Your plan from your review on {locked.held_on:%-d %B %Y} is agreed. You can "
                "read it and download it. Your next review is by "
                f"{plan.review_due_on:%-d %B %Y}."
            ),
            link=reverse("pathway:my-plan"),
        )
    return version


def review_return(*, review: Review, note: str, by: User) -> Review:
    """Send a review back to the PA with a note saying what to change."""
    if not note.strip():
        raise PlanError("Say what needs to change before sending it back")
    with transaction.atomic(), set_actor(by):
        locked = Review.objects.select_for_update().get(pk=review.pk)
        if locked.state != ReviewState.AWAITING:
            raise PlanError("This review is not waiting for sign-off")
        locked.state, locked.return_note = ReviewState.RETURNED, note.strip()
        locking.revision_next(locked)  # a form opened before it was sent back is out of date
        locked.save()
    return locked


def contact_record(
    *,
    young_person: YoungPerson,
    happened_on: dt.date,
    method: str,
    seen: bool,
    note: str,
    by: User,
    today: dt.date | None = None,
    birthday_facts: BirthdayFacts | None = None,
) -> Contact:
    """A contact, with what the PA confirmed about a birthday whose window is open."""
    today = today or timezone.localdate()
    if happened_on > today:
        raise PlanError("The date must be today or in the past")
    with transaction.atomic(), set_actor(by):
        if birthday_facts is not None:
            birthday_facts_record(
                young_person=young_person, facts=birthday_facts, by=by, today=today
            )
        contact = Contact.objects.create(
            young_person=young_person,
            happened_on=happened_on,
            method=method,
            seen=seen,
            note=note.strip(),
            recorded_by=by,
        )
        if method != ContactMethod.DUTY:  # their own call to the duty line is not an answer
            _contact_request_answer(young_person, contact)
        return contact


def _contact_request_answer(young_person: YoungPerson, contact: Contact) -> None:
    """A contact logged with the young person answers their open request, if they made one."""
    asked = (
        ContactRequest.objects.select_for_update()
        .filter(young_person=young_person, answered_at__isnull=True)
        .first()
    )
    # A contact logged late, from before they asked, does not answer what they asked since.
    if asked is not None and timezone.localdate(asked.asked_at) <= contact.happened_on:
        asked.answered_by, asked.answered_at = contact, timezone.now()
        asked.save(update_fields=["answered_by", "answered_at"])


def contact_request_make(*, young_person: YoungPerson, message: str, by: User) -> ContactRequest:
    """A young person asks their PA to get in touch, and the PA is told. One request is open
    at a time: asking again while one is open is refused, in plain words."""
    message = message.strip()
    if len(message) > CONTACT_REQUEST_MAX_LENGTH:
        raise PlanError(f"Write {CONTACT_REQUEST_MAX_LENGTH} characters or fewer")
    with transaction.atomic(), set_actor(by):
        # Two asks at once make one request: the second waits here, then sees the first.
        YoungPerson.objects.select_for_update().filter(pk=young_person.pk).first()
        if ContactRequest.objects.filter(
            young_person=young_person, answered_at__isnull=True
        ).exists():
            raise PlanError("You have already asked. Your PA will be in touch soon.")
        asked = ContactRequest.objects.create(
            young_person=young_person, message=message, asked_by=by
        )
        _tell_pa(
            young_person.pk,
            by=by,
            kind=NotificationKind.CONTACT_ASKED,
            about=asked.pk,
            message=(
                f"{young_person.full_name} asked you to get in touch"
                + (f": “{message}”" if message else ".")
            ),
            link=reverse("pathway:contacts", args=[young_person.pk]),
        )
    return asked


def contact_correct(*, contact: Contact, note: str, by: User) -> Contact:
    """Correct a contact's note. The earlier text is kept as a ContactCorrection, and shown."""
    note = note.strip()
    with transaction.atomic(), set_actor(by):
        locked = Contact.objects.select_for_update().get(pk=contact.pk)
        if locked.method == ContactMethod.DUTY:
            raise PlanError(
                "A call to the duty line is kept as the duty log has it. It cannot be corrected "
                "here",
                field="note",
            )
        if note == locked.note:
            raise PlanError("The note is the same as before. Change it, or go back", field="note")
        ContactCorrection.objects.create(contact=locked, earlier_note=locked.note, corrected_by=by)
        locked.note = note
        locked.save(update_fields=["note"])
    return locked


CONFIRMED = "Confirmed for the return"


def birthday_facts_record(
    *, young_person: YoungPerson, facts: BirthdayFacts, by: User, today: dt.date
) -> None:
    """Make the histories say what was confirmed for the birthday; nothing is written where
    they already do. A gap before the first record is filled from the day; a different
    answer is a change from the birthday (from today, for a birthday still to come)."""
    day = min(facts.window.birthday, today)
    with transaction.atomic(), set_actor(by):
        # Two saves of the same form at once take turns, so neither adds a spell the other
        # has just added for the day.
        YoungPerson.objects.select_for_update().get(pk=young_person.pk)
        on = situation_on(young_person, day)
        if facts.activity and on.activity is not None and on.activity.started_on >= day:
            if on.activity.code != facts.activity:
                # A spell that began on the day says what the day was: it is put right.
                on.activity.code = facts.activity
                on.activity.save(update_fields=["code"])
        elif facts.activity and on.activity is None:
            ActivitySpell.objects.create(
                young_person=young_person,
                started_on=day,
                code=facts.activity,
                description=CONFIRMED,
                recorded_by=by,
            )
        elif facts.activity and on.activity.code != facts.activity:
            activity_record(
                young_person=young_person,
                started_on=day,
                code=facts.activity,
                description="",
                by=by,
                today=today,
            )
        if facts.home_kind:
            _birthday_home_record(young_person, on.accommodation, facts, day, by, today)


def _birthday_home_record(young_person, home, facts: BirthdayFacts, day, by, today) -> None:
    suitable = bool(facts.home_suitable) and facts.home_kind not in NEVER_SUITABLE
    if home is None:
        AccommodationSpell.objects.create(
            young_person=young_person,
            started_on=day,
            kind=facts.home_kind,
            suitable=suitable,
            description=CONFIRMED,
            recorded_by=by,
        )
    elif home.kind != facts.home_kind and home.started_on >= day:
        # A home recorded as from the day itself says where they were: it is put right.
        home.kind, home.suitable = facts.home_kind, suitable
        home.save(update_fields=["kind", "suitable"])
    elif home.kind != facts.home_kind:
        accommodation_record(
            young_person=young_person,
            started_on=day,
            kind=facts.home_kind,
            suitable=suitable,
            description="",
            by=by,
            today=today,
        )
    elif home.suitable != suitable:
        _home_judged_again(home, suitable, day, by)


def return_record_complete(
    *,
    young_person: YoungPerson,
    details: dict,
    version: str,
    contact: dict | None,
    facts: BirthdayFacts | None,
    by: User,
    today: dt.date | None = None,
) -> None:
    """Put right what stops one record of the return being sent, in one transaction: the
    missing details, a contact in the window, the birthday's activity and home."""
    today = today or timezone.localdate()
    with transaction.atomic(), set_actor(by):
        if details:
            people.young_person_update(person=young_person, details=details, version=version, by=by)
        if contact:
            contact_record(young_person=young_person, by=by, today=today, **contact)
        if facts is not None:
            birthday_facts_record(young_person=young_person, facts=facts, by=by, today=today)


def _raise_for_change(young_person: YoungPerson, reason: str, note: str, by: User, day: dt.date):
    """A change of circumstances brings the review forward, when there is a plan to review."""
    plan = Plan.objects.filter(young_person=young_person).first()
    if plan is not None:
        review_request_raise(plan=plan, reason=reason, note=note, by=by, today=day)


def review_bring_forward_for_risk(
    *, young_person: YoungPerson, note: str, by: User, today: dt.date | None = None
) -> ReviewRequest | None:
    """A high risk agreed in the safety plan brings the plan review forward (safety's
    agreement calls this inside its own transaction); None when there is no plan yet."""
    plan = Plan.objects.filter(young_person=young_person).first()
    if plan is None:
        return None
    return review_request_raise(
        plan=plan, reason=ReviewReason.HIGH_RISK, note=note, by=by, today=today
    )


def _check_spell_date(started_on: dt.date, young_person: YoungPerson, today: dt.date) -> None:
    if started_on > today:
        raise PlanError("The date must be today or in the past")
    if started_on < young_person.date_of_birth:
        raise PlanError("The date must be after their date of birth")


def accommodation_record(
    *,
    young_person: YoungPerson,
    started_on: dt.date,
    kind: str,
    suitable: bool,
    description: str,
    by: User,
    today: dt.date | None = None,
    area: Authority | None = None,
) -> AccommodationSpell:
    """Record a move. A new home or custody after the latest one brings the review forward.

    `area` is the council whose area the home is in, when it is not the young person's own."""
    today = today or timezone.localdate()
    _check_spell_date(started_on, young_person, today)
    suitable = suitable and kind not in NEVER_SUITABLE
    try:
        with transaction.atomic(), set_actor(by):
            # The plan's judgements of the home, dated on or after this move, judged a home
            # they had left by then (or the move's day): the move takes their place.
            young_person.accommodation_spells.filter(
                is_reassessment=True, started_on__gte=started_on
            ).delete()
            latest = young_person.accommodation_spells.order_by("-started_on").first()
            spell = AccommodationSpell.objects.create(
                young_person=young_person,
                started_on=started_on,
                kind=kind,
                suitable=suitable,
                description=description.strip(),
                area=None if area is None or area.pk == young_person.authority_id else area,
                recorded_by=by,
            )
            if latest is not None and started_on > latest.started_on:
                reason = (
                    ReviewReason.CUSTODY
                    if kind == AccommodationType.X
                    else ReviewReason.NEW_ACCOMMODATION
                )
                _raise_for_change(young_person, reason, spell.get_kind_display(), by, today)
    except IntegrityError as error:
        raise PlanError("A move is already recorded on that date. Choose another date.") from error
    return spell


def activity_record(
    *,
    young_person: YoungPerson,
    started_on: dt.date,
    code: str,
    description: str,
    by: User,
    today: dt.date | None = None,
) -> ActivitySpell:
    """Record a change of main activity. Leaving education brings the review forward."""
    today = today or timezone.localdate()
    _check_spell_date(started_on, young_person, today)
    try:
        with transaction.atomic(), set_actor(by):
            latest = young_person.activity_spells.order_by("-started_on").first()
            spell = ActivitySpell.objects.create(
                young_person=young_person,
                started_on=started_on,
                code=code,
                description=description.strip(),
                recorded_by=by,
            )
            if (
                latest is not None
                and started_on > latest.started_on
                and latest.code in EDUCATION_ACTIVITIES
                and code not in EDUCATION_ACTIVITIES
            ):
                _raise_for_change(
                    young_person, ReviewReason.LEFT_EDUCATION, spell.get_code_display(), by, today
                )
    except IntegrityError as error:
        raise PlanError(
            "A change of activity is already recorded on that date. Choose another date."
        ) from error
    return spell


def health_passport_save(
    *, young_person: YoungPerson, fields: dict, revision: int, by: User
) -> HealthPassport:
    """Save the health passport, unless someone saved it after the form was opened."""
    with transaction.atomic(), set_actor(by):
        passport, _ = HealthPassport.objects.get_or_create(young_person=young_person)
        locked = _lock_if_unchanged(HealthPassport, passport.pk, revision, "the health passport")
        for name in HEALTH_FIELDS:
            setattr(locked, name, fields.get(name, "").strip())
        for name in TRANSITION_FIELDS:
            setattr(locked, name, bool(fields.get(name, getattr(locked, name))))
        _save_edit(locked, by)
    return locked


def document_upload(
    *,
    young_person: YoungPerson,
    kind: str,
    title: str,
    upload: UploadedFile,
    by: User,
    shared_with_young_person: bool = False,
    then: Callable[[Document], None] | None = None,
) -> Document:
    """Keep a checked file for the young person; an unsupported or oversized one is refused.

    `then(document)` runs inside the same transaction, so what it records is kept only with it.
    """
    try:
        checked = check_upload(upload)
    except ValidationError as error:
        raise PlanError(error.messages[0]) from error
    if kind not in DocumentKind.values:
        raise PlanError("Choose what the document is")
    document = Document(
        young_person=young_person,
        kind=kind,
        title=title.strip(),
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
        uploaded_by=by,
        shared_with_young_person=shared_with_young_person,
    )
    # The file is written first; if the row then fails, the file must not stay behind.
    document.file.save(f"upload{checked.extension}", checked.file, save=False)
    try:
        with transaction.atomic(), set_actor(by):
            document.save()
            if then is not None:
                then(document)
            elif by.pk != young_person.user_id:
                _tell_pa(
                    young_person.pk,
                    by=by,
                    kind=NotificationKind.DOCUMENT_ADDED,
                    about=document.pk,
                    message=(
                        f"{by.get_full_name()} added “{document.title}” to "
                        f"{young_person.full_name}'s documents."
                    ),
                    link=reverse("pathway:health", args=[young_person.pk]),
                )
    except Exception:
        document.file.delete(save=False)
        raise
    return document


def my_document_upload(
    *, young_person: YoungPerson, kind: str, title: str, upload: UploadedFile, by: User
) -> Document:
    """A care leaver's own document, checked as staff uploads are; their PA is told, once."""

    def tell_pa(document: Document) -> None:
        _tell_pa(
            young_person.pk,
            by=by,
            kind=NotificationKind.YOUNG_PERSON_DOCUMENT,
            about=document.pk,
            message=f"{young_person.full_name} added a document to their record.",
            link=reverse("pathway:health", args=[young_person.pk]),
        )

    return document_upload(
        young_person=young_person, kind=kind, title=title, upload=upload, by=by, then=tell_pa
    )


def document_share_set(*, document: Document, shared: bool, by: User) -> Document:
    """Let the young person see a document in the portal, or stop them seeing it."""
    with transaction.atomic(), set_actor(by):
        locked = Document.objects.select_for_update().get(pk=document.pk)
        locked.shared_with_young_person = shared
        locked.save(update_fields=["shared_with_young_person"])
    return locked


def document_move(
    *, document: Document, to_young_person: YoungPerson, reason: str, by: User
) -> DocumentMove:
    """Move a document put on the wrong young person's record to one the mover may see.

    Only the row changes hands: the file stays where it is, under its random name, in
    private storage. The move is kept, naming both records, so both records' audit shows it."""
    reason = reason.strip()
    if not reason:
        raise PlanError("Say why the document is being moved", field="reason")
    if not young_people_visible_to(by).filter(pk=to_young_person.pk).exists():
        raise PlanError("Choose a young person you work with", field="to_young_person")
    with transaction.atomic(), set_actor(by):
        locked = Document.objects.select_for_update().get(pk=document.pk)
        if locked.young_person_id == to_young_person.pk:
            raise PlanError("The document is already on their record", field="to_young_person")
        move = DocumentMove.objects.create(
            document=locked,
            from_young_person_id=locked.young_person_id,
            to_young_person=to_young_person,
            reason=reason,
            moved_by=by,
        )
        locked.young_person = to_young_person
        # Sharing was decided for the wrong young person: on its new record it starts unshared.
        locked.shared_with_young_person = False
        locked.save(update_fields=["young_person", "shared_with_young_person"])
    return move
