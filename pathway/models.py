"""Pathway plans and the record around them.

A plan has a section for each matter of Schedule 1 to the Care Leavers (England)
Regulations 2010, actions, reviews and, for every signed review, a frozen version
of the whole plan. Contacts, accommodation and activity histories, the health
passport and documents belong to the young person, plan or no plan.

The database itself refuses to change a signed version, a signed review or a young
person's own words (see the triggers in migration 0002).
"""

from __future__ import annotations

import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from common.uploads import private_storage
from people.models import Authority, MoveRecord, YoungPerson


class Matter(models.TextChoices):
    """The ten matters of Schedule 1, in the order a plan is read."""

    CONTACT = "contact", "Contact and personal support"
    EDUCATION = "education", "Education and training"
    EMPLOYMENT = "employment", "Employment or other purposeful activity"
    CONTINGENCY = "contingency", "Contingency plans"
    ACCOMMODATION = "accommodation", "Accommodation"
    RELATIONSHIPS = "relationships", "Family and social relationships"
    SKILLS = "skills", "Practical and other skills for independent living"
    FINANCE = "finance", "Financial support and capability"
    HEALTH = "health", "Health, including mental health"
    IDENTITY = "identity", "Identity"


# What each section asks about, for the PA writing it and for the young person reading it.
MATTER_GUIDANCE: dict[str, tuple[str, str]] = {
    Matter.CONTACT: (
        "Who the young person's PA is, how often you will keep in touch and how, and who "
        "else supports them.",
        "Who supports you, and how often we keep in touch.",
    ),
    Matter.EDUCATION: (
        "School, college, university or training: what they are doing now and want to do.",
        "Your school, college, university or training.",
    ),
    Matter.EMPLOYMENT: (
        "Work, volunteering, apprenticeships or other things they do with their days.",
        "Work, volunteering and what you do with your days.",
    ),
    Matter.CONTINGENCY: (
        "What happens if things go wrong: who to call, where to go, what the backup is.",
        "What happens if things go wrong, and who to call.",
    ),
    Matter.ACCOMMODATION: (
        "Where they live and whether it is suitable: Schedule 2's points below.",
        "Where you live, and whether it is right for you.",
    ),
    Matter.RELATIONSHIPS: (
        "Family, friends, partners and the people who matter to them.",
        "Your family, friends and the people who matter to you.",
    ),
    Matter.SKILLS: (
        "Cooking, budgeting, shopping, paying bills, travelling, looking after a home.",
        "Cooking, budgeting, bills and looking after a home.",
    ),
    Matter.FINANCE: (
        "Income, benefits, grants and allowances, bank account, debts, and managing money.",
        "Your money: income, grants, bank account and budgeting.",
    ),
    Matter.HEALTH: (
        "Physical, mental and sexual health, GP and dentist, and any support they need.",
        "Your health and wellbeing, in body and mind.",
    ),
    Matter.IDENTITY: (
        "Religion, racial origin, culture and language, and what matters to them about who "
        "they are.",
        "Who you are: your culture, faith, language and background.",
    ),
}

# Schedule 2: what decides whether accommodation is suitable.
SUITABILITY_POINTS: tuple[tuple[str, str], ...] = (
    ("facilities", "Facilities and services"),
    ("repair", "State of repair"),
    ("safety", "Safety"),
    ("location", "Location"),
    ("support", "Support"),
    ("tenancy", "Tenancy status"),
    ("affordability", "Money: what it costs and whether they can afford it"),
    ("views", "The young person's views about where they live"),
    ("understanding", "What they understand of their rights, duties and how the rent is paid"),
)


class Plan(models.Model):
    """A young person's pathway plan. Sections are edited in place; versions freeze them."""

    young_person = models.OneToOneField(
        YoungPerson, on_delete=models.PROTECT, related_name="pathway_plan"
    )
    started_on = models.DateField()
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # Kept up to date by the services, so lists can sort and filter on them.
    last_signed_on = models.DateField(
        null=True, blank=True, help_text="The date of the last signed review."
    )
    review_due_on = models.DateField(help_text="When the next review must be signed by.")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        indexes = [models.Index(fields=["review_due_on"], name="plan_review_due_idx")]

    def __str__(self) -> str:
        return f"Pathway plan {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("pathway:plan", args=[self.young_person_id])


class Section(models.Model):
    """One matter of the plan. `revision` goes up on every save, to catch clashing edits."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sections")
    matter = models.CharField(max_length=20, choices=Matter.choices)
    needs = models.TextField("needs", blank=True)
    strengths = models.TextField("strengths", blank=True)
    young_person_says = models.TextField("what the young person says", blank=True)
    how_met = models.TextField("how the needs will be met", blank=True)
    # Accommodation only: a note for each of SUITABILITY_POINTS. The overall judgement is
    # not kept here but in the accommodation history (AccommodationSpell.suitable).
    suitability = models.JSONField(default=dict, blank=True)
    revision = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["plan", "matter"], name="one_section_per_matter"),
        ]

    def __str__(self) -> str:
        return self.get_matter_display()

    @property
    def is_empty(self) -> bool:
        return not any(
            (self.needs, self.strengths, self.young_person_says, self.how_met, self.suitability)
        )


class SectionView(models.Model):
    """The young person's own words on a section. Never edited: they add another instead."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="views")
    text = models.TextField()
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    written_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["written_at", "pk"]

    def __str__(self) -> str:
        return f"View {self.pk}"


class ActionOwner(models.TextChoices):
    YOUNG_PERSON = "young_person", "The young person"
    PA = "pa", "Their PA"
    AGENCY = "agency", "Another person or agency"


class ActionStatus(models.TextChoices):
    OPEN = "open", "To do"
    DONE = "done", "Done"
    DROPPED = "dropped", "No longer needed"


class Action(models.Model):
    """Something the plan says will happen: what, who does it, by when."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="actions")
    matter = models.CharField(max_length=20, choices=Matter.choices)
    what = models.CharField(max_length=300)
    owner = models.CharField("who", max_length=20, choices=ActionOwner.choices)
    agency = models.CharField("which person or agency", max_length=200, blank=True)
    due_on = models.DateField("by when")
    status = models.CharField(max_length=10, choices=ActionStatus.choices, default="open")
    done_on = models.DateField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [
            models.Index(
                fields=["plan", "due_on"], condition=Q(status="open"), name="open_action_due_idx"
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(owner="agency") | ~Q(agency=""), name="agency_action_names_agency"
            ),
            models.CheckConstraint(
                condition=Q(status="done", done_on__isnull=False)
                | (~Q(status="done") & Q(done_on__isnull=True)),
                name="done_action_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.what

    @property
    def who(self) -> str:
        return self.agency if self.owner == ActionOwner.AGENCY else self.get_owner_display()


class ActionUndo(models.Model):
    """A "done" taken back: who had marked it done and when, kept when the step reopens."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="undos")
    was_done_on = models.DateField()
    was_done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    undone_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["undone_at", "pk"]

    def __str__(self) -> str:
        return f"Undone {self.pk}"


class ReviewReason(models.TextChoices):
    YOUNG_PERSON_ASKED = "young_person_asked", "The young person asked for a review"
    PA_ASKED = "pa_asked", "Their PA asked for a review"
    NEW_ACCOMMODATION = "new_accommodation", "They moved to new accommodation"
    LEFT_EDUCATION = "left_education", "They left education or training"
    CUSTODY = "custody", "They went into custody"
    BECAME_PARENT = "became_parent", "They became a parent"
    HIGH_RISK = "high_risk", "A high risk in their safety plan was agreed"


class ReviewRequest(models.Model):
    """Something that brings the next review forward. A signed review answers it."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="review_requests")
    reason = models.CharField(max_length=30, choices=ReviewReason.choices)
    raised_on = models.DateField()
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField(blank=True)
    answered_by = models.ForeignKey(
        "Review", on_delete=models.PROTECT, related_name="answered", null=True, blank=True
    )

    class Meta:
        ordering = ["raised_on", "pk"]

    def __str__(self) -> str:
        return self.get_reason_display()


class ReviewState(models.TextChoices):
    AWAITING = "awaiting", "Waiting for sign-off"
    RETURNED = "returned", "Sent back"
    SIGNED = "signed", "Signed off"


class Review(models.Model):
    """A review meeting: when, who took part, what was decided. A manager signs it off."""

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="reviews")
    number = models.PositiveIntegerField()
    held_on = models.DateField("date of the review")
    participants = models.TextField("who took part")
    young_person_took_part = models.BooleanField(default=True)
    outcome = models.TextField("outcome")
    state = models.CharField(max_length=10, choices=ReviewState.choices, default="awaiting")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)
    return_note = models.TextField(blank=True)
    # Who last changed it before sign-off: they cannot sign it either. `revision` catches
    # two people changing it at once.
    revision = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    signed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="review_number_unique"),
            models.UniqueConstraint(
                fields=["plan"], condition=~Q(state="signed"), name="one_open_review_per_plan"
            ),
            models.CheckConstraint(
                condition=~Q(state="signed") | Q(signed_at__isnull=False, signed_by__isnull=False),
                name="signed_review_has_signer",
            ),
        ]

    def __str__(self) -> str:
        return f"Review {self.number}"


class PlanVersion(models.Model):
    """The whole plan as signed off at a review. The database refuses any change to it."""

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    review = models.OneToOneField(Review, on_delete=models.PROTECT, related_name="version")
    content = models.JSONField()
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    signed_at = models.DateTimeField()

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plan_version_number_unique"),
        ]

    def __str__(self) -> str:
        return f"Version {self.number}"


class ContactMethod(models.TextChoices):
    VISIT = "visit", "Visit"
    OFFICE = "office", "In the office"
    PHONE = "phone", "Phone call"
    VIDEO = "video", "Video call"
    TEXT = "text", "Text or message"
    EMAIL = "email", "Email"
    DUTY = "duty", "Call to the duty line"


class Contact(models.Model):
    """Keeping in touch: one conversation or meeting with the young person."""

    young_person = models.ForeignKey(YoungPerson, on_delete=models.PROTECT, related_name="contacts")
    happened_on = models.DateField("date")
    method = models.CharField("how", max_length=10, choices=ContactMethod.choices)
    seen = models.BooleanField("the young person was seen")
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-happened_on", "-pk"]
        indexes = [models.Index(fields=["young_person", "-happened_on"], name="contact_latest_idx")]

    def __str__(self) -> str:
        return f"Contact {self.pk}"


class ContactRequest(models.Model):
    """A young person asking their PA to get in touch, with what about. The next contact
    their PA logs answers it; one is open at a time."""

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="contact_requests"
    )
    message = models.TextField("what they would like to talk about", blank=True)
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    asked_at = models.DateTimeField(default=timezone.now, editable=False)
    answered_by = models.ForeignKey(
        Contact, on_delete=models.PROTECT, related_name="answered", null=True, blank=True
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["asked_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["young_person"],
                condition=Q(answered_at__isnull=True),
                name="one_open_contact_request",
            ),
            models.CheckConstraint(
                condition=Q(answered_at__isnull=True) | Q(answered_by__isnull=False),
                name="answered_contact_request_has_contact",
            ),
        ]

    def __str__(self) -> str:
        return f"Contact request {self.pk}"


class ContactCorrection(models.Model):
    """A contact's note as it was before a correction. Never edited: the history only grows."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="corrections")
    earlier_note = models.TextField()
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    corrected_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-corrected_at", "-pk"]

    def __str__(self) -> str:
        return f"Correction {self.pk}"


class AccommodationType(models.TextChoices):
    """The SSDA903 care leaver accommodation codes (the letter; suitability is 1 or 2)."""

    B = "B", "With parents or relatives"
    C = "C", "Community home or other residential care"
    D = "D", "Semi-independent or transitional accommodation"
    E = "E", "Supported lodgings"
    G = "G", "Gone abroad"
    H = "H", "Deported"
    K = "K", "Ordinary lodgings, without formal support"
    R = "R", "Residence not known"
    S = "S", "No fixed abode or homeless"
    T = "T", "Foyer or similar supported accommodation"
    U = "U", "Independent living, for example a flat or tenancy"
    V = "V", "Emergency accommodation, for example a night shelter or hostel"
    W = "W", "Bed and breakfast"
    X = "X", "In custody"
    Y = "Y", "Other accommodation"
    Z = "Z", "With former foster carers (staying put)"


class Activity(models.TextChoices):
    """The SSDA903 care leaver main activity codes."""

    F1 = "F1", "Higher education, full time"
    P1 = "P1", "Higher education, part time"
    F2 = "F2", "Other education, full time"
    P2 = "P2", "Other education, part time"
    F4 = "F4", "Apprenticeship, full time"
    P4 = "P4", "Apprenticeship, part time"
    F5 = "F5", "Training or employment, full time"
    P5 = "P5", "Training or employment, part time"
    G4 = "G4", "Not in education, employment or training: illness or disability"
    G5 = "G5", "Not in education, employment or training: other reasons"
    G6 = "G6", "Not in education, employment or training: pregnancy or parenting"


NEVER_SUITABLE = ("S", "X")
# Education or training: leaving one of these for anything else brings the review forward.
EDUCATION_ACTIVITIES = frozenset({"F1", "P1", "F2", "P2", "F4", "P4"})


class AccommodationSpell(models.Model):
    """Where the young person lived from `started_on` until the next spell starts.

    The one record of whether their home is suitable, as at any date: the plan's
    accommodation section reads the current spell and writes a new one when its judgement
    changes, and the dashboard and the returns read the spell of their day."""

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="accommodation_spells"
    )
    started_on = models.DateField("moved in on")
    kind = models.CharField("type", max_length=1, choices=AccommodationType.choices)
    suitable = models.BooleanField("suitable")
    description = models.CharField(
        "where", max_length=200, blank=True, help_text="For example, the name of the scheme"
    )
    # Where the home is, when that is another council's area: the young person then sees
    # that council's offer too, and who pays for what (pathway/panels.py).
    area = models.ForeignKey(
        Authority,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name="in the area of",
        help_text="Leave empty when it is in the area of the council that looks after them.",
    )
    # Not a move: the same home, judged suitable or not again in the pathway plan.
    is_reassessment = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-started_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["young_person", "started_on"], name="one_accommodation_a_day"
            ),
            # The DfE counts no fixed abode and custody as never suitable.
            models.CheckConstraint(
                condition=~Q(kind__in=NEVER_SUITABLE) | Q(suitable=False),
                name="homeless_or_custody_not_suitable",
            ),
        ]

    def __str__(self) -> str:
        return self.get_kind_display()

    @property
    def ssda903_code(self) -> str:
        return f"{self.kind}{1 if self.suitable else 2}"


class ActivitySpell(models.Model):
    """The young person's main activity from `started_on` until the next spell starts."""

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="activity_spells"
    )
    started_on = models.DateField("started on")
    code = models.CharField("main activity", max_length=2, choices=Activity.choices)
    description = models.CharField(
        "details", max_length=200, blank=True, help_text="For example, the course or employer"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-started_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["young_person", "started_on"], name="one_activity_a_day"
            ),
        ]

    def __str__(self) -> str:
        return self.get_code_display()


HEALTH_FIELDS = ("gp", "dentist", "conditions", "medication", "immunisations", "history")
# What means a transition referral to adult services is due by 17 and a half (partners).
TRANSITION_FIELDS = ("known_to_camhs", "has_ehc_plan", "has_adhd_diagnosis")
# The same, in the words the young person reads on their own page and in their pack.
HEALTH_FIELDS_FOR_YOUNG_PERSON = {
    "gp": "Your doctor (GP)",
    "dentist": "Your dentist",
    "conditions": "Health conditions",
    "medication": "Medicines you take",
    "immunisations": "Vaccinations",
    "history": "Important things about your health in the past",
}


class HealthPassport(models.Model):
    """What a young person needs to know about their own health, kept by their PA."""

    young_person = models.OneToOneField(
        YoungPerson, on_delete=models.PROTECT, related_name="health_passport"
    )
    gp = models.TextField("GP", blank=True, help_text="Name, practice, address and phone")
    dentist = models.TextField(blank=True, help_text="Name, practice, address and phone")
    conditions = models.TextField("health conditions", blank=True)
    medication = models.TextField(blank=True)
    immunisations = models.TextField(blank=True)
    history = models.TextField("key health history", blank=True)
    known_to_camhs = models.BooleanField(
        "known to CAMHS (child and adolescent mental health services)", default=False
    )
    has_ehc_plan = models.BooleanField(
        "has an education, health and care (EHC) plan", default=False
    )
    has_adhd_diagnosis = models.BooleanField("has an ADHD diagnosis", default=False)
    revision = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )

    def __str__(self) -> str:
        return f"Health passport {self.pk}"


class DocumentKind(models.TextChoices):
    HEALTH = "health", "Health"
    IDENTITY = "identity", "Identity, for example a passport or birth certificate"
    EDUCATION = "education", "Education"
    HOUSING = "housing", "Housing"
    OTHER = "other", "Other"


def _document_path(document: Document, filename: str) -> str:
    # A random name: nothing about the person reaches the file system or a URL.
    return f"documents/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


class Document(models.Model):
    """A file kept for a young person, outside the public media path."""

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="documents"
    )
    kind = models.CharField("what it is", max_length=20, choices=DocumentKind.choices)
    title = models.CharField(max_length=200)
    file = models.FileField(upload_to=_document_path, storage=private_storage, max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now, editable=False)
    # Off unless staff choose: nothing stored before this existed became visible to them.
    shared_with_young_person = models.BooleanField(
        "shared with the young person",
        default=False,
        help_text="They can see it and download it when they sign in.",
    )

    class Meta:
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def added_by_young_person(self) -> bool:
        """Only the young person themselves adds documents from a care leaver's account."""
        return self.uploaded_by.is_care_leaver


class DocumentMove(MoveRecord):
    """A document moved off the wrong young person's record: from whom, to whom, why."""

    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="moves")
    from_young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="documents_moved_out"
    )
    to_young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="documents_moved_in"
    )
    reason = models.CharField(max_length=300)

    class Meta(MoveRecord.Meta):
        constraints = [
            models.CheckConstraint(
                condition=~Q(from_young_person=models.F("to_young_person")),
                name="document_moves_to_someone_else",
            )
        ]

    def __str__(self) -> str:
        return f"Move {self.pk}"


class ReturnDownload(models.Model):
    """Each time a statutory return left the portal: who (or the scheduled export), what, when."""

    authority = models.ForeignKey(
        "portal.Authority", on_delete=models.PROTECT, related_name="return_downloads"
    )
    what = models.CharField(max_length=40)
    year = models.PositiveSmallIntegerField()
    rows = models.PositiveIntegerField()
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        help_text="Empty for the scheduled export (manage.py export_returns).",
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.what} {self.year}"


class NotificationKind(models.TextChoices):
    """What this app's notifications are about (registered in reminders.py)."""

    REVIEW_DUE = "review_due", "A pathway plan review is due soon"
    REVIEW_OVERDUE = "review_overdue", "A pathway plan review is overdue"
    REVIEW_ESCALATED = "review_escalated", "A review in your team is well overdue"
    CONTACT_OVERDUE = "contact_overdue", "Keeping in touch is overdue"
    ACTION_OVERDUE = "action_overdue", "A step in a pathway plan is overdue"
    BIRTHDAY = "birthday", "A birthday that matters is coming up"
    RETURN_WINDOW = "return_window", "The DfE's return needs facts about a birthday"
    YOUNG_PERSON_DOCUMENT = "young_person_document", "A young person added a document"
    # What the young person does that their PA should hear of at once.
    CONTACT_ASKED = "contact_asked", "A young person asked you to get in touch"
    REVIEW_ASKED = "review_asked", "A young person asked for a plan review"
    VIEW_ADDED = "view_added", "A young person added their view to their plan"
    STEP_DONE = "step_done", "A young person marked a step as done"
    DOCUMENT_ADDED = "document_added", "A document was added to a young person's record"
    # What the PA does that the young person would want to know.
    STEP_ADDED = "step_added", "There is a new step in your plan"
    PLAN_AGREED = "plan_agreed", "Your pathway plan is agreed"
