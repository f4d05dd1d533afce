"""Reads about money, scoped to who is asking. Balances are sums of the ledger, in SQL."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from common.confirm import fingerprint
from common.figures import during
from finance.models import Award, Claim, ClaimState, EntryKind, LedgerEntry, PaymentBatch, Scheme
from finance.money import financial_year
from people.models import Role, User, YoungPerson

# Money paid out of awards: payments (negative) and reversals of payments (positive).
MONEY_OUT = Q(kind=EntryKind.PAYMENT) | Q(kind=EntryKind.REVERSAL, amount_pence__gt=0)


def _sum(queryset, field: str = "amount_pence"):
    total = queryset.values("award").annotate(total=Sum(field)).values("total")
    return Coalesce(Subquery(total, output_field=IntegerField()), 0)


def awards_for(person: YoungPerson) -> QuerySet[Award]:
    """Each award with `left` (its ledger balance) and `used` (paid, less reversals)."""
    entries = LedgerEntry.objects.filter(award=OuterRef("pk"))
    return (
        Award.objects.filter(young_person=person)
        .select_related("scheme")
        .annotate(left=_sum(entries))
        .annotate(used=F("amount_pence") - F("left"))
        .order_by("expires_on", "pk")
    )


def usable_awards(person: YoungPerson, today: dt.date) -> list[Award]:
    """Awards with money left that can still be used: what a claim can be made from (a
    council that no longer supports them pays no more from its awards)."""
    return [
        a
        for a in awards_for(person)
        if a.left > 0
        and (a.expires_on is None or a.expires_on >= today)
        and a.scheme.authority_id == person.authority_id
    ]


def approved_unpaid_count(authority_id: int) -> int:
    return Claim.objects.filter(
        state=ClaimState.APPROVED, award__scheme__authority_id=authority_id
    ).count()


def payment_summary(claims: list[Claim]) -> dict:
    """What a payment run of these approved claims pays: how many, the total, and each
    scheme's count and total; `seen` fingerprints exactly which claims, for how much."""
    schemes: dict[int, dict] = {}
    for claim in claims:
        row = schemes.setdefault(
            claim.award.scheme_id, {"name": claim.award.scheme.name, "count": 0, "total_pence": 0}
        )
        row["count"] += 1
        row["total_pence"] += claim.approved_pence
    return {
        "count": len(claims),
        "total_pence": sum(row["total_pence"] for row in schemes.values()),
        "schemes": sorted(schemes.values(), key=lambda row: row["name"]),
        "seen": fingerprint(sorted([claim.pk, claim.approved_pence] for claim in claims)),
    }


def payment_run_preview(authority_id: int) -> dict:
    """The summary of the payment run a manager would make now (see `payment_summary`)."""
    claims = Claim.objects.filter(
        state=ClaimState.APPROVED, award__scheme__authority_id=authority_id
    ).select_related("award__scheme")
    return payment_summary(list(claims))


def claims_for(person: YoungPerson) -> QuerySet[Claim]:
    return (
        Claim.objects.filter(award__young_person=person)
        .select_related("award__scheme", "withdrawn_by")
        .order_by("-created_at", "-pk")
    )


def own_claim(user: User, claim_id: int) -> Claim | None:
    """One of the care leaver's own claims, or None (never someone else's)."""
    return (
        Claim.objects.filter(pk=claim_id, award__young_person__user=user)
        .select_related("award__scheme", "award__young_person")
        .first()
    )


def entries_for(person: YoungPerson) -> QuerySet[LedgerEntry]:
    return (
        LedgerEntry.objects.filter(award__young_person=person)
        .select_related("award__scheme", "created_by", "reversed_by")
        .order_by("-created_at", "-pk")
    )


def own_award(user: User, award_id) -> Award | None:
    """One of the care leaver's own awards, or None (never someone else's)."""
    return (
        Award.objects.filter(pk=award_id, young_person__user=user)
        .select_related("scheme", "young_person")
        .first()
    )


def claims_waiting_for(user: User) -> QuerySet[Claim]:
    """Claims this person decides: a PA, their young people's within the PA limit; a
    manager, everything waiting for their teams' young people. Oldest first."""
    current = Q(award__young_person__allocations__ended_on__isnull=True, state=ClaimState.WAITING)
    if user.role == Role.PA:
        scope = current & Q(
            award__young_person__allocations__pa=user,
            amount_pence__lte=F("award__scheme__pa_approval_limit_pence"),
        )
    elif user.role == Role.MANAGER:
        scope = current & Q(award__young_person__allocations__pa__team__manager=user)
    else:
        return Claim.objects.none()
    claims = Claim.objects.filter(scope)
    if user.role == Role.PA:
        claims = claims.exclude(created_by=user)  # someone else approves what a PA asked for
    return claims.select_related("award__scheme", "award__young_person", "created_by").order_by(
        "created_at", "pk"
    )


def claim_for_staff(user: User, claim_id: int) -> Claim | None:
    """A claim for a young person this staff member works with (their PA or team manager)."""
    # Both conditions in one filter, so they hold for the same (current) allocation.
    current = {"award__young_person__allocations__ended_on": None}
    if user.role == Role.PA:
        claims = Claim.objects.filter(
            pk=claim_id, award__young_person__allocations__pa=user, **current
        )
    elif user.role == Role.MANAGER:
        claims = Claim.objects.filter(
            pk=claim_id, award__young_person__allocations__pa__team__manager=user, **current
        )
    else:
        return None
    return claims.select_related("award__scheme", "award__young_person", "created_by").first()


def spend_against_budget(authority_id: int, day: dt.date) -> list[Scheme]:
    """Each scheme with awarded, paid and waiting-to-be-paid this financial year, and budget.

    Two grouped queries over the council's own awards, then set on the schemes. (A subquery
    per scheme, filtered on each entry's local date, left the planner guessing how many
    entries a year holds: it scanned the whole ledger once per scheme.)"""
    start, end = financial_year(day)
    zone = timezone.get_current_timezone()
    since = dt.datetime.combine(start, dt.time(), tzinfo=zone)
    until = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), tzinfo=zone)
    in_year = (
        LedgerEntry.objects.filter(
            award__scheme__authority_id=authority_id, created_at__gte=since, created_at__lt=until
        )
        .values("award__scheme")
        .annotate(
            awarded=Sum("amount_pence", filter=Q(kind=EntryKind.AWARD)),
            paid_out=Sum("amount_pence", filter=MONEY_OUT),
        )
    )
    totals = {row["award__scheme"]: row for row in in_year}
    approved = dict(
        Claim.objects.filter(award__scheme__authority_id=authority_id, state=ClaimState.APPROVED)
        .values("award__scheme")
        .annotate(total=Sum("approved_pence"))
        .values_list("award__scheme", "total")
    )
    schemes = list(Scheme.objects.filter(authority_id=authority_id).order_by("name"))
    for scheme in schemes:
        row = totals.get(scheme.pk, {})
        scheme.awarded = row.get("awarded") or 0
        scheme.paid = -(row.get("paid_out") or 0)
        scheme.approved = approved.get(scheme.pk) or 0
    return schemes


def batches_for(authority_id: int) -> QuerySet[PaymentBatch]:
    return PaymentBatch.objects.filter(authority_id=authority_id).select_related("created_by")


def batch_lines(batch: PaymentBatch) -> QuerySet[LedgerEntry]:
    return batch.entries.select_related("award__scheme", "award__young_person", "claim").order_by(
        "pk"
    )


def claims_in_teams(team_ids) -> QuerySet[Claim]:
    """Claims for young people whose current PA is in one of these teams."""
    return Claim.objects.filter(
        award__young_person__allocations__ended_on__isnull=True,
        award__young_person__allocations__pa__team__in=team_ids,
    )


def _made_in(field: str, months: list[tuple[dt.date, dt.date]]) -> Q:
    """Only the rows of the months asked for (today's alone, once the rest are kept)."""
    return during(field, months[0][0], months[-1][1]) if months else Q()


def claims_by_month(team_ids, months: list[tuple[dt.date, dt.date]]) -> tuple[list[int], int]:
    """(How many claims were made in each (first day, last day) month, how many wait for a
    decision now), in one query."""
    waiting = Q(state=ClaimState.WAITING)
    counts = (
        claims_in_teams(team_ids)
        .filter(_made_in("created_at", months) | waiting)
        .aggregate(
            waiting=Count("pk", filter=waiting),
            **{
                f"m{index}": Count("pk", filter=Q(created_at__date__range=month))
                for index, month in enumerate(months)
            },
        )
    )
    return [counts[f"m{index}"] for index in range(len(months))], counts["waiting"]


def paid_by_month(authority_id: int, months: list[tuple[dt.date, dt.date]]) -> list[int]:
    """Pence paid out (less reversals) in each (first day, last day) month, in one query."""
    totals = LedgerEntry.objects.filter(
        MONEY_OUT,
        _made_in("created_at", months),
        award__scheme__authority_id=authority_id,
    ).aggregate(
        **{
            f"m{index}": Coalesce(Sum("amount_pence", filter=Q(created_at__date__range=month)), 0)
            for index, month in enumerate(months)
        }
    )
    return [-totals[f"m{index}"] for index in range(len(months))]


def entitlement_schemes(authority_ids) -> dict[tuple[int, str], Scheme]:
    """Each council's active scheme for each compared entitlement, in one query."""
    rows = Scheme.objects.filter(authority_id__in=list(authority_ids), is_active=True).exclude(
        entitlement=""
    )
    return {(scheme.authority_id, scheme.entitlement): scheme for scheme in rows}
