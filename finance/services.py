"""Writes about money. Each is one transaction; approving and paying lock the award row.

The ledger is the truth: an award's balance is the sum of its entries, and the database
refuses an entry that would take it below zero or pay a claim twice.
"""

from __future__ import annotations

import copy
import datetime as dt

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from common.dates import birthday
from common.errors import DomainError
from common.uploads import check_upload
from finance.models import (
    Award,
    CapPeriod,
    Claim,
    ClaimState,
    EntryKind,
    LedgerEntry,
    NotificationKind,
    PaymentBatch,
    Scheme,
)
from finance.money import financial_year, pounds
from finance.selectors import payment_summary
from notifications.services import Reminder, for_young_person, notify_all, notify_pa
from people.audit import log_in_bulk
from people.models import Role, User, YoungPerson


class FinanceError(DomainError):
    """Something the money rules do not allow; the message is shown to the person."""


# An award of a council whose support of the young person moved to another council.
MOVED_AWAY = "This money was from a council that no longer supports them, so it cannot be used"


def expiry_for(scheme: Scheme, young_person: YoungPerson, awarded_on: dt.date) -> dt.date:
    """The last day the award can be used: the day before the age limit, or the year's end."""
    last = birthday(young_person.date_of_birth, scheme.max_age) - dt.timedelta(days=1)
    if scheme.cap_period == CapPeriod.FINANCIAL_YEAR:
        last = min(last, financial_year(awarded_on)[1])
    return last


def balance_of(award: Award) -> int:
    return award.entries.aggregate(total=Coalesce(Sum("amount_pence"), 0))["total"]


def committed_of(award: Award) -> int:
    """Approved but not yet paid: promised, so not available to another claim."""
    return award.claims.filter(state=ClaimState.APPROVED).aggregate(
        total=Coalesce(Sum("approved_pence"), 0)
    )["total"]


def available_of(award: Award) -> int:
    return balance_of(award) - committed_of(award)


def _check_amount(pence: int) -> None:
    if pence is None or pence <= 0:
        raise FinanceError("Enter an amount more than £0", field="amount")


def award_grant(
    *,
    young_person: YoungPerson,
    scheme: Scheme,
    amount_pence: int,
    by: User,
    today: dt.date | None = None,
) -> Award:
    """Give a young person money from a scheme, within its cap, ages and statuses."""
    today = today or timezone.localdate()
    _check_amount(amount_pence)
    if not scheme.is_active or scheme.authority_id != young_person.authority_id:
        raise FinanceError("Choose one of the council's current schemes")
    age = young_person.age_on(today)
    if not scheme.min_age <= age < scheme.max_age:
        raise FinanceError(
            f"{scheme.name} is for young people from {scheme.min_age} until they turn "
            f"{scheme.max_age}; {young_person.known_as} is {age}"
        )
    if scheme.eligible_statuses and young_person.legal_status not in scheme.eligible_statuses:
        raise FinanceError(
            f"{young_person.known_as}'s legal status is not one {scheme.name} is for"
        )
    if not young_person.allocations.filter(ended_on__isnull=True).exists():
        raise FinanceError(
            f"Allocate a PA to {young_person.known_as} first: their PA decides their claims"
        )
    with transaction.atomic(), set_actor(by):
        # One award at a time per young person, so two cannot both fit under the cap.
        YoungPerson.objects.select_for_update().get(pk=young_person.pk)
        if scheme.cap_pence is not None and scheme.cap_period != CapPeriod.PER_CLAIM:
            earlier = LedgerEntry.objects.filter(
                award__young_person=young_person, award__scheme=scheme
            )
            if scheme.cap_period == CapPeriod.FINANCIAL_YEAR:
                start, end = financial_year(today)
                earlier = earlier.filter(award__awarded_on__range=(start, end))
            # What is still awarded: award entries less any reversals of them.
            earlier = earlier.filter(
                Q(kind=EntryKind.AWARD) | Q(kind=EntryKind.REVERSAL, reverses__kind=EntryKind.AWARD)
            )
            given = earlier.aggregate(total=Coalesce(Sum("amount_pence"), 0))["total"]
            if given + amount_pence > scheme.cap_pence:
                raise FinanceError(
                    f"That is more than the {pounds(scheme.cap_pence)} cap: "
                    f"{pounds(given)} is already awarded"
                )
        award = Award.objects.create(
            young_person=young_person,
            scheme=scheme,
            amount_pence=amount_pence,
            awarded_on=today,
            expires_on=expiry_for(scheme, young_person, today),
            awarded_by=by,
        )
        LedgerEntry.objects.create(
            award=award,
            kind=EntryKind.AWARD,
            amount_pence=amount_pence,
            idempotency_key=f"award:{award.pk}",
            created_by=by,
        )
    return award


def claim_make(
    *,
    award: Award,
    amount_pence: int,
    purpose: str,
    receipt: UploadedFile | None,
    by: User,
    today: dt.date | None = None,
) -> Claim:
    """Ask for money from an award: what for, and a receipt or quote when the scheme needs one."""
    today = today or timezone.localdate()
    _check_amount(amount_pence)
    if by.role == Role.CARE_LEAVER and award.young_person.user_id != by.pk:
        raise FinanceError("You can only claim from your own money")
    if award.scheme.authority_id != award.young_person.authority_id:
        raise FinanceError(MOVED_AWAY)
    if not purpose.strip():
        raise FinanceError("Say what the money is for", field="purpose")
    if award.expires_on and today > award.expires_on:
        raise FinanceError(f"This money had to be used by {award.expires_on:%-d %B %Y}")
    scheme = award.scheme
    per_claim = scheme.cap_period == CapPeriod.PER_CLAIM and scheme.cap_pence is not None
    if per_claim and amount_pence > scheme.cap_pence:
        raise FinanceError(f"Each claim can be up to {pounds(scheme.cap_pence)}", field="amount")
    checked = None
    if receipt:
        try:
            checked = check_upload(receipt)
        except ValidationError as error:
            raise FinanceError(error.messages[0], field="receipt") from error
    elif scheme.evidence:
        raise FinanceError(
            f"Add {scheme.evidence[0].lower()}{scheme.evidence[1:]}", field="receipt"
        )
    with transaction.atomic(), set_actor(by):
        Award.objects.select_for_update().get(pk=award.pk)
        left = available_of(award)
        if amount_pence > left:
            raise FinanceError(
                f"That is more than is left: you can ask for up to {pounds(left)}", field="amount"
            )
        claim = Claim(
            award=award, amount_pence=amount_pence, purpose=purpose.strip(), created_by=by
        )
        if checked:
            claim.receipt_type = checked.content_type
            claim.receipt.save(f"receipt{checked.extension}", checked.file, save=False)
        try:
            claim.save()
        except Exception:
            if claim.receipt:
                claim.receipt.delete(save=False)
            raise
        person = award.young_person
        notify_pa(
            young_person_id=person.pk,
            by=by,
            key=f"claim-made:{claim.pk}",
            kind=NotificationKind.CLAIM_MADE,
            message=f"{person.full_name} asked for {_what(claim, amount_pence)}.",
            link=reverse("finance:claim-detail", args=[claim.pk]),
        )
    return claim


def _told(claim: Claim, kind: str, message: str) -> Reminder | None:
    """What the young person is told of their claim, if they have an account to be told in."""
    return for_young_person(
        claim.award.young_person,
        key=f"{kind}:{claim.pk}",
        kind=kind,
        message=message,
        link=reverse("finance:my-money"),
    )


def _tell(reminders) -> None:
    notify_all([reminder for reminder in reminders if reminder is not None])


def _what(claim: Claim, pence: int) -> str:
    return f"{pounds(pence)} for “{claim.purpose}”"


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else f"{text}."


def may_decide(user: User, claim: Claim, amount_pence: int | None = None) -> bool:
    """A PA decides claims up to the scheme's limit; a manager any claim."""
    if user.role == Role.MANAGER:
        return True
    amount = claim.amount_pence if amount_pence is None else amount_pence
    return user.role == Role.PA and amount <= claim.award.scheme.pa_approval_limit_pence


def claim_approve(*, claim: Claim, amount_pence: int, reason: str, by: User) -> Claim:
    """Approve all of a claim, or part of it with a reason. The award row is locked."""
    _check_amount(amount_pence)
    if amount_pence > claim.amount_pence:
        raise FinanceError(f"You can approve up to the {pounds(claim.amount_pence)} asked for")
    if amount_pence < claim.amount_pence and not reason.strip():
        raise FinanceError("Say why only part of the claim is approved")
    if not may_decide(by, claim, amount_pence):
        limit = pounds(claim.award.scheme.pa_approval_limit_pence)
        raise FinanceError(f"Claims over {limit} need a manager to approve them")
    if by.role == Role.PA and claim.created_by_id == by.pk:
        raise FinanceError("You made this claim for them, so someone else must approve it")
    expires = claim.award.expires_on
    if expires and timezone.localdate() > expires:
        raise FinanceError(f"This money had to be used by {expires:%-d %B %Y}")
    with transaction.atomic(), set_actor(by):
        # The claim first, then the award: the same order as a payment run takes them.
        locked = Claim.objects.select_for_update().get(pk=claim.pk)
        award = Award.objects.select_for_update().get(pk=claim.award_id)
        if locked.state != ClaimState.WAITING:
            raise FinanceError("This claim has already been decided")
        supported_by = YoungPerson.objects.values_list("authority_id", flat=True)
        if supported_by.get(pk=award.young_person_id) != award.scheme.authority_id:
            raise FinanceError(MOVED_AWAY)
        left = available_of(award)
        if amount_pence > left:
            raise FinanceError(f"That is more than is left on the award ({pounds(left)})")
        locked.state, locked.approved_pence = ClaimState.APPROVED, amount_pence
        locked.reason = reason.strip()
        locked.decided_by, locked.decided_at = by, timezone.now()
        locked.save()
        part = f" Only part is approved: {_sentence(locked.reason)}" if locked.reason else ""
        _tell(
            [
                _told(
                    locked,
                    NotificationKind.CLAIM_APPROVED,
                    f"Your claim for {_what(locked, locked.amount_pence)} is approved: "
                    f"{pounds(amount_pence)} will be paid soon.{part}",
                )
            ]
        )
    return locked


def claim_refuse(*, claim: Claim, reason: str, by: User) -> Claim:
    if not reason.strip():
        raise FinanceError("Say why the claim is refused")
    if not may_decide(by, claim):
        raise FinanceError("Only a manager can decide this claim")
    with transaction.atomic(), set_actor(by):
        locked = Claim.objects.select_for_update().get(pk=claim.pk)
        if locked.state != ClaimState.WAITING:
            raise FinanceError("This claim has already been decided")
        locked.state, locked.reason = ClaimState.REFUSED, reason.strip()
        locked.decided_by, locked.decided_at = by, timezone.now()
        locked.save()
        _tell(
            [
                _told(
                    locked,
                    NotificationKind.CLAIM_REFUSED,
                    f"Your claim for {_what(locked, locked.amount_pence)} was not approved. "
                    f"The reason: {_sentence(locked.reason)} "
                    "Talk to your PA if you have questions.",
                )
            ]
        )
    return locked


def claim_withdraw(*, claim: Claim, by: User) -> Claim:
    """Take back a claim not yet decided. It stays, marked withdrawn with who and when; the
    ledger is untouched, since nothing was promised or paid."""
    if by.role == Role.CARE_LEAVER and claim.award.young_person.user_id != by.pk:
        raise FinanceError("You can only withdraw your own claims")
    with transaction.atomic(), set_actor(by):
        locked = Claim.objects.select_for_update().get(pk=claim.pk)
        if locked.state == ClaimState.WITHDRAWN:
            raise FinanceError("This claim is already withdrawn")
        if locked.state != ClaimState.WAITING:
            raise FinanceError(
                "This claim has already been decided, so it cannot be withdrawn. "
                "Talk to the PA if something is wrong."
            )
        locked.state, locked.withdrawn_by, locked.withdrawn_at = (
            ClaimState.WITHDRAWN,
            by,
            timezone.now(),
        )
        locked.save(update_fields=["state", "withdrawn_by", "withdrawn_at"])
    return locked


def payment_run(*, authority_id: int, by: User, seen: str | None = None) -> PaymentBatch | None:
    """Pay every approved claim once, in one batch. Two runs at once take different claims.

    `seen` is the fingerprint of the summary the manager confirmed (`payment_summary`): if
    the claims this run would pay are not exactly those, nothing is paid."""
    if by.role != Role.MANAGER:
        raise FinanceError("Only a manager can make a payment run")
    with transaction.atomic(), set_actor(by):
        claims = list(
            Claim.objects.filter(
                state=ClaimState.APPROVED, award__scheme__authority_id=authority_id
            )
            .select_related("award__scheme", "award__young_person")
            .select_for_update(skip_locked=True, of=("self",))
            # Awards are locked in one order, so two runs cannot wait on each other.
            .order_by("award_id", "pk")
        )
        if seen is not None and payment_summary(claims)["seen"] != seen:
            raise FinanceError(
                "The approved claims changed after you opened the summary. Nothing is paid: "
                "check the new summary, then confirm again."
            )
        if not claims:
            return None
        batch = PaymentBatch.objects.create(authority_id=authority_id, created_by=by)
        # In bulk, whatever the number of claims: the awards locked in one query, in one
        # order (pk), so two runs cannot wait on each other; the ledger's triggers check each
        # entry as they would one by one, and the audit trail is the same.
        award_ids = sorted({claim.award_id for claim in claims})
        list(
            Award.objects.select_for_update()
            .filter(pk__in=award_ids)
            .order_by("pk")
            .values_list("pk")
        )
        entries = LedgerEntry.objects.bulk_create(
            LedgerEntry(
                award_id=claim.award_id,
                kind=EntryKind.PAYMENT,
                amount_pence=-claim.approved_pence,
                idempotency_key=f"payment:{claim.pk}",
                claim=claim,
                batch=batch,
                created_by=by,
            )
            for claim in claims
        )
        Claim.objects.filter(pk__in=[claim.pk for claim in claims]).update(state=ClaimState.PAID)
        written = []
        for entry, claim in zip(entries, claims, strict=True):
            # A payment just made has not been reversed: the audit need not ask each one.
            LedgerEntry.reversed_by.related.set_cached_value(entry, None)
            before = copy.copy(claim)
            claim.state = ClaimState.PAID
            written += [(None, entry, None), (before, claim, ["state"])]
        log_in_bulk(written)
        _tell(
            _told(
                claim,
                NotificationKind.CLAIM_PAID,
                f"{_what(claim, claim.approved_pence)} has been paid to you.",
            )
            for claim in claims
        )
    return batch


def entry_reverse(*, entry: LedgerEntry, reason: str, by: User) -> LedgerEntry:
    """Correct a mistake with an opposite entry; a reversed payment reopens nothing."""
    if by.role != Role.MANAGER:
        raise FinanceError("Only a manager can reverse a payment or an award")
    if not reason.strip():
        raise FinanceError("Say why it is being reversed")
    if entry.kind == EntryKind.REVERSAL:
        raise FinanceError("A reversal cannot itself be reversed; make a new award instead")
    try:
        with transaction.atomic(), set_actor(by):
            award = Award.objects.select_for_update().get(pk=entry.award_id)
            if entry.kind == EntryKind.AWARD and available_of(award) < entry.amount_pence:
                raise FinanceError(
                    "Some of this award is approved or paid out, so it cannot be taken back"
                )
            reversal = LedgerEntry.objects.create(
                award_id=entry.award_id,
                kind=EntryKind.REVERSAL,
                amount_pence=-entry.amount_pence,
                idempotency_key=f"reversal:{entry.pk}",
                reverses=entry,
                claim=entry.claim,
                note=reason.strip(),
                created_by=by,
            )
            if entry.kind == EntryKind.PAYMENT:
                Claim.objects.filter(pk=entry.claim_id).update(state=ClaimState.REVERSED)
                claim = Claim.objects.select_related("award__young_person").get(pk=entry.claim_id)
                _tell(
                    [
                        _told(
                            claim,
                            NotificationKind.CLAIM_REVERSED,
                            f"The payment of {_what(claim, -entry.amount_pence)} was taken "
                            f"back. The reason: {_sentence(reason)} Your PA can tell you more.",
                        )
                    ]
                )
    except IntegrityError as error:
        if "below zero" in str(error):
            raise FinanceError(
                "Some of this award has been paid out, so it cannot be taken back"
            ) from error
        raise FinanceError("This entry has already been reversed") from error
    return reversal
