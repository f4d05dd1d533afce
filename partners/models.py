"""Partner agencies in the Open Referral UK model, referrals to them, and their sessions.

The directory (organisations, services, locations, schedules, contacts, taxonomy terms)
follows HSDS 3.0's UK profile, so the open data API (partners/openreferral.py) is a plain
reading of these tables. Each directory row has a random `uid`, the identifier the API
publishes; database keys never leave the portal.
"""

from __future__ import annotations

import datetime as dt
import uuid

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from common.calendar import working_days_after
from offer.models import OfferItem
from people.models import Authority, YoungPerson

# The LGA's service list (esd standards), the taxonomy English councils tag services with.
LGA_TAXONOMY_URI = "http://id.esd.org.uk/list/services"
LEAVING_CARE_TERM_CODE = "918"
LEAVING_CARE_TERM_NAME = "Support for young people leaving care"
LEAVING_CARE_TERM_URI = "http://id.esd.org.uk/service/918"


class Taxonomy(models.Model):
    """A published vocabulary of service types (the LGA service list, or the portal's own)."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=120)
    description = models.CharField(max_length=500)
    uri = models.URLField(blank=True)
    version = models.CharField(max_length=20, blank=True)

    class Meta:
        verbose_name_plural = "taxonomies"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class TaxonomyTerm(models.Model):
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    taxonomy = models.ForeignKey(Taxonomy, on_delete=models.PROTECT, related_name="terms")
    code = models.CharField(max_length=40, help_text="The term's code in its taxonomy.")
    name = models.CharField(max_length=120)
    description = models.CharField(max_length=500)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    term_uri = models.URLField(blank=True)

    class Meta:
        ordering = ["taxonomy", "name"]
        constraints = [
            models.UniqueConstraint(fields=["taxonomy", "code"], name="taxonomy_term_code_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Organization(models.Model):
    """A partner agency (or the council itself), named as the public knows it."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    authority = models.ForeignKey(Authority, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(max_length=160)
    description = models.TextField()
    email = models.EmailField(blank=True, help_text="A team's address, never a person's.")
    website = models.URLField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["authority", "name"], name="organization_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class ServiceStatus(models.TextChoices):
    ACTIVE = "active", "Open"
    INACTIVE = "inactive", "Not taking referrals just now"
    TEMPORARILY_CLOSED = "temporarily closed", "Closed for now"
    DEFUNCT = "defunct", "Closed for good"


class Service(models.Model):
    """One thing an organisation does, to which a PA can refer a young person."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="services"
    )
    name = models.CharField(max_length=160)
    description = models.TextField()
    url = models.URLField(blank=True)
    email = models.EmailField(blank=True, help_text="A team's address, never a person's.")
    phone = models.CharField(max_length=40, blank=True)
    status = models.CharField(
        max_length=20, choices=ServiceStatus.choices, default=ServiceStatus.ACTIVE
    )
    minimum_age = models.PositiveSmallIntegerField(null=True, blank=True)
    maximum_age = models.PositiveSmallIntegerField(null=True, blank=True)
    fees = models.CharField(max_length=200, blank=True)
    expected_days = models.PositiveSmallIntegerField(
        default=10, help_text="Working the referral out: how many days it should take to answer."
    )
    takes_referrals = models.BooleanField(default=True)
    is_published = models.BooleanField(
        default=False, help_text="Approved for the open data API and the public offer."
    )
    terms = models.ManyToManyField(TaxonomyTerm, blank=True, related_name="services")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(minimum_age__isnull=True)
                | Q(maximum_age__isnull=True)
                | Q(minimum_age__lte=models.F("maximum_age")),
                name="service_ages_in_order",
            ),
            models.CheckConstraint(condition=Q(expected_days__gte=1), name="service_expects_days"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.organization.name})"


class LocationType(models.TextChoices):
    PHYSICAL = "physical", "A place to visit"
    VIRTUAL = "virtual", "Online or by phone"


class Location(models.Model):
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="locations"
    )
    location_type = models.CharField(
        max_length=10, choices=LocationType.choices, default=LocationType.PHYSICAL
    )
    name = models.CharField(max_length=160)
    description = models.CharField(max_length=500, blank=True)
    address_1 = models.CharField(max_length=160, blank=True)
    city = models.CharField(max_length=80, blank=True)
    postal_code = models.CharField(max_length=10, blank=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ServiceAtLocation(models.Model):
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="at_locations")
    location = models.ForeignKey(Location, on_delete=models.PROTECT, related_name="services_here")

    class Meta:
        ordering = ["service", "location"]
        constraints = [
            models.UniqueConstraint(fields=["service", "location"], name="service_at_location_once")
        ]

    def __str__(self) -> str:
        return f"{self.service.name} at {self.location.name}"


class Weekday(models.TextChoices):
    MO = "MO", "Monday"
    TU = "TU", "Tuesday"
    WE = "WE", "Wednesday"
    TH = "TH", "Thursday"
    FR = "FR", "Friday"
    SA = "SA", "Saturday"
    SU = "SU", "Sunday"


class Schedule(models.Model):
    """Weekly opening times (RFC 5545's BYDAY, as HSDS has them)."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="schedules")
    byday = models.CharField(max_length=2, choices=Weekday.choices)
    opens_at = models.TimeField()
    closes_at = models.TimeField()
    notes = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["service", "byday", "opens_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(opens_at__lt=models.F("closes_at")), name="schedule_opens_before_close"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_byday_display()} {self.opens_at:%H:%M} to {self.closes_at:%H:%M}"


class Contact(models.Model):
    """A way in to a service: a desk or a team, named by what it does, never a person."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=120, help_text="For example, “Duty housing desk”.")
    title = models.CharField(max_length=120, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)

    class Meta:
        ordering = ["service", "name"]

    def __str__(self) -> str:
        return self.name


class OfferProvider(models.Model):
    """Who provides an offer item: a service in the directory (owned here, so offer never
    names partners; migration 0002 made these from the items' free-text providers)."""

    item = models.OneToOneField(OfferItem, on_delete=models.CASCADE, related_name="provider")
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="offer_items")

    def __str__(self) -> str:
        return f"{self.item} by {self.service}"


class PartnerWorker(models.Model):
    """A partner-role account and the service whose referrals it answers."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="partner_worker"
    )
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="workers")

    def __str__(self) -> str:
        return f"Partner worker {self.pk}"


# --- Referrals --------------------------------------------------------------------------


class ReferralStatus(models.TextChoices):
    SENT = "sent", "Sent"
    RECEIVED = "received", "Received"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    STARTED = "started", "Started"
    FINISHED = "finished", "Finished"


# What a young person reads about each status, in plain words.
STATUS_FOR_YOUNG_PERSON = {
    ReferralStatus.SENT: "We have asked them to help you. They have not answered yet.",
    ReferralStatus.RECEIVED: "They have your details and will answer soon.",
    ReferralStatus.ACCEPTED: "They said yes. They will be in touch to start.",
    ReferralStatus.DECLINED: "They cannot help this time.",
    ReferralStatus.STARTED: "They are helping you now.",
    ReferralStatus.FINISHED: "Their help has finished.",
}
WAITING = (ReferralStatus.SENT, ReferralStatus.RECEIVED)
OPEN = (*WAITING, ReferralStatus.ACCEPTED, ReferralStatus.STARTED)
# Where a referral may go from each status.
NEXT = {
    ReferralStatus.SENT: {
        ReferralStatus.RECEIVED,
        ReferralStatus.ACCEPTED,
        ReferralStatus.DECLINED,
    },
    ReferralStatus.RECEIVED: {ReferralStatus.ACCEPTED, ReferralStatus.DECLINED},
    ReferralStatus.ACCEPTED: {ReferralStatus.STARTED, ReferralStatus.FINISHED},
    ReferralStatus.STARTED: {ReferralStatus.FINISHED},
    ReferralStatus.DECLINED: set(),
    ReferralStatus.FINISHED: set(),
}


class Urgency(models.TextChoices):
    ROUTINE = "routine", "Routine"
    URGENT = "urgent", "Urgent: within 2 working days"


URGENT_WORKING_DAYS = 2


class ConsentBy(models.TextChoices):
    YOUNG_PERSON = "young_person", "The young person"
    ADVOCATE = "advocate", "Someone acting for them (for example an advocate)"


class Transition(models.TextChoices):
    """Adult services a young person moves on to, from what the health passport records."""

    CAMHS = "camhs", "Adult mental health (from CAMHS)"
    EHC_PLAN = "ehc_plan", "Adult special educational needs support (EHC plan)"
    ADHD = "adhd", "Adult ADHD services"


# The health passport's field (pathway.models.TRANSITION_FIELDS) that makes each one due.
TRANSITION_FOR_FIELD = {
    "known_to_camhs": Transition.CAMHS,
    "has_ehc_plan": Transition.EHC_PLAN,
    "has_adhd_diagnosis": Transition.ADHD,
}
TRANSITION_DUE_AFTER = relativedelta(years=17, months=6)


def transition_due_on(date_of_birth: dt.date) -> dt.date:
    """A transition referral to adult services is due by 17 and a half."""
    return date_of_birth + TRANSITION_DUE_AFTER


class Referral(models.Model):
    """A PA's referral of a young person to a partner service, and its answers."""

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="referrals"
    )
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="referrals")
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField("why")
    shared = models.TextField("what is shared with the service")
    urgency = models.CharField(max_length=10, choices=Urgency.choices, default=Urgency.ROUTINE)
    transition = models.CharField(max_length=10, choices=Transition.choices, blank=True)

    consent_given = models.BooleanField()
    consent_by = models.CharField(max_length=20, choices=ConsentBy.choices, blank=True)
    consent_on = models.DateField(null=True, blank=True)
    consent_for = models.CharField(
        "what they agreed to", max_length=300, blank=True, help_text="What may be shared, and why."
    )
    lawful_reason = models.TextField(blank=True)
    lawful_reason_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    status = models.CharField(
        max_length=10, choices=ReferralStatus.choices, default=ReferralStatus.SENT
    )
    sent_at = models.DateTimeField(default=timezone.now)
    received_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decline_reason = models.TextField(blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    outcome = models.TextField(blank=True)

    class Meta:
        ordering = ["-sent_at"]
        indexes = [
            models.Index(fields=["service", "status"], name="referral_service_status_idx"),
            models.Index(
                fields=["sent_at"],
                condition=Q(status__in=["sent", "received"]),
                name="referral_waiting_idx",
            ),
        ]
        constraints = [
            # The database's last word on consent: given (by whom, when, for what), or a
            # manager's lawful reason.
            models.CheckConstraint(
                condition=(
                    Q(consent_given=True, consent_on__isnull=False)
                    & ~Q(consent_by="")
                    & ~Q(consent_for="")
                )
                | (Q(consent_given=False, lawful_reason_by__isnull=False) & ~Q(lawful_reason="")),
                name="referral_has_consent_or_lawful_reason",
            ),
            models.CheckConstraint(
                condition=~Q(status="declined") | ~Q(decline_reason=""),
                name="referral_declined_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(status="finished") | ~Q(outcome=""),
                name="referral_finished_has_outcome",
            ),
        ]

    def __str__(self) -> str:
        return f"Referral {self.pk}"

    @property
    def answer_due_on(self) -> dt.date:
        """An urgent referral within two working days; else the service's expected days."""
        sent_on = timezone.localdate(self.sent_at)
        if self.urgency == Urgency.URGENT:
            return working_days_after(sent_on, URGENT_WORKING_DAYS)
        return sent_on + dt.timedelta(days=self.service.expected_days)

    @property
    def is_waiting(self) -> bool:
        return self.status in WAITING

    @property
    def in_plain_words(self) -> str:
        return STATUS_FOR_YOUNG_PERSON[self.status]

    @property
    def was_answered_in_time(self) -> bool | None:
        if self.answered_at is None:
            return None
        return timezone.localdate(self.answered_at) <= self.answer_due_on


# --- Sessions and drop-ins --------------------------------------------------------------


class SessionKind(models.TextChoices):
    WORKSHOP = "workshop", "Workshop"
    DROP_IN = "drop_in", "Drop-in"


class Session(models.Model):
    """A workshop or drop-in a partner runs, for young people to book."""

    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="sessions")
    kind = models.CharField(max_length=10, choices=SessionKind.choices)
    title = models.CharField(max_length=120)
    for_whom = models.CharField("who it is for", max_length=300)
    from_age = models.PositiveSmallIntegerField(default=16)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    location = models.ForeignKey(Location, on_delete=models.PROTECT, related_name="sessions")
    places = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_at__lt=models.F("ends_at")), name="session_starts_before_end"
            ),
            models.CheckConstraint(condition=Q(places__gte=1), name="session_has_places"),
        ]

    def __str__(self) -> str:
        return self.title


class Booking(models.Model):
    session = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="bookings")
    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="session_bookings"
    )
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    booked_at = models.DateTimeField(default=timezone.now)
    attended = models.BooleanField(null=True)
    needs_noticed = models.TextField(blank=True)

    class Meta:
        ordering = ["session", "booked_at"]
        constraints = [
            models.UniqueConstraint(fields=["session", "young_person"], name="booking_once")
        ]

    def __str__(self) -> str:
        return f"Booking {self.pk}"


class NotificationKind(models.TextChoices):
    REFERRAL_ANSWERED = "referral_answered", "A referral was answered"
    REFERRAL_NO_ANSWER = "referral_no_answer", "A referral has no answer in time"
    REFERRAL_NEW = "referral_new", "A new referral to your service"
    NEEDS_NOTICED = "needs_noticed", "Needs noticed at a session"
