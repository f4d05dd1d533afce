"""Good endings: a handover when a young person's PA changes, and an ending when support stops.

One open record per young person at a time (the database keeps it so). Each step is a
field that is filled in when it is done; what is late is worked out from the dates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from people.models import Allocation, YoungPerson

# How long after the start each step should take, when there is no leaving date to meet.
SUMMARY_DAYS = 7
TELL_DAYS = 7


class Kind(models.TextChoices):
    HANDOVER = "handover", "Handover to a new PA"
    ENDING = "ending", "Support ending"


class Reason(models.TextChoices):
    PA_LEAVING = "pa_leaving", "Their PA is leaving"
    REALLOCATED = "reallocated", "Moved to another PA"
    ALLOCATION_ENDED = "allocation_ended", "Their PA stopped working with them"
    TURNING_25 = "turning_25", "Turning 25"
    SUPPORT_ENDED = "support_ended", "Support ended"
    YOUNG_PERSON_CHOICE = "young_person_choice", "They chose to stop having support"


class ToldHow(models.TextChoices):
    PORTAL_AND_EMAIL = "email", "By email, from the portal"
    PORTAL = "portal", "In the portal"
    TEXT = "text", "Text message"
    PHONE = "phone", "Phone call"
    LETTER = "letter", "Letter"
    IN_PERSON = "in_person", "In person"


class CheckOutcome(models.TextChoices):
    IN_TOUCH = "in_touch", "The new PA has been in touch"
    ESCALATED = "escalated", "No contact yet: the manager was told"


class StayInTouch(models.TextChoices):
    YES = "yes", "Yes, they would like us to stay in touch"
    NO = "no", "No, they would rather we did not"


class Handover(models.Model):
    young_person = models.ForeignKey(YoungPerson, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    reason = models.CharField(max_length=30, choices=Reason.choices)
    from_pa = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    from_allocation = models.ForeignKey(
        Allocation, on_delete=models.PROTECT, related_name="+", null=True
    )
    to_allocation = models.ForeignKey(
        Allocation, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    due_on = models.DateField(help_text="The PA's last day, or the day support ends.")
    started_at = models.DateTimeField(default=timezone.now)

    summary = models.TextField(blank=True)
    summary_at = models.DateTimeField(null=True, blank=True)
    summary_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    # A handover's steps
    told_at = models.DateTimeField(null=True, blank=True)
    told_how = models.CharField(max_length=10, choices=ToldHow.choices, blank=True)
    intro_on = models.DateField("introduction meeting held on", null=True, blank=True)
    check_due_on = models.DateField(null=True, blank=True)
    checked_at = models.DateTimeField(null=True, blank=True)
    check_outcome = models.CharField(max_length=10, choices=CheckOutcome.choices, blank=True)
    # An ending's steps
    signposting = models.TextField(blank=True)
    stay_in_touch = models.CharField(max_length=3, choices=StayInTouch.choices, blank=True)

    closed_at = models.DateTimeField(null=True, blank=True)
    # Closed without being done (the PA's leaving date was cancelled before it started):
    # the record stays, with why and who.
    cancelled_reason = models.CharField(max_length=200, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    revision = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["due_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["young_person"],
                condition=Q(closed_at__isnull=True),
                name="one_open_handover_per_young_person",
            ),
            models.CheckConstraint(
                condition=Q(check_outcome="") | Q(checked_at__isnull=False),
                name="handover_check_has_a_time",
            ),
            models.CheckConstraint(
                condition=Q(cancelled_reason="") | Q(closed_at__isnull=False),
                name="cancelled_handover_is_closed",
            ),
        ]
        indexes = [
            models.Index(
                fields=["check_due_on"],
                condition=Q(closed_at__isnull=True, kind="handover"),
                name="handover_check_due_idx",
            )
        ]

    def __str__(self) -> str:
        return f"Handover {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("handovers:detail", args=[self.pk])

    @property
    def is_cancelled(self) -> bool:
        return bool(self.cancelled_reason)

    @property
    def has_started(self) -> bool:
        """Whether any step has been done: a handover that has not started can be cancelled."""
        return bool(
            self.summary_at or self.to_allocation_id or self.told_at or self.intro_on
        ) or bool(self.signposting or self.stay_in_touch)

    @property
    def is_handover(self) -> bool:
        return self.kind == Kind.HANDOVER

    @property
    def new_pa_started_on(self) -> dt.date | None:
        return self.to_allocation.started_on if self.to_allocation_id else None

    def steps(self, today: dt.date) -> list[Step]:
        """Each step, whether it is done, and whether it is late on `today`."""
        summary_by = max(self.due_on, self.started_at.date() + dt.timedelta(days=SUMMARY_DAYS))
        if self.kind == Kind.ENDING:
            return [
                Step("summary", "Write an ending summary", bool(self.summary_at), summary_by),
                Step("signposting", "Signpost other help", bool(self.signposting), self.due_on),
                Step(
                    "stay_in_touch", "Offer to stay in touch", bool(self.stay_in_touch), self.due_on
                ),
            ]
        started = self.new_pa_started_on
        steps = [
            Step("summary", "Write a handover summary", bool(self.summary_at), summary_by),
            Step("new_pa", "Allocate a new PA", bool(self.to_allocation_id), self.due_on),
        ]
        if started is None:
            steps += [
                Step("tell", "Tell them who their new PA is", False, None),
                Step("intro", "Hold an introduction meeting", False, None),
                Step("check", "Check the new PA is in touch", False, None),
            ]
        else:
            check_on = self.check_due_on
            steps += [
                Step(
                    "tell",
                    "Tell them who their new PA is",
                    bool(self.told_at),
                    started + dt.timedelta(days=TELL_DAYS),
                ),
                Step("intro", "Hold an introduction meeting", bool(self.intro_on), check_on),
                Step(
                    "check",
                    "Check the new PA is in touch",
                    self.check_outcome == CheckOutcome.IN_TOUCH,
                    check_on,
                ),
            ]
        for step in steps:
            step.is_late = not step.is_done and step.due_on is not None and today > step.due_on
        return steps

    def late_steps(self, today: dt.date) -> list[Step]:
        return [step for step in self.steps(today) if step.is_late]


@dataclass
class Step:
    """One step of a handover or ending, as shown in its task list."""

    name: str
    label: str
    is_done: bool
    due_on: dt.date | None
    is_late: bool = False


class NotificationKind(models.TextChoices):
    """What this app's notifications are about (registered in reminders.py)."""

    SUPPORT_ENDING = "support_ending", "Support from the leaving care service is ending"
    HANDOVER = "handover", "A handover needs you"
    # These two come in bursts (a PA's leaving date starts one for each young person), so
    # they are emailed once a day, together (registered as a digest in reminders.py).
    HANDOVER_SUMMARY = "handover_summary", "Write a handover summary"
    HANDOVER_NEW_PA = "handover_new_pa", "A young person needs a new PA"
    NEW_ON_CASELOAD = "new_on_caseload", "A young person is allocated to you"
    HANDOVER_LATE = "handover_late", "A new PA has not been in touch yet"
    NEW_PA = "new_pa", "You have a new personal adviser"
