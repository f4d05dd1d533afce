"""Risk assessments and safety plans, Staying Close, and homelessness prevention.

A risk assessment is never changed: every save is a new `RiskAssessment` (version n), with
its entries, steps and people to call, so earlier versions are kept and can be compared.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.utils import timezone

from people.models import YoungPerson


class RiskArea(models.Model):
    """An area a risk assessment looks at (data, so a council can add its own)."""

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=80)
    position = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name


class Level(models.TextChoices):
    LOW = "low", "Low"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"


LEVEL_ORDER = {Level.LOW: 1, Level.MEDIUM: 2, Level.HIGH: 3}


class RiskAssessment(models.Model):
    """One saved version of a young person's risk assessment and safety plan."""

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="risk_assessments"
    )
    number = models.PositiveIntegerField()
    highest_level = models.CharField(max_length=10, choices=Level.choices)
    review_due_on = models.DateField()
    emergency_duty_team = models.CharField(
        "emergency duty team", max_length=120, blank=True, help_text="Out of hours number"
    )
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    saved_at = models.DateTimeField(default=timezone.now)
    saved_on = models.DateField()
    # A high level is in force only once a manager of the young person's PA agrees.
    agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    agreed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["young_person", "number"], name="one_risk_version_n"),
            models.CheckConstraint(
                condition=Q(agreed_by__isnull=True) | Q(highest_level="high"),
                name="only_high_risk_is_agreed",
            ),
        ]

    def __str__(self) -> str:
        return f"Risk assessment {self.number}"

    @property
    def needs_agreement(self) -> bool:
        return self.highest_level == Level.HIGH

    @property
    def is_in_force(self) -> bool:
        return not self.needs_agreement or self.agreed_by_id is not None

    def is_review_late(self, today: dt.date) -> bool:
        return self.review_due_on < today


class Shared(models.Model):
    """Whether the young person reads this; when not, why (for example, a third party's
    information). Their pages, their PDF and their own download show only what is shared."""

    is_shared = models.BooleanField("shared with the young person", default=True)
    not_shared_reason = models.CharField("why it is not shared", max_length=300, blank=True)

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(is_shared=True) | ~Q(not_shared_reason=""),
                name="%(class)s_unshared_has_reason",
            ),
        ]


class RiskEntry(Shared):
    """One area of an assessment: its level, what is known, and whether the young person
    sees it (a reason is kept when not, for example information from a third party)."""

    assessment = models.ForeignKey(RiskAssessment, on_delete=models.CASCADE, related_name="entries")
    area = models.ForeignKey(RiskArea, on_delete=models.PROTECT, related_name="+")
    level = models.CharField(max_length=10, choices=Level.choices)
    reason = models.TextField("why this level")
    known = models.TextField("what is known", blank=True)
    keeps_safe = models.TextField("what keeps them safe", blank=True)
    warning_signs = models.TextField("warning signs", blank=True)

    class Meta(Shared.Meta):
        ordering = ["area__position", "area__pk"]
        constraints = [
            *Shared.Meta.constraints,
            models.UniqueConstraint(fields=["assessment", "area"], name="one_entry_per_area"),
        ]

    def __str__(self) -> str:
        return str(self.area)


class SafetyStep(Shared):
    """A step of the safety plan: what, who and by when."""

    assessment = models.ForeignKey(RiskAssessment, on_delete=models.CASCADE, related_name="steps")
    what = models.CharField(max_length=300)
    who = models.CharField(max_length=120)
    by_when = models.DateField(null=True, blank=True)

    class Meta(Shared.Meta):
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.what


class SafetyContact(Shared):
    """Someone to call when things go wrong."""

    assessment = models.ForeignKey(
        RiskAssessment, on_delete=models.CASCADE, related_name="contacts"
    )
    name = models.CharField(max_length=120)
    phone = models.CharField(max_length=40)
    why = models.CharField("when to call them", max_length=200, blank=True)

    class Meta(Shared.Meta):
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class RiskToHome(models.TextChoices):
    RENT_ARREARS = "rent_arrears", "Rent arrears"
    NOTICE = "notice", "A notice to leave was served"
    EVICTION = "eviction", "An eviction date was set"
    OTHER = "other", "Something else"


class HomeOutcome(models.TextChoices):
    KEPT = "kept", "They kept their home"
    MOVED = "moved", "They moved to another suitable home"
    HOMELESS = "homeless", "They became homeless"


class HomeAtRisk(models.Model):
    """A home at risk: starts the Homelessness Reduction Act's 56-day clock."""

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="homes_at_risk"
    )
    risk = models.CharField("what puts the home at risk", max_length=20, choices=RiskToHome.choices)
    known_on = models.DateField("known on")
    eviction_on = models.DateField("eviction date", null=True, blank=True)
    details = models.TextField(blank=True)
    clock_ends_on = models.DateField()
    closed_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=HomeOutcome.choices, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-known_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True, outcome="")
                | (Q(closed_on__isnull=False) & ~Q(outcome="")),
                name="closed_home_at_risk_has_outcome",
            ),
        ]

    def __str__(self) -> str:
        return self.get_risk_display()

    @property
    def is_open(self) -> bool:
        return self.closed_on is None


class ReferralOutcome(models.TextChoices):
    WAITING = "waiting", "Waiting to hear"
    PREVENTION = "prevention", "Prevention duty accepted"
    RELIEF = "relief", "Relief duty accepted"
    NOT_OWED = "not_owed", "No duty owed"
    WITHDRAWN = "withdrawn", "Withdrawn"


class DutyToRefer(models.Model):
    """A referral to a housing authority under the duty to refer (with consent)."""

    home_at_risk = models.ForeignKey(HomeAtRisk, on_delete=models.CASCADE, related_name="referrals")
    housing_authority = models.CharField(max_length=120)
    referred_on = models.DateField()
    their_reference = models.CharField(max_length=60, blank=True)
    outcome = models.CharField(
        max_length=20, choices=ReferralOutcome.choices, default=ReferralOutcome.WAITING
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["referred_on", "pk"]

    def __str__(self) -> str:
        return self.housing_authority


class CustodyRelease(models.Model):
    """A known release date from custody: accommodation planning starts eight weeks before."""

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="custody_releases"
    )
    release_on = models.DateField("release date")
    establishment = models.CharField("where they are held", max_length=120, blank=True)
    planning_from = models.DateField()
    accommodation_plan = models.TextField("where they will live", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-release_on", "-pk"]

    def __str__(self) -> str:
        return f"Release on {self.release_on:%-d %B %Y}"


class Decision(models.TextChoices):
    SUPPORT = "support", "Support given"
    NOT_NEEDED = "not_needed", "Not needed now"
    DECLINED = "declined", "They declined"


class Support(models.TextChoices):
    FIND_HOME = "find_home", "Help to find a home"
    KEEP_HOME = "keep_home", "Help to keep a home"
    TENANCY = "tenancy", "Tenancy sustainment"
    ADVOCACY = "advocacy", "Advice and advocacy with housing"
    MONEY = "money", "Money and managing it"
    WELLBEING = "wellbeing", "Health and wellbeing"
    WORK = "work", "Education, training and work"
    RELATIONSHIPS = "relationships", "Family, friends and relationships"


class StayingCloseAssessment(models.Model):
    """The Children's Wellbeing and Schools Act 2026 s.7 assessment of a former relevant
    young person under 25, wherever they live."""

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="staying_close_assessments"
    )
    assessed_on = models.DateField()
    needs = models.TextField("needs found")
    decision = models.CharField(max_length=20, choices=Decision.choices)
    support = ArrayField(
        models.CharField(max_length=20, choices=Support.choices), default=list, blank=True
    )
    support_details = models.TextField("support to be given", blank=True)
    lives_out_of_area = models.BooleanField("lives outside the council's area", default=False)
    review_on = models.DateField("review by")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-assessed_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(review_on__gt=models.F("assessed_on")),
                name="staying_close_review_later",
            ),
        ]

    def __str__(self) -> str:
        return f"Staying Close assessment of {self.assessed_on:%-d %B %Y}"

    @property
    def support_labels(self) -> list[str]:
        labels = dict(Support.choices)
        return [labels.get(value, value) for value in self.support]


class NotificationKind(models.TextChoices):
    """What this app's notifications are about (registered in reminders.py)."""

    HOME_AT_RISK = "home_at_risk", "A home at risk needs action"
    CUSTODY_RELEASE = "custody_release", "Plan a home for a release from custody"
    RISK_AGREEMENT = "risk_agreement", "A high risk needs your agreement"
