"""Writes about people: allocations and invitations. Each is one transaction."""

from __future__ import annotations

import datetime as dt

from allauth.mfa.models import Authenticator
from auditlog.context import set_actor
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from common import locking
from common.errors import DomainError
from common.phones import uk_mobile
from people import signals, subject_access
from people.audit import record_access
from people.models import (
    YOUNG_PERSON_DETAIL_FIELDS,
    Allocation,
    CodeFailure,
    EndReason,
    Invitation,
    Role,
    SubjectAccessPack,
    User,
    YoungPerson,
)
from people.selectors import leaving_summary


class AllocationError(DomainError):
    """An allocation that would break a rule; the message is shown to the person."""


class StaleEditError(locking.StaleEditError):
    """Someone else saved the record after this form was opened (its `updated_at` serves as
    its revision: the record predates the revision numbers)."""


class InvitationError(DomainError):
    """An invitation that cannot be made or used; the message is shown to the person."""


class SetUpError(DomainError):
    """A staff set-up link that cannot be sent or used."""


def code_failures_clear(user: User) -> None:
    """A right authenticator code starts the account's count of wrong ones again."""
    CodeFailure.objects.filter(user=user).delete()


def staff_set_up_start(*, user: User, by: User | None) -> None:
    """Send a staff member a set-up link: for a new account, or after a lost phone.

    Their password stops working and their authenticator apps are removed, so only the
    emailed link (people/setup_links.py) lets them in again.
    """
    if not user.is_staff_role or not user.is_active:
        raise SetUpError("Only an active staff account can be sent a set-up link.")
    with transaction.atomic(), set_actor(by):
        locked = User.objects.select_for_update().get(pk=user.pk)
        locked.set_unusable_password()
        locked.save(update_fields=["password"])
        Authenticator.objects.filter(user=locked).delete()
        signals.staff_set_up_started.send(sender=User, user=locked, started_at=timezone.now())


def staff_set_up_finish(*, user: User, password: str) -> User:
    """Set the password chosen through a set-up link; the link stops working with it."""
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise SetUpError(" ".join(error.messages), field="password1") from error
    with transaction.atomic(), set_actor(user):
        locked = User.objects.select_for_update().get(pk=user.pk)
        locked.set_password(password)
        locked.save(update_fields=["password"])
    return locked


def allocation_start(
    *, young_person: YoungPerson, pa: User, by: User, started_on: dt.date | None = None
) -> Allocation:
    """Give a young person with no current PA a PA. The database refuses a second current one."""
    if pa.role != Role.PA or not pa.is_active:
        raise AllocationError("Choose an active personal adviser.")
    if pa.leaving_on is not None and pa.leaving_on < timezone.localdate():
        raise AllocationError(f"{pa.get_full_name()}'s last working day has passed.")
    try:
        with transaction.atomic():
            locked = YoungPerson.objects.select_for_update().get(pk=young_person.pk)
            if locked.authority_id != pa.authority_id:  # their support moved meanwhile, say
                raise AllocationError(
                    f"{pa.get_full_name()} does not work for the council that supports them."
                )
            if Allocation.objects.filter(young_person=young_person, ended_on__isnull=True).exists():
                raise AllocationError(
                    f"{young_person.full_name} already has a PA. Reallocate them instead."
                )
            allocation = Allocation.objects.create(
                young_person=young_person,
                pa=pa,
                started_on=started_on or timezone.localdate(),
                created_by=by,
            )
            signals.allocation_started.send(sender=Allocation, allocation=allocation)
            return allocation
    except IntegrityError as error:
        raise AllocationError(
            f"{young_person.full_name} already has a PA. Reallocate them instead."
        ) from error


def allocation_end(
    *, allocation: Allocation, reason: str, ended_on: dt.date | None = None
) -> Allocation:
    """End a current allocation with a reason."""
    ended_on = ended_on or timezone.localdate()
    if reason not in EndReason.values:
        raise AllocationError("Choose why the allocation is ending.")
    if ended_on < allocation.started_on:
        raise AllocationError("An allocation cannot end before it started.")
    with transaction.atomic():
        locked = Allocation.objects.select_for_update().get(pk=allocation.pk)
        if locked.ended_on is not None:
            raise AllocationError("This allocation has already ended.")
        locked.ended_on = ended_on
        locked.end_reason = reason
        locked.save(update_fields=["ended_on", "end_reason"])
        signals.allocation_ended.send(sender=Allocation, allocation=locked)
        return locked


def allocation_change(*, young_person: YoungPerson, pa: User, by: User) -> Allocation:
    """Allocate or reallocate: end any current allocation today and start one with `pa`."""
    with transaction.atomic():
        YoungPerson.objects.select_for_update().get(pk=young_person.pk)
        current = Allocation.objects.filter(
            young_person=young_person, ended_on__isnull=True
        ).first()
        if current is not None:
            if current.pa_id == pa.pk:
                raise AllocationError(f"{pa} is already {young_person.full_name}'s PA.")
            allocation_end(allocation=current, reason=EndReason.REALLOCATED)
        return allocation_start(young_person=young_person, pa=pa, by=by)


CHANGED_SINCE_SUMMARY = (
    "The young people {name} supports, or their leaving date, changed after you opened the "
    "summary. Nothing is saved: check the new summary, then confirm again."
)


def _check_seen(locked: User, leaving_on: dt.date | None, by: User, seen: str | None) -> None:
    """Refuse if what the manager confirmed (`leaving_summary`'s `seen`) is not so any more."""
    if seen is not None and leaving_summary(locked, leaving_on, by)["seen"] != seen:
        raise AllocationError(CHANGED_SINCE_SUMMARY.format(name=locked.get_full_name()))


def pa_leaving_set(
    *, pa: User, leaving_on: dt.date | None, by: User, seen: str | None = None
) -> User:
    """Record a PA's last working day; each young person they support then gets a handover.

    `seen` is the fingerprint of the summary the manager confirmed (`leaving_summary`)."""
    if pa.role != Role.PA:
        raise AllocationError("Only a personal adviser's leaving date can be set here.")
    if leaving_on is not None and leaving_on < timezone.localdate():
        raise AllocationError("Their last working day must be today or later.")
    with transaction.atomic(), set_actor(by):
        locked = User.objects.select_for_update().get(pk=pa.pk)
        _check_seen(locked, leaving_on, by, seen)
        was = locked.leaving_on
        locked.leaving_on = leaving_on
        locked.save(update_fields=["leaving_on"])
        if leaving_on is not None:
            signals.pa_leaving.send(sender=User, pa=locked, leaving_on=leaving_on, by=by)
        elif was is not None:
            signals.pa_leaving_cancelled.send(sender=User, pa=locked, leaving_on=was, by=by)
        return locked


def pa_leaving_cancel(*, pa: User, by: User, seen: str | None = None) -> User:
    """Take back a PA's leaving date. The handovers it opened that have not started are
    cancelled by their app (closed with a reason, never deleted); the rest carry on."""
    if by.role != Role.MANAGER:
        raise AllocationError("Only a manager can cancel a leaving date.")
    with transaction.atomic(), set_actor(by):
        locked = User.objects.select_for_update().get(pk=pa.pk)
        if locked.leaving_on is None:
            raise AllocationError(f"{locked.get_full_name()} has no leaving date to cancel.")
        _check_seen(locked, locked.leaving_on, by, seen)
        return pa_leaving_set(pa=locked, leaving_on=None, by=by)


def invitation_create(
    *, young_person: YoungPerson, email: str, by: User, by_text: bool = False
) -> tuple[Invitation, str]:
    """Invite a young person to make an account; returns the invitation and its secret token.

    Only the token's hash is stored, so a database reader cannot use a link. `by_text`
    sends the link to the mobile number on their record; they still sign in with `email`.
    """
    email = email.strip().lower()
    phone = uk_mobile(young_person.phone) if by_text else ""
    if by_text and (phone is None or not settings.TEXTS_ENABLED):
        raise InvitationError(
            f"We cannot text {young_person.known_as}: their record has no UK mobile number."
            if phone is None
            else "The portal cannot send texts yet. Send the link by email."
        )
    if young_person.user_id is not None:
        raise InvitationError(f"{young_person.known_as} already has an account.")
    if User.objects.filter(email__iexact=email).exists():
        raise InvitationError("Someone already uses this email address. Use a different one.")
    now = timezone.now()
    with transaction.atomic():
        YoungPerson.objects.select_for_update().get(pk=young_person.pk)
        young_person.invitations.filter(accepted_at__isnull=True, revoked_at__isnull=True).update(
            revoked_at=now
        )
        invitation = Invitation(
            young_person=young_person,
            email=email,
            phone=phone,
            created_by=by,
            created_at=now,
            expires_at=now + dt.timedelta(days=settings.INVITATION_VALID_DAYS),
        )
        token = invitation.link_token()
        invitation.token_hash = Invitation.hash_token(token)
        invitation.save()
        signals.invitation_made.send(sender=Invitation, invitation=invitation)
    return invitation, token


def invitation_for_token(token: str) -> Invitation:
    """The invitation a link points to, or InvitationError saying why it cannot be used."""
    invitation = (
        Invitation.objects.select_related("young_person")
        .filter(token_hash=Invitation.hash_token(token))
        .first()
    )
    _check_usable(invitation)
    return invitation


def _check_usable(invitation: Invitation | None) -> None:
    if invitation is None or invitation.revoked_at is not None:
        raise InvitationError(
            "This link does not work. It may have been replaced by a newer one. "
            "Ask your personal adviser to send you a new link."
        )
    if invitation.accepted_at is not None:
        raise InvitationError(
            "This link has already been used. Sign in with your email address and password."
        )
    if invitation.is_expired:
        raise InvitationError(
            "This link has expired. Links last 14 days. Ask your personal adviser for a new one."
        )


def invitation_accept(*, token: str, password: str) -> User:
    """Use an invitation: make the care leaver's account and link it to their record, once."""
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update()
            .select_related("young_person")
            .filter(token_hash=Invitation.hash_token(token))
            .first()
        )
        _check_usable(invitation)
        person = YoungPerson.objects.select_for_update().get(pk=invitation.young_person_id)
        if person.user_id is not None:
            raise InvitationError("You already have an account. Sign in with your email address.")
        user = User(
            email=invitation.email,
            first_name=person.known_as,
            last_name=person.last_name,
            role=Role.CARE_LEAVER,
            authority_id=person.authority_id,
        )
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise InvitationError(" ".join(error.messages)) from error
        user.set_password(password)
        try:
            with transaction.atomic():
                user.save()
        except IntegrityError as error:
            raise InvitationError(
                "Someone already uses this email address. Ask your personal adviser for help."
            ) from error
        person.user = user
        person.save(update_fields=["user", "updated_at"])
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
        return user


def young_person_create(*, authority_id: int, details: dict, by: User) -> YoungPerson:
    """Add a young person to the council's records; the audit log names `by`."""
    person = YoungPerson(authority_id=authority_id, **_young_person_fields(details))
    person.full_clean()
    with transaction.atomic(), set_actor(by):
        person.save()
        # A stable reference for the returns; the database id never changes or repeats.
        person.child_id = str(person.pk)
        person.save(update_fields=["child_id"])
    return person


def young_person_update(
    *, person: YoungPerson, details: dict, version: str, by: User
) -> YoungPerson:
    """Save changed details, unless someone saved since `version` (the form's updated_at).

    The row lock makes the check and the write one step, so two editors cannot both win.
    """
    with transaction.atomic(), set_actor(by):
        locked = YoungPerson.objects.select_for_update().get(pk=person.pk)
        if locked.updated_at.isoformat() != version:
            raise StaleEditError(
                "Someone else changed these details while you were editing. "
                "What you typed is still in the form. Check their changes, then save again."
            )
        for field, value in _young_person_fields(details).items():
            setattr(locked, field, value)
        locked.full_clean()
        locked.save()
        return locked


def _young_person_fields(details: dict) -> dict:
    return {field: details[field] for field in YOUNG_PERSON_DETAIL_FIELDS if field in details}


def subject_access_pack_make(*, young_person: YoungPerson, by: User) -> bytes:
    """Everything held about the young person as a ZIP; who made it, and when, is recorded,
    and the read is in the audit trail as any staff read is."""
    pack = subject_access.pack_zip(young_person, full=by.role != Role.CARE_LEAVER)
    with transaction.atomic(), set_actor(by):
        SubjectAccessPack.objects.create(
            young_person=young_person, made_by=by, tables=pack.tables, rows=pack.rows
        )
        record_access(young_person)
    return pack.content
