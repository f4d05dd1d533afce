"""Writes for referrals and sessions: one transaction each, with who is told recorded in it."""

from __future__ import annotations

import datetime as dt

from auditlog.context import set_actor
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from common.errors import DomainError
from notifications.services import Reminder, notify, notify_pa, notify_young_person
from partners.models import (
    NEXT,
    Booking,
    NotificationKind,
    PartnerWorker,
    Referral,
    ReferralStatus,
    Service,
    Session,
    Urgency,
)
from people.models import Role, User, YoungPerson


class ReferralError(DomainError):
    pass


def referral_send(
    *,
    young_person: YoungPerson,
    service: Service,
    reason: str,
    shared: str,
    urgency: str = Urgency.ROUTINE,
    consent_given: bool,
    consent_by: str = "",
    consent_on: dt.date | None = None,
    consent_for: str = "",
    lawful_reason: str = "",
    transition: str = "",
    by: User,
) -> Referral:
    """Send a referral. Without the young person's consent it is refused, unless a manager
    records the lawful reason for sharing without it."""
    if service.organization.authority_id != young_person.authority_id:
        raise ReferralError("Choose a service from the directory", field="service")
    if not service.takes_referrals:
        raise ReferralError("This service does not take referrals", field="service")
    if consent_given:
        if not (consent_by and consent_on and consent_for.strip()):
            raise ReferralError(
                "Say who agreed, when, and what they agreed to share", field="consent_for"
            )
        lawful_reason = ""
    else:
        if by.role != Role.MANAGER:
            raise ReferralError(
                "A referral needs the young person's consent. Without it, only a manager can "
                "send it, recording the lawful reason.",
                field="consent_given",
            )
        if not lawful_reason.strip():
            raise ReferralError(
                "Record the lawful reason for sharing without consent", field="lawful_reason"
            )
        consent_by, consent_on, consent_for = "", None, ""
    with transaction.atomic(), set_actor(by):
        referral = Referral.objects.create(
            young_person=young_person,
            service=service,
            made_by=by,
            reason=reason.strip(),
            shared=shared.strip(),
            urgency=urgency,
            transition=transition,
            consent_given=consent_given,
            consent_by=consent_by,
            consent_on=consent_on,
            consent_for=consent_for.strip(),
            lawful_reason=lawful_reason.strip(),
            lawful_reason_by=None if consent_given else by,
        )
        link = reverse("partners:worker-referral", args=[referral.pk])
        for worker_id in PartnerWorker.objects.filter(
            service=service, user__is_active=True
        ).values_list("user_id", flat=True):
            notify(
                Reminder(
                    recipient_id=worker_id,
                    key=f"referral-new:{referral.pk}",
                    kind=NotificationKind.REFERRAL_NEW,
                    message="A new referral to your service is waiting for an answer.",
                    link=link,
                )
            )
    return referral


def _worker_referral(referral_id: int, by: User) -> Referral:
    """The referral, locked, if `by` works for its service; else refused."""
    referral = Referral.objects.select_for_update().select_related("service").get(pk=referral_id)
    if not PartnerWorker.objects.filter(user=by, service_id=referral.service_id).exists():
        raise ReferralError("Only the service it was sent to can answer this referral")
    return referral


def referral_receive(*, referral: Referral, by: User) -> Referral:
    """The service has opened the referral: it is received (once)."""
    with transaction.atomic(), set_actor(by):
        locked = _worker_referral(referral.pk, by)
        if locked.status == ReferralStatus.SENT:
            locked.status = ReferralStatus.RECEIVED
            locked.received_at = timezone.now()
            locked.save(update_fields=["status", "received_at"])
    return locked


def referral_answer(
    *, referral: Referral, status: str, by: User, reason: str = "", outcome: str = ""
) -> Referral:
    """Move a referral on (accepted, declined with a reason, started, finished with an
    outcome); the young person's PA and the young person are told."""
    with transaction.atomic(), set_actor(by):
        locked = _worker_referral(referral.pk, by)
        if status not in NEXT[locked.status]:
            raise ReferralError(
                f"This referral is {locked.get_status_display().lower()}: it cannot be "
                f"marked {ReferralStatus(status).label.lower()} now",
                field="status",
            )
        now = timezone.now()
        if status == ReferralStatus.DECLINED:
            if not reason.strip():
                raise ReferralError("Say why you cannot take this referral", field="reason")
            locked.decline_reason = reason.strip()
        if status == ReferralStatus.FINISHED:
            if not outcome.strip():
                raise ReferralError("Say what the outcome was", field="outcome")
            locked.outcome = outcome.strip()
            locked.finished_at = now
        if status == ReferralStatus.STARTED:
            locked.started_at = now
        if status in (ReferralStatus.ACCEPTED, ReferralStatus.DECLINED):
            locked.answered_at = now
            locked.answered_by = by
        if locked.received_at is None:
            locked.received_at = now
        locked.status = status
        locked.save()
        service_name = locked.service.name
        word = ReferralStatus(status).label.lower()
        notify_pa(
            young_person_id=locked.young_person_id,
            by=by,
            key=f"referral-{status}:{locked.pk}",
            kind=NotificationKind.REFERRAL_ANSWERED,
            message=f"{service_name} marked a referral {word}.",
            link=reverse("partners:referral", args=[locked.young_person_id, locked.pk]),
        )
        notify_young_person(
            locked.young_person,
            key=f"referral-{status}:{locked.pk}",
            kind=NotificationKind.REFERRAL_ANSWERED,
            message=f"News about your referral to {service_name}.",
            link=reverse("partners:my-referrals"),
        )
    return locked


# --- Sessions -----------------------------------------------------------------------------


class SessionError(DomainError):
    pass


def session_book(*, session: Session, young_person: YoungPerson, by: User) -> Booking:
    """Book a place; the session's row lock keeps it from being booked past its places."""
    with transaction.atomic(), set_actor(by):
        locked = Session.objects.select_for_update().get(pk=session.pk)
        if locked.starts_at <= timezone.now():
            raise SessionError("This session has already started")
        if young_person.age_on(timezone.localdate(locked.starts_at)) < locked.from_age:
            raise SessionError(f"This session is for people aged {locked.from_age} or over")
        if locked.bookings.filter(young_person=young_person).exists():
            raise SessionError("They already have a place on this session")
        if locked.bookings.count() >= locked.places:
            raise SessionError("This session is full")
        try:
            with transaction.atomic():
                booking = Booking.objects.create(
                    session=locked, young_person=young_person, booked_by=by
                )
        except IntegrityError:
            raise SessionError("They already have a place on this session") from None
    return booking


def attendance_record(
    *, booking: Booking, attended: bool, needs_noticed: str = "", by: User
) -> Booking:
    """Record whether they came; needs noticed at the session become a note for their PA."""
    with transaction.atomic(), set_actor(by):
        locked = Booking.objects.select_for_update().select_related("session").get(pk=booking.pk)
        if not PartnerWorker.objects.filter(user=by, service_id=locked.session.service_id).exists():
            raise SessionError("Only the service running the session records who came")
        locked.attended = attended
        locked.needs_noticed = needs_noticed.strip()
        locked.save(update_fields=["attended", "needs_noticed"])
        if locked.needs_noticed:
            notify_pa(
                young_person_id=locked.young_person_id,
                by=by,
                key=f"needs-noticed:{locked.pk}",
                kind=NotificationKind.NEEDS_NOTICED,
                message=(
                    f"At “{locked.session.title}”, the session's staff noticed: "
                    f"{locked.needs_noticed}"
                )[:500],
                link=reverse("partners:referrals", args=[locked.young_person_id]),
            )
    return locked
