"""People and their places: councils, teams, staff, young people and allocations."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

import rules
from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower, Upper
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac


class Role(models.TextChoices):
    CARE_LEAVER = "care_leaver", "Care leaver"
    PA = "pa", "Personal adviser"
    MANAGER = "manager", "Manager"
    OFFER_EDITOR = "offer_editor", "Offer editor"
    ADMIN = "admin", "Administrator"
    AUDITOR = "auditor", "Auditor"
    PARTNER = "partner", "Partner worker"


# Partner workers (housing, health, a charity) sign in with MFA as staff do.
STAFF_ROLES = frozenset(
    {Role.PA, Role.MANAGER, Role.OFFER_EDITOR, Role.ADMIN, Role.AUDITOR, Role.PARTNER}
)
# Who uses Django's admin site: administrators for accounts and teams, auditors for the
# audit trail only (people/admin.py). Neither holds cases.
ADMIN_SITE_ROLES = frozenset({Role.ADMIN, Role.AUDITOR})
# Who may lead a region of councils (approve its shared offer, read its figures).
LEAD_ROLES = frozenset({Role.MANAGER, Role.OFFER_EDITOR})


class Region(models.Model):
    """Councils that share a regional offer and compare what they give care leavers.

    Its lead is a member of staff of one of its councils who approves the regional items
    and reads the councils' figures side by side (counts only)."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(unique=True)
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="led_regions",
        null=True,
        blank=True,
        help_text="Approves the regional offer and reads the regional dashboard.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("region:home", args=[self.slug])

    def clean(self) -> None:
        """The lead approves what every member council's offer shows: a manager or an offer
        editor of one of them (a council joins the region first, on its own page)."""
        lead = self.lead
        if lead is None:
            return
        if lead.role not in LEAD_ROLES:
            raise ValidationError({"lead": "Choose a manager or an offer editor as the lead."})
        if self.pk is None or lead.authority is None or lead.authority.region_id != self.pk:
            raise ValidationError(
                {"lead": "Choose someone who works for one of the region's councils."}
            )


class Authority(models.Model):
    """A council. One database can hold several."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(unique=True)
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="councils",
        null=True,
        blank=True,
        help_text="A council belongs to one region at most.",
    )
    offer_host = models.CharField(
        "web address of its own offer",
        max_length=200,
        unique=True,
        null=True,
        blank=True,
        help_text="A host name such as offer.northmoor.gov.uk, if the council has its own. "
        "It must also be in ALLOWED_HOSTS.",
    )
    duty_phone = models.CharField(
        max_length=40, blank=True, help_text="The leaving-care duty line, shown to care leavers."
    )
    contact_email = models.EmailField(blank=True)
    contact_interval_weeks = models.PositiveSmallIntegerField(
        "keep in touch at least every (weeks)",
        default=8,
        help_text="A young person with no contact for longer than this shows as overdue.",
    )
    eet_target_percent = models.PositiveSmallIntegerField(
        "target: 19 to 21 year olds in education, employment or training (%)",
        default=75,
        validators=[MaxValueValidator(100)],
        help_text="The national ambition is 70 to 80 per cent.",
    )
    suitable_target_percent = models.PositiveSmallIntegerField(
        "target: in suitable accommodation (%)", default=100, validators=[MaxValueValidator(100)]
    )

    class Meta:
        verbose_name_plural = "authorities"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        # Host names are matched as the request gives them: lower case, no port.
        self.offer_host = (self.offer_host or "").strip().lower() or None
        super().save(*args, **kwargs)


class Team(models.Model):
    authority = models.ForeignKey(Authority, on_delete=models.PROTECT, related_name="teams")
    name = models.CharField(max_length=200)
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="managed_teams",
        null=True,
        blank=True,
        limit_choices_to={"role": Role.MANAGER},
    )
    caseload_limit = models.PositiveSmallIntegerField(
        default=25, help_text="Most young people one PA in this team should hold."
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "name"], name="team_name_unique_in_authority"
            )
        ]

    def __str__(self) -> str:
        return self.name


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra):
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra.setdefault("role", Role.ADMIN)
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """Anyone who signs in. Staff roles must use MFA; care leavers join by invitation."""

    username = None
    email = models.EmailField("email address", unique=True)
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.CARE_LEAVER)
    authority = models.ForeignKey(
        Authority, on_delete=models.PROTECT, related_name="users", null=True, blank=True
    )
    team = models.ForeignKey(
        Team,
        on_delete=models.SET_NULL,
        related_name="members",
        null=True,
        blank=True,
        help_text="The team a PA works in.",
    )
    phone = models.CharField(
        max_length=40, blank=True, help_text="Work phone, shown to care leavers."
    )
    leaving_on = models.DateField(
        "last working day",
        null=True,
        blank=True,
        help_text="Set when a PA is leaving: each young person they support gets a handover.",
    )
    sees_all_teams = models.BooleanField(
        "service manager",
        default=False,
        help_text="A manager who sees every team of the council on the dashboard.",
    )
    wants_email = models.BooleanField(
        "email me when something needs my attention",
        default=True,
        help_text="Reminders always appear in the portal; this also sends them by email.",
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        ordering = ["first_name", "last_name"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_unique_ignoring_case"),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    def save(self, *args, **kwargs):
        self.email = self.email.lower()
        self.is_staff = self.role in ADMIN_SITE_ROLES or self.is_superuser
        super().save(*args, **kwargs)

    def has_perm(self, perm: str, obj=None) -> bool:
        # Superusers administer accounts, they do not hold cases: the portal's own rules
        # decide who sees young people, with no superuser shortcut.
        if rules.perm_exists(perm):
            return self.is_active and rules.has_perm(perm, self, obj)
        return super().has_perm(perm, obj)

    @property
    def is_staff_role(self) -> bool:
        return self.role in STAFF_ROLES

    @property
    def is_pa(self) -> bool:
        return self.role == Role.PA

    @property
    def is_manager(self) -> bool:
        return self.role == Role.MANAGER

    @property
    def is_care_leaver(self) -> bool:
        return self.role == Role.CARE_LEAVER


class CodeFailure(models.Model):
    """A wrong authenticator code typed for an account, kept in the database.

    allauth counts wrong codes too, but in Redis, which forgets them while it is down; this
    count holds through an outage (people.services.code_failures_too_many). Only the account
    and the time are kept: never the code typed or the address it came from."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["user", "at"], name="code_failure_user_at")]

    def __str__(self) -> str:
        return f"Wrong code for account {self.user_id}"


class LegalStatus(models.TextChoices):
    ELIGIBLE = "eligible", "Eligible (16-17, still in care)"
    RELEVANT = "relevant", "Relevant (16-17, left care)"
    FORMER_RELEVANT = "former_relevant", "Former relevant (18-25)"
    QUALIFYING = "qualifying", "Qualifying"


class ContactMethod(models.TextChoices):
    TEXT = "text", "Text message"
    PHONE = "phone", "Phone call"
    EMAIL = "email", "Email"
    LETTER = "letter", "Letter"


# A unique pupil number: a check letter, 11 digits and a final digit or letter; or "UN1" to
# "UN5", the DfE's reasons for not knowing it.
UPN = re.compile(r"[A-Z]\d{11}[0-9A-Z]|UN[1-5]")


class Sex(models.TextChoices):
    """As the DfE's SSDA903 return records it from 2024-25."""

    MALE = "M", "Male"
    FEMALE = "F", "Female"
    UNKNOWN = "U", "Not known or not recorded"


class Ethnicity(models.TextChoices):
    """The DfE's ethnicity codes (SSDA903 ETHNIC); docs/research/ssda903-codes.md."""

    WBRI = "WBRI", "White: British"
    WIRI = "WIRI", "White: Irish"
    WIRT = "WIRT", "White: Traveller of Irish heritage"
    WROM = "WROM", "White: Gypsy or Roma"
    WOTH = "WOTH", "White: any other White background"
    MWBC = "MWBC", "Mixed: White and Black Caribbean"
    MWBA = "MWBA", "Mixed: White and Black African"
    MWAS = "MWAS", "Mixed: White and Asian"
    MOTH = "MOTH", "Mixed: any other mixed background"
    AIND = "AIND", "Asian: Indian"
    APKN = "APKN", "Asian: Pakistani"
    ABAN = "ABAN", "Asian: Bangladeshi"
    AOTH = "AOTH", "Asian: any other Asian background"
    BCRB = "BCRB", "Black: Caribbean"
    BAFR = "BAFR", "Black: African"
    BOTH = "BOTH", "Black: any other Black background"
    CHNE = "CHNE", "Chinese"
    OOTH = "OOTH", "Any other ethnic group"
    REFU = "REFU", "They prefer not to say"
    NOBT = "NOBT", "Not yet asked"


class YoungPerson(models.Model):
    """A care leaver the service supports, whether or not they have an account."""

    authority = models.ForeignKey(Authority, on_delete=models.PROTECT, related_name="young_people")
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    preferred_name = models.CharField(max_length=100, blank=True)
    date_of_birth = models.DateField()
    legal_status = models.CharField(max_length=20, choices=LegalStatus.choices)
    date_left_care = models.DateField(null=True, blank=True)
    is_unaccompanied_asylum_seeker = models.BooleanField(
        "unaccompanied asylum-seeking young person", default=False
    )
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    address = models.TextField(blank=True)
    preferred_contact = models.CharField(
        "preferred way to be contacted",
        max_length=10,
        choices=ContactMethod.choices,
        default=ContactMethod.TEXT,
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        related_name="young_person",
        null=True,
        blank=True,
        limit_choices_to={"role": Role.CARE_LEAVER},
    )
    # What the statutory returns need (SSDA903 header and care leavers tables, Annex A).
    child_id = models.CharField(
        "child ID",
        max_length=10,
        blank=True,
        help_text="The council's reference sent to the DfE (CHILD). It never changes.",
    )
    sex = models.CharField(max_length=1, choices=Sex.choices, blank=True)
    ethnicity = models.CharField(max_length=4, choices=Ethnicity.choices, blank=True)
    upn = models.CharField(
        "unique pupil number", max_length=13, blank=True, help_text="From their school records."
    )
    mothers_child_born_on = models.DateField(
        "if she is a mother, her child's date of birth", null=True, blank=True
    )
    refuses_contact_since = models.DateField(
        "has said they do not want contact, since", null=True, blank=True
    )
    died_on = models.DateField(null=True, blank=True)
    has_disability = models.BooleanField("they have a disability", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "young people"
        ordering = ["last_name", "first_name"]
        indexes = [
            models.Index(Lower("last_name"), Lower("first_name"), name="yp_name_idx"),
            # The duty worker finds anyone in the council by part of a name (the searches'
            # `icontains` is UPPER(...) LIKE '%...%', which these trigram indexes serve) or by
            # date of birth.
            *(
                GinIndex(OpClass(Upper(name), name="gin_trgm_ops"), name=f"yp_{name}_trgm")
                for name in ("first_name", "last_name", "preferred_name")
            ),
            models.Index(fields=["authority", "date_of_birth"], name="yp_birth_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(date_left_care__isnull=True)
                | Q(date_left_care__gte=models.F("date_of_birth")),
                name="yp_left_care_after_birth",
            ),
            models.UniqueConstraint(
                fields=["authority", "child_id"],
                condition=~Q(child_id=""),
                name="yp_child_id_unique_in_authority",
                violation_error_message="Another young person already has this child ID.",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def get_absolute_url(self) -> str:
        return reverse("portal:young-person-detail", args=[self.pk])

    def clean(self) -> None:
        """The statutory rules that tie status, age and leaving care together."""
        errors: dict[str, str] = {}
        today = timezone.localdate()
        if self.date_of_birth:
            age = self.age_on(today)
            if age < 16:
                errors["date_of_birth"] = "The service supports young people from age 16"
            elif age > 25:
                errors["date_of_birth"] = "The service supports young people up to age 25"
            elif self.legal_status in (LegalStatus.ELIGIBLE, LegalStatus.RELEVANT) and age >= 18:
                errors["legal_status"] = "Eligible and relevant are for 16 and 17 year olds"
            elif self.legal_status == LegalStatus.FORMER_RELEVANT and age < 18:
                errors["legal_status"] = "Former relevant is for young people aged 18 or over"
        if self.date_left_care:
            if self.date_left_care > today:
                errors["date_left_care"] = "The date they left care must be today or in the past"
            elif self.date_of_birth and self.date_left_care < self.date_of_birth:
                errors["date_left_care"] = "The date they left care must be after their birth"
            elif self.legal_status == LegalStatus.ELIGIBLE:
                errors["date_left_care"] = (
                    "An eligible young person is still in care: leave this blank"
                )
        elif self.legal_status in (LegalStatus.RELEVANT, LegalStatus.FORMER_RELEVANT):
            errors["date_left_care"] = "Enter the date they left care"
        if self.upn and not UPN.fullmatch(self.upn):
            errors["upn"] = "Enter a UPN like A12345678901B (or UN1 to UN5 if it is not known)"
        if self.child_id and not self.child_id.isalnum():
            errors["child_id"] = "A child ID has only letters and numbers"
        for name, what in (
            ("mothers_child_born_on", "Her child's date of birth"),
            ("refuses_contact_since", "The date they said they do not want contact"),
            ("died_on", "The date they died"),
        ):
            day = getattr(self, name)
            if day is not None and day > today:
                errors[name] = f"{what} must be today or in the past"
            elif day is not None and self.date_of_birth and day < self.date_of_birth:
                errors[name] = f"{what} must be after their own date of birth"
        if errors:
            raise ValidationError(errors)

    @property
    def known_as(self) -> str:
        return self.preferred_name or self.first_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def age_on(self, day: dt.date) -> int:
        born = self.date_of_birth
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    @property
    def age(self) -> int:
        return self.age_on(timezone.localdate())


# The details a PA or manager keeps up to date on the profile page.
YOUNG_PERSON_DETAIL_FIELDS = (
    "first_name",
    "last_name",
    "preferred_name",
    "date_of_birth",
    "legal_status",
    "date_left_care",
    "is_unaccompanied_asylum_seeker",
    "phone",
    "email",
    "address",
    "preferred_contact",
    "sex",
    "ethnicity",
    "upn",
    "mothers_child_born_on",
    "refuses_contact_since",
    "died_on",
    "has_disability",
)


class EndReason(models.TextChoices):
    REALLOCATED = "reallocated", "Moved to another PA"
    PA_LEFT = "pa_left", "PA left the service"
    SUPPORT_ENDED = "support_ended", "Support ended"
    YOUNG_PERSON_CHOICE = "young_person_choice", "The young person chose to stop"
    MOVED_COUNCIL = "moved_council", "Support moved to another council"
    OTHER = "other", "Other"


class Allocation(models.Model):
    """A PA's responsibility for a young person over a period; at most one is current."""

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.CASCADE, related_name="allocations"
    )
    pa = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="allocations",
        limit_choices_to={"role": Role.PA},
    )
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    end_reason = models.CharField(max_length=30, choices=EndReason.choices, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-started_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["young_person"],
                condition=Q(ended_on__isnull=True),
                name="one_current_allocation_per_young_person",
                violation_error_message="This young person already has a current PA.",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="allocation_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | ~Q(end_reason=""),
                name="ended_allocation_has_reason",
            ),
        ]
        indexes = [
            models.Index(
                fields=["pa"], condition=Q(ended_on__isnull=True), name="current_allocation_pa_idx"
            )
        ]

    def __str__(self) -> str:
        return f"Allocation {self.pk}"

    @property
    def is_current(self) -> bool:
        return self.ended_on is None


class Invitation(models.Model):
    """A single-use link a PA sends so a care leaver can set their password."""

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.CASCADE, related_name="invitations"
    )
    # The address they will sign in with; the link goes there unless `phone` is set.
    email = models.EmailField()
    phone = models.CharField(
        max_length=16, blank=True, help_text="The mobile number the link is texted to, if any."
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    # When the link was sent, by email or by text.
    emailed_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Invitation {self.pk}"

    @staticmethod
    def hash_token(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    def link_token(self) -> str:
        """The secret in this invitation's link: a keyed hash of what the invitation holds,
        so the link can be made again to send it, and only the token's hash is stored."""
        made = self.created_at.astimezone(dt.UTC).isoformat()
        value = f"{self.young_person_id}:{self.email}:{made}"
        return salted_hmac("people.invitation", value, algorithm="sha256").hexdigest()

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

    @property
    def is_usable(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None and not self.is_expired


class SubjectAccessPack(models.Model):
    """Each time a copy of everything held about a young person left the portal: who, when."""

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="subject_access_packs"
    )
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    made_at = models.DateTimeField(default=timezone.now)
    tables = models.PositiveSmallIntegerField(help_text="How many kinds of record it held.")
    rows = models.PositiveIntegerField(help_text="How many records it held.")

    class Meta:
        ordering = ["-made_at"]

    def __str__(self) -> str:
        return f"Subject access pack {self.pk}"


class ConsentHow(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    PHONE = "phone", "On the phone"
    IN_WRITING = "in_writing", "In writing (a letter, an email or a message)"


class MoveRecord(models.Model):
    """Something moved, by whom and when: a frozen record (a trigger refuses change)."""

    moved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    moved_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        abstract = True
        ordering = ["-moved_at", "-pk"]


class CouncilMove(MoveRecord):
    """A young person's support moved from one council to another, with their consent.
    Never changed or deleted (a trigger refuses): the first council's returns for the years
    the young person was theirs still count them from it."""

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="council_moves"
    )
    from_authority = models.ForeignKey(Authority, on_delete=models.PROTECT, related_name="+")
    to_authority = models.ForeignKey(Authority, on_delete=models.PROTECT, related_name="+")
    to_team = models.ForeignKey(
        Team, on_delete=models.PROTECT, related_name="+", help_text="Who allocates a PA there."
    )
    moved_on = models.DateField()
    consent_by = models.CharField(
        max_length=120, help_text="Who agreed: the young person, or who agreed for them."
    )
    consent_on = models.DateField()
    consent_how = models.CharField(max_length=20, choices=ConsentHow.choices)

    class Meta(MoveRecord.Meta):
        constraints = [
            models.CheckConstraint(
                condition=~Q(from_authority=models.F("to_authority")),
                name="council_move_to_another_council",
            ),
        ]

    def __str__(self) -> str:
        return f"Council move {self.pk}"
