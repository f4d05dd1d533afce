"""The PA duty rota: shifts, the weekly pattern, leave, swaps, the duty log, calendar feeds.

The database refuses a PA on two overlapping shifts, two overlapping shifts of the same
role, and a PA on a shift during their leave (exclusion constraints on time ranges and
the triggers in migration 0002).
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import RangeOperators
from django.db import models
from django.db.models import Func, Q
from django.utils import timezone

from people.models import Authority, YoungPerson


class TimeRange(Func):
    """tstzrange(starts_at, ends_at): the shift's time, for the exclusion constraints."""

    function = "TSTZRANGE"
    output_field = models.DateTimeField()


class DutyRole(models.TextChoices):
    DUTY = "duty", "Duty"
    BACKUP = "backup", "Back-up"


class Shift(models.Model):
    """A stretch of duty. `pa` is empty while the shift is unfilled."""

    authority = models.ForeignKey(Authority, on_delete=models.PROTECT, related_name="shifts")
    role = models.CharField(max_length=10, choices=DutyRole.choices, default=DutyRole.DUTY)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    pa = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="shifts",
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["starts_at", "role"]
        indexes = [models.Index(fields=["authority", "starts_at"], name="shift_start_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="shift_ends_after_it_starts"
            ),
            ExclusionConstraint(
                name="pa_on_one_shift_at_a_time",
                expressions=[
                    (TimeRange("starts_at", "ends_at"), RangeOperators.OVERLAPS),
                    ("pa", RangeOperators.EQUAL),
                ],
                condition=Q(pa__isnull=False),
                violation_error_message="This PA is already on another shift at that time.",
            ),
            ExclusionConstraint(
                name="one_shift_per_role_at_a_time",
                expressions=[
                    (TimeRange("starts_at", "ends_at"), RangeOperators.OVERLAPS),
                    ("authority", RangeOperators.EQUAL),
                    ("role", RangeOperators.EQUAL),
                ],
                violation_error_message="There is already a shift for this role at that time.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()} shift {self.pk}"


class LeaveKind(models.TextChoices):
    ANNUAL = "annual", "Annual leave"
    SICK = "sick", "Sick"
    TRAINING = "training", "Training"
    OTHER = "other", "Other"


class Leave(models.Model):
    """Days a PA is away (both days included). No shift may be given to them then."""

    pa = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="leave")
    starts_on = models.DateField()
    ends_on = models.DateField()
    kind = models.CharField(max_length=10, choices=LeaveKind.choices, default=LeaveKind.ANNUAL)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="leave_ends_after_it_starts"
            ),
        ]

    def __str__(self) -> str:
        return f"Leave {self.pk}"


class PatternSlot(models.Model):
    """One shift in the weekly pattern, e.g. Monday 9:00-17:00, duty."""

    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="pattern")
    weekday = models.PositiveSmallIntegerField(
        choices=[
            (0, "Monday"),
            (1, "Tuesday"),
            (2, "Wednesday"),
            (3, "Thursday"),
            (4, "Friday"),
            (5, "Saturday"),
            (6, "Sunday"),
        ]  # fmt: skip
    )
    role = models.CharField(max_length=10, choices=DutyRole.choices)
    starts = models.TimeField()
    ends = models.TimeField()

    class Meta:
        ordering = ["weekday", "starts", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "weekday", "role", "starts"], name="one_pattern_slot"
            ),
            models.CheckConstraint(condition=Q(ends__gt=models.F("starts")), name="slot_in_order"),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.starts:%H:%M}-{self.ends:%H:%M} {self.role}"


class SwapState(models.TextChoices):
    OPEN = "open", "Offered"
    TAKEN = "taken", "Taken"
    WITHDRAWN = "withdrawn", "Withdrawn"


class SwapOffer(models.Model):
    """A PA offers one of their shifts; a colleague takes it."""

    shift = models.ForeignKey(Shift, on_delete=models.CASCADE, related_name="offers")
    offered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    note = models.CharField(max_length=200, blank=True)
    state = models.CharField(max_length=10, choices=SwapState.choices, default=SwapState.OPEN)
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    closed_at = models.DateTimeField(null=True, blank=True)
    told_at = models.DateTimeField(
        null=True, blank=True, help_text="When both PAs were emailed about the swap."
    )

    class Meta:
        ordering = ["shift__starts_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["shift"], condition=Q(state="open"), name="one_open_offer_per_shift"
            ),
        ]

    def __str__(self) -> str:
        return f"Swap offer {self.pk}"


class Channel(models.TextChoices):
    PHONE = "phone", "Phone"
    TEXT = "text", "Text message"
    EMAIL = "email", "Email"
    IN_PERSON = "in_person", "In person"
    OTHER = "other", "Other"


class DutyEnquiry(models.Model):
    """One contact with the duty line, and what was done about it."""

    authority = models.ForeignKey(Authority, on_delete=models.PROTECT, related_name="+")
    received_at = models.DateTimeField()
    channel = models.CharField("how it came in", max_length=10, choices=Channel.choices)
    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="duty_enquiries", null=True, blank=True
    )
    caller = models.CharField(
        "who called", max_length=200, blank=True, help_text="Leave blank for an unknown caller."
    )
    about = models.TextField("what it was about")
    action = models.TextField("what was done")
    follow_up_by = models.DateTimeField("follow-up needed by", null=True, blank=True)
    followed_up_at = models.DateTimeField(null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name_plural = "duty enquiries"
        indexes = [
            models.Index(
                fields=["follow_up_by"],
                condition=Q(follow_up_by__isnull=False, followed_up_at__isnull=True),
                name="enquiry_follow_up_idx",
            )
        ]

    def __str__(self) -> str:
        return f"Duty enquiry {self.pk}"

    @property
    def caller_shown(self) -> str:
        if self.young_person_id:
            return self.young_person.full_name
        return self.caller or "Unknown caller"


class CalendarFeed(models.Model):
    """A PA's secret calendar address. Only a hash of its token is kept; revoking ends it."""

    pa = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feeds"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["pa"], condition=Q(revoked_at__isnull=True), name="one_live_feed_per_pa"
            )
        ]

    def __str__(self) -> str:
        return f"Calendar feed {self.pk}"

    @staticmethod
    def hash_token(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()


class NotificationKind(models.TextChoices):
    """What this app's notifications are about (registered in reminders.py)."""

    SHIFT_UNFILLED = "shift_unfilled", "A duty shift has nobody on it"
    SHIFT_TOMORROW = "shift_tomorrow", "You are on duty tomorrow"
    FOLLOW_UP_LATE = "follow_up_late", "A duty follow-up is late"
    SWAP_DONE = "swap_done", "A duty swap went through"
    LEAVING_GAPS = "leaving_gaps", "A PA who is leaving has left gaps on the duty rota"
