"""Financial entitlements: schemes, awards, claims and the append-only ledger.

Money is always whole pence. An award's balance is the sum of its ledger entries: the
award itself (+), each payment (-) and any reversal (the opposite of what it reverses).
The database refuses to change or delete an entry, and refuses any entry that would
take an award below zero (see the triggers in migration 0003).
"""

from __future__ import annotations

import uuid
from pathlib import PurePath

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.utils import timezone

from common.uploads import private_storage
from people.models import Authority, LegalStatus, YoungPerson


class CapPeriod(models.TextChoices):
    LIFETIME = "lifetime", "Once, to use by the age limit"
    FINANCIAL_YEAR = "year", "Each financial year (April to March)"
    PER_CLAIM = "claim", "Each claim"


class Entitlement(models.TextChoices):
    """The entitlements councils are compared on (offer/region_views.py), in that order."""

    SETTING_UP_HOME = "setting_up_home", "Setting up home allowance"
    HIGHER_EDUCATION = "higher_education", "Higher education bursary"
    COUNCIL_TAX = "council_tax", "Council tax exemption"
    DRIVING_LESSONS = "driving_lessons", "Driving lessons"
    BIRTHDAY = "birthday", "Birthday grant"
    FESTIVAL = "festival", "Festival grant (such as Christmas or Eid)"


class Scheme(models.Model):
    """A kind of money the council gives care leavers, such as the setting up home allowance.

    Amounts and rules are data an administrator edits, never constants in code.
    """

    authority = models.ForeignKey(Authority, on_delete=models.PROTECT, related_name="schemes")
    code = models.SlugField(max_length=60, help_text="A short name that stays the same.")
    name = models.CharField(max_length=120)
    description = models.TextField(blank=True, help_text="In plain words, for care leavers.")
    cap_pence = models.PositiveIntegerField(
        "most that can be awarded (pence)", null=True, blank=True
    )
    cap_period = models.CharField(
        max_length=10, choices=CapPeriod.choices, default=CapPeriod.LIFETIME
    )
    min_age = models.PositiveSmallIntegerField(default=16)
    max_age = models.PositiveSmallIntegerField(
        default=25, help_text="The money must be used before this birthday."
    )
    eligible_statuses = ArrayField(
        models.CharField(max_length=20, choices=LegalStatus.choices),
        default=list,
        blank=True,
        help_text="Leave empty for every legal status.",
    )
    evidence = models.CharField(
        "evidence needed",
        max_length=200,
        blank=True,
        help_text="For example, a receipt or a quote. Leave empty if none is needed.",
    )
    yearly_budget_pence = models.PositiveIntegerField(
        "budget for the financial year (pence)", null=True, blank=True
    )
    pa_approval_limit_pence = models.PositiveIntegerField(
        "a PA approves claims up to (pence)",
        default=50000,
        help_text="Claims above this need a manager.",
    )
    is_active = models.BooleanField(default=True)
    entitlement = models.CharField(
        "compared as",
        max_length=30,
        choices=Entitlement.choices,
        blank=True,
        help_text="Which entitlement this is when councils are compared. Leave empty if none.",
    )
    checked_on = models.DateField(
        "amounts last checked on",
        null=True,
        blank=True,
        help_text="When someone last checked the amount and ages are right.",
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["authority", "code"], name="scheme_code_unique"),
            models.UniqueConstraint(
                fields=["authority", "entitlement"],
                condition=Q(is_active=True) & ~Q(entitlement=""),
                name="one_active_scheme_per_entitlement",
            ),
            models.CheckConstraint(
                condition=Q(min_age__lte=models.F("max_age")), name="scheme_ages_in_order"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Award(models.Model):
    """A scheme granted to a young person. Its balance is the sum of its ledger entries."""

    young_person = models.ForeignKey(YoungPerson, on_delete=models.PROTECT, related_name="awards")
    scheme = models.ForeignKey(Scheme, on_delete=models.PROTECT, related_name="awards")
    amount_pence = models.PositiveIntegerField()
    awarded_on = models.DateField()
    expires_on = models.DateField(null=True, blank=True, help_text="Use it by this date.")
    awarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-awarded_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount_pence__gt=0), name="award_is_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.scheme} for young person {self.young_person_id}"


class ClaimState(models.TextChoices):
    WAITING = "waiting", "Waiting for a decision"
    APPROVED = "approved", "Approved, waiting to be paid"
    REFUSED = "refused", "Refused"
    PAID = "paid", "Paid"
    REVERSED = "reversed", "Payment reversed"
    WITHDRAWN = "withdrawn", "Withdrawn"


def _receipt_path(claim: Claim, filename: str) -> str:
    return f"receipts/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


class Claim(models.Model):
    """A request for money from an award, with what it is for and a receipt or quote."""

    award = models.ForeignKey(Award, on_delete=models.PROTECT, related_name="claims")
    amount_pence = models.PositiveIntegerField("amount asked for (pence)")
    purpose = models.CharField("what it is for", max_length=300)
    receipt = models.FileField(
        upload_to=_receipt_path, storage=private_storage, max_length=200, blank=True
    )
    receipt_type = models.CharField(max_length=100, blank=True)
    state = models.CharField(max_length=10, choices=ClaimState.choices, default="waiting")
    approved_pence = models.PositiveIntegerField(null=True, blank=True)
    reason = models.TextField(blank=True, help_text="Why it was refused or part approved.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    # Taken back before a decision, by the young person or their PA: the claim stays.
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["state"], condition=Q(state="waiting"), name="claim_waiting_idx")
        ]
        constraints = [
            models.CheckConstraint(condition=Q(amount_pence__gt=0), name="claim_is_positive"),
            models.CheckConstraint(
                condition=Q(approved_pence__isnull=True)
                | Q(approved_pence__gt=0, approved_pence__lte=models.F("amount_pence")),
                name="approved_within_claim",
            ),
            models.CheckConstraint(
                condition=~Q(state__in=["approved", "paid", "reversed"])
                | Q(approved_pence__isnull=False),
                name="approved_claim_has_amount",
            ),
            models.CheckConstraint(
                condition=~Q(state="withdrawn")
                | Q(withdrawn_at__isnull=False, withdrawn_by__isnull=False),
                name="withdrawn_claim_says_who_and_when",
            ),
        ]

    def __str__(self) -> str:
        return f"Claim {self.pk}"


class EntryKind(models.TextChoices):
    AWARD = "award", "Awarded"
    PAYMENT = "payment", "Paid"
    REVERSAL = "reversal", "Reversed"


class PaymentBatch(models.Model):
    """One payment run: the payments sent together to the council's finance system."""

    authority = models.ForeignKey(Authority, on_delete=models.PROTECT, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name_plural = "payment batches"

    def __str__(self) -> str:
        return f"Payment run {self.pk}"


class LedgerEntry(models.Model):
    """One movement of money on an award. Never updated or deleted: reversed instead."""

    award = models.ForeignKey(Award, on_delete=models.PROTECT, related_name="entries")
    kind = models.CharField(max_length=10, choices=EntryKind.choices)
    amount_pence = models.IntegerField(help_text="+ adds to what is left, - takes from it.")
    idempotency_key = models.CharField(max_length=100, unique=True)
    claim = models.ForeignKey(
        Claim, on_delete=models.PROTECT, related_name="entries", null=True, blank=True
    )
    batch = models.ForeignKey(
        PaymentBatch, on_delete=models.PROTECT, related_name="entries", null=True, blank=True
    )
    reverses = models.OneToOneField(
        "self", on_delete=models.PROTECT, related_name="reversed_by", null=True, blank=True
    )
    note = models.CharField(max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name_plural = "ledger entries"
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="award") & Q(amount_pence__gt=0))
                | (Q(kind="payment") & Q(amount_pence__lt=0))
                | (Q(kind="reversal") & ~Q(amount_pence=0)),
                name="entry_sign_matches_kind",
            ),
            models.CheckConstraint(
                condition=~Q(kind="payment") | Q(claim__isnull=False, batch__isnull=False),
                name="payment_has_claim_and_batch",
            ),
            models.CheckConstraint(
                condition=~Q(kind="reversal") | Q(reverses__isnull=False),
                name="reversal_names_its_entry",
            ),
            # A claim is paid once, whatever arrives twice.
            models.UniqueConstraint(
                fields=["claim"], condition=Q(kind="payment"), name="one_payment_per_claim"
            ),
            models.UniqueConstraint(
                fields=["award"], condition=Q(kind="award"), name="one_award_entry_per_award"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.amount_pence}p"


class NotificationKind(models.TextChoices):
    """What this app's notifications are about (registered in reminders.py)."""

    AWARD_UNSPENT = "award_unspent", "Money that has not been used yet"
    CLAIM_MADE = "claim_made", "A claim is waiting for a decision"
    CLAIM_APPROVED = "claim_approved", "Your claim is approved"
    CLAIM_REFUSED = "claim_refused", "Your claim was not approved"
    CLAIM_PAID = "claim_paid", "Your money has been paid"
    CLAIM_REVERSED = "claim_reversed", "A payment to you was taken back"
