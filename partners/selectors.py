"""Reads of the directory, referrals and sessions that more than one page needs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from partners.models import (
    OPEN,
    TRANSITION_FOR_FIELD,
    Booking,
    OfferProvider,
    PartnerWorker,
    Referral,
    ReferralStatus,
    Service,
    ServiceStatus,
    Session,
    Transition,
    transition_due_on,
)
from pathway.selectors import transition_needs
from people.models import Role, User, YoungPerson
from people.selectors import young_people_visible_to

# --- The directory ------------------------------------------------------------------------


def services_to_refer_to(authority_id: int) -> QuerySet[Service]:
    return (
        Service.objects.filter(
            organization__authority_id=authority_id,
            takes_referrals=True,
            status=ServiceStatus.ACTIVE,
        )
        .select_related("organization")
        .order_by("name")
    )


def providers_for_items(item_ids: Iterable[int]) -> dict[int, dict]:
    """Each offer item's provider from the directory, in the shape offer/providers.py names."""
    links = (
        OfferProvider.objects.filter(item_id__in=list(item_ids), service__is_published=True)
        .select_related("service__organization")
        .prefetch_related("service__schedules", "service__at_locations__location")
    )
    found = {}
    for link in links:
        service = link.service
        found[link.item_id] = {
            "name": service.organization.name
            if service.name == service.organization.name
            else f"{service.name}, {service.organization.name}",
            "phone": service.phone,
            "email": service.email,
            "url": service.url or service.organization.website,
            "opening_times": [str(schedule) for schedule in service.schedules.all()],
            "places": [
                ", ".join(
                    part
                    for part in (at.location.name, at.location.address_1, at.location.postal_code)
                    if part
                )
                for at in service.at_locations.all()
            ],
        }
    return found


@dataclass(frozen=True)
class UpcomingSession:
    title: str
    when: str
    where: str
    for_whom: str
    provider: str


def upcoming_sessions(authority_id: int, now: dt.datetime | None = None) -> QuerySet[Session]:
    now = now or timezone.now()
    return (
        Session.objects.filter(
            service__organization__authority_id=authority_id,
            service__is_published=True,
            starts_at__gte=now,
        )
        .select_related("service__organization", "location")
        .annotate(booked=Count("bookings"))
        .order_by("starts_at")
    )


def upcoming_public_sessions(authority_id: int) -> list[UpcomingSession]:
    """The next sessions for the public offer's home page: words only, no one's booking."""
    return [
        UpcomingSession(
            title=session.title,
            when=f"{timezone.localtime(session.starts_at):%A %-d %B %Y, %-I:%M%p}".replace(
                "AM", "am"
            ).replace("PM", "pm"),
            where=session.location.name,
            for_whom=f"{session.for_whom} From age {session.from_age}.",
            provider=session.service.organization.name,
        )
        for session in upcoming_sessions(authority_id)[:6]
    ]


# --- Referrals ----------------------------------------------------------------------------


def worker_service_id(user: User) -> int | None:
    if not user.is_authenticated or user.role != Role.PARTNER:
        return None
    return PartnerWorker.objects.filter(user=user).values_list("service_id", flat=True).first()


def referrals_visible_to(user: User) -> QuerySet[Referral]:
    """Referrals this user may open: a partner worker only their own service's; staff those
    of the young people they may see; a care leaver their own."""
    referrals = Referral.objects.select_related("service__organization", "young_person")
    if not user.is_authenticated:
        return referrals.none()
    if user.role == Role.PARTNER:
        return referrals.filter(service_id=worker_service_id(user))
    if user.role in (Role.PA, Role.MANAGER, Role.CARE_LEAVER):
        return referrals.filter(young_person__in=young_people_visible_to(user))
    return referrals.none()


def referral_for_user(user: User, pk: int) -> Referral:
    """The referral, or 404 whether it does not exist or is not this user's to see."""
    try:
        return referrals_visible_to(user).get(pk=pk)
    except Referral.DoesNotExist:
        raise Http404("No such referral") from None


def referrals_for_service(service_id: int | None, *, open_only: bool = False):
    referrals = Referral.objects.filter(service_id=service_id).select_related("young_person")
    if open_only:
        referrals = referrals.filter(status__in=OPEN)
    return referrals.order_by("-sent_at")


def referrals_for(person: YoungPerson) -> QuerySet[Referral]:
    return person.referrals.select_related("service__organization").order_by("-sent_at")


# --- Transitions to adult services --------------------------------------------------------


@dataclass(frozen=True)
class TransitionDue:
    young_person: YoungPerson
    transition: str
    due_on: dt.date
    referral: Referral | None

    @property
    def label(self) -> str:
        return Transition(self.transition).label

    def is_late_on(self, day: dt.date) -> bool:
        """Late: no transition referral sent by the due date, and that date has passed."""
        if self.referral is not None:
            return timezone.localdate(self.referral.sent_at) > self.due_on
        return self.due_on < day

    @property
    def sent_on_time(self) -> bool:
        return self.referral is not None and (
            timezone.localdate(self.referral.sent_at) <= self.due_on
        )


def transitions_for(people: QuerySet[YoungPerson]) -> list[TransitionDue]:
    """Every transition each of these young people needs, from their health passport, with
    the transition referral made for it (the earliest), if any."""
    needs = transition_needs(people)
    referrals: dict[tuple[int, str], Referral] = {}
    # A declined referral answers nothing: the transition is still to be made.
    for referral in (
        Referral.objects.filter(
            young_person_id__in=[person.pk for person, _ in needs], transition__gt=""
        )
        .exclude(status=ReferralStatus.DECLINED)
        .order_by("sent_at")
    ):
        referrals.setdefault((referral.young_person_id, referral.transition), referral)
    return [
        TransitionDue(
            young_person=person,
            transition=kind,
            due_on=transition_due_on(person.date_of_birth),
            referral=referrals.get((person.pk, kind)),
        )
        for person, fields in needs
        for kind in (TRANSITION_FOR_FIELD[name] for name in fields)
    ]


# Past this age a transition not referred through the portal was made (or not) elsewhere:
# it is no longer listed as late for ever.
TRANSITION_LATE_UNTIL_AGE = 21


def late_transitions(people: QuerySet[YoungPerson], day: dt.date) -> list[TransitionDue]:
    """Transitions due and not referred, of the living under TRANSITION_LATE_UNTIL_AGE."""
    year = day.year - TRANSITION_LATE_UNTIL_AGE
    born_after = dt.date(year, 2, 28) if (day.month, day.day) == (2, 29) else day.replace(year=year)
    people = people.filter(died_on__isnull=True, date_of_birth__gt=born_after)
    return [due for due in transitions_for(people) if due.referral is None and due.is_late_on(day)]


def late_transitions_for(user: User, day: dt.date) -> list[TransitionDue]:
    return late_transitions(young_people_visible_to(user), day)


# --- Sessions -----------------------------------------------------------------------------


def session_with_bookings(session_id: int) -> Session:
    return (
        Session.objects.select_related("service__organization", "location")
        .prefetch_related(
            Prefetch("bookings", queryset=Booking.objects.select_related("young_person"))
        )
        .get(pk=session_id)
    )


def sessions_for_worker(user: User) -> QuerySet[Session]:
    return (
        Session.objects.filter(service_id=worker_service_id(user))
        .select_related("location")
        .annotate(booked=Count("bookings"))
        .order_by("-starts_at")
    )


def has_booking(session: Session, person: YoungPerson) -> bool:
    return Booking.objects.filter(session=session, young_person=person).exists()


def bookable_sessions(authority_id: int, person: YoungPerson, today: dt.date):
    """Sessions coming up that this young person is old enough for and that have room
    (or that they are booked on already)."""
    return (
        upcoming_sessions(authority_id)
        .filter(from_age__lte=person.age_on(today))
        .annotate(
            is_booked=Exists(Booking.objects.filter(session=OuterRef("pk"), young_person=person))
        )
        .filter(Q(booked__lt=F("places")) | Q(is_booked=True))
    )
