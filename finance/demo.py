"""Demo money: the council's schemes, and awards, claims and payments that fit each person.

Rows are written with past dates (the ledger's triggers still check every entry), so the
demo reads like a year of real use: paid claims in monthly payment runs, a few claims
waiting for the demo PA and one over the PA's limit for the demo manager.
"""

from __future__ import annotations

import datetime as dt
import random

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import timezone
from weasyprint import HTML

from finance.models import (
    Award,
    CapPeriod,
    Claim,
    ClaimState,
    Entitlement,
    EntryKind,
    LedgerEntry,
    PaymentBatch,
    Scheme,
)
from finance.services import available_of, claim_make, expiry_for
from people.demo import sign_ins
from people.models import Allocation, Authority, LegalStatus, User

LEFT_CARE = [LegalStatus.RELEVANT, LegalStatus.FORMER_RELEVANT]

# code, name, description, cap (pounds), period, ages, statuses, evidence, budget, PA limit
SCHEMES = [
    (
        "setting-up-home-allowance",
        "Setting up home allowance",
        "Money to buy what you need for your first home: furniture, a cooker, bedding, pots "
        "and pans. You can use it in parts until you are 25.",
        3000,
        CapPeriod.LIFETIME,
        (16, 25),
        LEFT_CARE,
        "A receipt or a quote",
        150000,
        500,
    ),
    (
        "higher-education-bursary",
        "Higher education bursary",
        "£2,000 if you go to university, paid in parts across your course.",
        2000,
        CapPeriod.LIFETIME,
        (18, 25),
        [LegalStatus.FORMER_RELEVANT],
        "A letter confirming your university place",
        40000,
        500,
    ),
    (
        "16-19-bursary",
        "16 to 19 bursary",
        "Up to £1,200 a year to help with travel, food and equipment while you are at "
        "school, college or training.",
        1200,
        CapPeriod.FINANCIAL_YEAR,
        (16, 19),
        [],
        "",
        30000,
        300,
    ),
    (
        "driving-lessons",
        "Driving lessons",
        "Up to £500 towards driving lessons and your theory test.",
        500,
        CapPeriod.LIFETIME,
        (17, 25),
        [],
        "A quote from a driving instructor",
        10000,
        250,
    ),
    (
        "birthday-gift",
        "Birthday grant",
        "£50 on your birthday, every year until you are 25.",
        50,
        CapPeriod.FINANCIAL_YEAR,
        (16, 25),
        [],
        "",
        12000,
        50,
    ),
    (
        "council-tax-exemption",
        "Council tax exemption",
        "If you live in Northmoor and pay council tax, we pay it for you until you are 25. "
        "This is a record of what we have paid.",
        1800,
        CapPeriod.FINANCIAL_YEAR,
        (18, 25),
        [LegalStatus.FORMER_RELEVANT],
        "Your council tax bill",
        60000,
        1800,
    ),
    (
        "apprenticeship-bursary",
        "Apprenticeship bursary",
        "£1,000 when you start an apprenticeship, for travel, clothes and tools.",
        1000,
        CapPeriod.LIFETIME,
        (16, 25),
        [],
        "Your apprenticeship offer letter",
        8000,
        500,
    ),
    (
        "christmas-gift",
        "Christmas gift",
        "£40 in December, for every care leaver we support.",
        40,
        CapPeriod.FINANCIAL_YEAR,
        (16, 25),
        [],
        "",
        9000,
        40,
    ),
    (
        "education-support-fund",
        "Education support fund",
        "Up to £500 a year for books, equipment and travel for your course.",
        500,
        CapPeriod.FINANCIAL_YEAR,
        (16, 25),
        [],
        "A letter or email from your college or course",
        20000,
        250,
    ),
    (
        "passport-and-id",
        "Passport and ID",
        "We pay for your first passport or provisional driving licence, so you can prove "
        "who you are.",
        150,
        CapPeriod.LIFETIME,
        (16, 25),
        [],
        "",
        6000,
        150,
    ),
    (
        "leisure-pass",
        "Leisure pass",
        "Up to £120 a year for the gym, swimming or a club.",
        120,
        CapPeriod.FINANCIAL_YEAR,
        (16, 25),
        [],
        "",
        9000,
        120,
    ),
    (
        "emergency-fund",
        "Emergency help",
        "Up to £100 at a time when something goes wrong: a lost bank card, no gas or "
        "electricity, no food until payday.",
        100,
        CapPeriod.PER_CLAIM,
        (16, 25),
        [],
        "",
        15000,
        100,
    ),
]

# What people claim for, per scheme: (purpose, pounds from, pounds to).
PURPOSES = {
    "setting-up-home-allowance": [
        ("Bed and mattress", 180, 420),
        ("Fridge freezer", 220, 380),
        ("Washing machine", 250, 400),
        ("Sofa", 200, 450),
        ("Pots, pans and plates", 40, 90),
        ("Curtains and bedding", 60, 140),
        ("Carpet for the bedroom", 150, 300),
        ("Microwave and kettle", 50, 110),
    ],
    "higher-education-bursary": [
        ("First term costs", 500, 700),
        ("Laptop for my course", 400, 650),
    ],
    "16-19-bursary": [
        ("Bus pass for college", 60, 120),
        ("Chef's knives and whites", 70, 150),
        ("Lunches this term", 80, 200),
    ],
    "driving-lessons": [("Ten driving lessons", 250, 320), ("Theory test", 23, 23)],
    "birthday-gift": [("Birthday", 50, 50)],
    "council-tax-exemption": [("Council tax for the year", 1200, 1800)],
    "apprenticeship-bursary": [("Work boots and travel", 120, 300)],
    "leisure-pass": [("Gym membership", 90, 120), ("Swimming pass", 60, 100)],
    "christmas-gift": [("Christmas", 40, 40)],
    "education-support-fund": [("Course books", 40, 150), ("Travel to college", 50, 200)],
    "passport-and-id": [("Passport application", 88, 88), ("Provisional driving licence", 34, 34)],
    "emergency-fund": [("Gas and electricity top-up", 20, 60), ("Food until payday", 25, 50)],
}


def seed_finance(*, authority: Authority, today: dt.date, seed: int) -> None:
    rng = random.Random(seed)
    schemes = _schemes(authority, today=today)
    manager = User.objects.get(email=sign_ins(authority)["Manager"])
    allocations = (
        Allocation.objects.filter(young_person__authority=authority, ended_on__isnull=True)
        .select_related("young_person", "pa")
        .order_by("young_person_id")
    )
    demo_pa = sign_ins(authority)["Personal adviser"]
    awards, entries, claims, plans = [], [], [], []
    for allocation in allocations:
        person, pa = allocation.young_person, allocation.pa
        for scheme in _schemes_for(person, schemes, today, rng, is_demo=person.user_id is not None):
            given = today - dt.timedelta(days=rng.randint(60, 330))
            given = max(given, allocation.started_on)
            amount = scheme.cap_pence
            award = Award(
                young_person=person,
                scheme=scheme,
                amount_pence=amount,
                awarded_on=given,
                expires_on=expiry_for(scheme, person, given),
                awarded_by=pa,
            )
            awards.append(award)
            plans.append((award, pa, given))
    Award.objects.bulk_create(awards)
    batches: dict[dt.date, PaymentBatch] = {}
    for award, pa, given in plans:
        entries.append(
            LedgerEntry(
                award=award,
                kind=EntryKind.AWARD,
                amount_pence=award.amount_pence,
                idempotency_key=f"award:{award.pk}",
                created_by=pa,
                created_at=_at(given, rng),
            )
        )
        claims.extend(_claims(award, pa, manager, given, today, rng, waiting=pa.email == demo_pa))
    Claim.objects.bulk_create([claim for claim, _ in claims])
    for claim, paid_on in claims:
        if paid_on is None:
            continue
        # Payment runs go out on the first working day of each month after approval.
        run_day = _first_weekday_after(paid_on)
        if run_day > today:
            continue
        if run_day not in batches:
            batches[run_day] = PaymentBatch.objects.create(
                authority=authority, created_by=manager, created_at=_at(run_day, rng, hour=10)
            )
        entries.append(
            LedgerEntry(
                award=claim.award,
                kind=EntryKind.PAYMENT,
                amount_pence=-claim.approved_pence,
                idempotency_key=f"payment:{claim.pk}",
                claim=claim,
                batch=batches[run_day],
                created_by=manager,
                created_at=_at(run_day, rng, hour=10),
            )
        )
    entries.sort(key=lambda e: e.created_at)
    # The database checks each entry's award balance. Planned while the ledger looks empty
    # (its rows are not yet committed, so never analysed), that check reads the whole ledger
    # for every entry: 15 s of a 2,500 council. Ask for the award's index instead. (ANALYZE
    # would do it too, but inside the council's transaction it holds a lock that makes the
    # generator's other processes wait until this council is done.)
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        try:
            LedgerEntry.objects.bulk_create(entries, batch_size=1000)
        finally:
            cursor.execute("RESET enable_seqscan")
    paid = {e.claim_id for e in entries if e.kind == EntryKind.PAYMENT}
    Claim.objects.filter(pk__in=paid).update(state=ClaimState.PAID)
    _withdrawals(authority, random.Random(seed + 1), demo_pa)
    _claims_from_the_care_leaver(authority)


def _withdrawals(authority: Authority, rng: random.Random, demo_pa: str) -> None:
    """Some claims still waiting were taken back, by the PA on the young person's behalf (the
    demo PA's stay waiting, for their claims list). Its own random numbers, so the rest of
    the money story stays as it was."""
    waiting = Claim.objects.filter(
        award__scheme__authority=authority, state=ClaimState.WAITING
    ).exclude(created_by__email=demo_pa)
    for claim in waiting.order_by("pk"):
        if rng.random() < 0.15:
            claim.state, claim.withdrawn_by = ClaimState.WITHDRAWN, claim.created_by
            claim.withdrawn_at = claim.created_at + dt.timedelta(hours=rng.randint(2, 72))
            claim.save(update_fields=["state", "withdrawn_by", "withdrawn_at"])


def _claims_from_the_care_leaver(authority: Authority) -> None:
    """The demo care leaver asks for a kettle (their PA decides) and for more than a PA may
    approve (the manager decides)."""
    award = (
        Award.objects.filter(
            young_person__authority=authority,
            young_person__user__isnull=False,
            scheme__code="setting-up-home-allowance",
        )
        .select_related("scheme", "young_person__user")
        .first()
    )
    if award and available_of(award) >= 66500:
        claim_make(
            award=award,
            amount_pence=4500,
            purpose="Kettle and toaster",
            receipt=SimpleUploadedFile(
                "quote.pdf", _quote_pdf(("Kettle", 2000), ("Toaster, 2 slice", 2500))
            ),
            by=award.young_person.user,
        )
        claim_make(
            award=award,
            amount_pence=62000,
            purpose="Washing machine and fridge freezer for my new flat",
            receipt=SimpleUploadedFile(
                "quote.pdf",
                _quote_pdf(("Washing machine, 8 kg", 32900), ("Fridge freezer, 55 cm", 29100)),
            ),
            by=award.young_person.user,
        )


def _quote_pdf(*items: tuple[str, int]) -> bytes:
    """A made-up shop's quote for `items` (name, pence), drawn as a real PDF."""
    rows = "".join(
        f"<tr><td>{name}</td><td>&pound;{pence / 100:.2f}</td></tr>" for name, pence in items
    )
    total = sum(pence for _, pence in items)
    return HTML(
        string=(
            "<h1>Northmoor Home Electrical</h1><p>Quote for delivery</p>"
            f"<table>{rows}<tr><th>Total</th><th>&pound;{total / 100:.2f}</th></tr></table>"
            "<p>Valid for 30 days.</p>"
        )
    ).write_pdf()


# The schemes councils are compared on (offer/regional.py), by the demo's codes.
ENTITLEMENTS = {
    "setting-up-home-allowance": Entitlement.SETTING_UP_HOME,
    "higher-education-bursary": Entitlement.HIGHER_EDUCATION,
    "council-tax-exemption": Entitlement.COUNCIL_TAX,
    "driving-lessons": Entitlement.DRIVING_LESSONS,
    "birthday-gift": Entitlement.BIRTHDAY,
    "christmas-gift": Entitlement.FESTIVAL,
}


def seed_neighbour_schemes(
    *, authority: Authority, today: dt.date, changes: dict[str, tuple[int | None, int]]
) -> dict[str, Scheme]:
    """A neighbouring council's schemes: the demo's, with its own amounts and ages
    (`changes`: code to (pounds, or None for a scheme it does not have; age limit))."""
    schemes = _schemes(authority, today=today)
    for code, (cap, max_age) in changes.items():
        scheme = schemes[code]
        if cap is None:
            scheme.is_active = False
        else:
            scheme.cap_pence, scheme.max_age = cap * 100, max_age
        scheme.save(update_fields=["cap_pence", "max_age", "is_active"])
    return schemes


def _schemes(authority: Authority, today: dt.date | None = None) -> dict[str, Scheme]:
    today = today or dt.date.today()
    schemes = {}
    for code, name, text, cap, period, ages, statuses, evidence, budget, limit in SCHEMES:
        schemes[code], _ = Scheme.objects.update_or_create(
            authority=authority,
            code=code,
            defaults={
                "name": name,
                "description": text,
                "cap_pence": cap * 100,
                "cap_period": period,
                "min_age": ages[0],
                "max_age": ages[1],
                "eligible_statuses": [str(s) for s in statuses],
                "evidence": evidence,
                "yearly_budget_pence": budget * 100,
                "pa_approval_limit_pence": limit * 100,
                "entitlement": ENTITLEMENTS.get(code, ""),
                # Checked at the start of the financial year, or since for the ones that change.
                "checked_on": today - dt.timedelta(days=30 + 7 * len(schemes)),
            },
        )
    return schemes


def _schemes_for(person, schemes, today, rng, *, is_demo: bool) -> list[Scheme]:
    """The schemes this person would plausibly have been given."""
    age = person.age_on(today)
    chosen = []
    if is_demo:
        return [schemes["setting-up-home-allowance"], schemes["birthday-gift"]]
    odds = {
        "setting-up-home-allowance": 0.45 if age >= 18 else 0.1,
        "birthday-gift": 0.8,
        "16-19-bursary": 0.5 if age < 19 else 0,
        "driving-lessons": 0.15,
        "higher-education-bursary": 0.12,
        "council-tax-exemption": 0.25,
        "apprenticeship-bursary": 0.06,
        "leisure-pass": 0.2,
        "emergency-fund": 0.15,
        "christmas-gift": 0.3,
        "education-support-fund": 0.15 if age < 22 else 0,
        "passport-and-id": 0.2,
    }
    for code, chance in odds.items():
        scheme = schemes[code]
        eligible = scheme.min_age <= age < scheme.max_age and (
            not scheme.eligible_statuses or person.legal_status in scheme.eligible_statuses
        )
        if eligible and rng.random() < chance:
            chosen.append(scheme)
    return chosen


def _claims(
    award, pa, manager, given, today, rng, *, waiting: bool
) -> list[tuple[Claim, dt.date | None]]:
    """Claims on one award, oldest first, never more than it holds; (claim, approved on)."""
    left, day, made = award.amount_pence, given, []
    options = PURPOSES[award.scheme.code]
    per_claim = award.scheme.cap_period == CapPeriod.PER_CLAIM
    for _ in range(rng.randint(0, 4)):
        purpose, low, high = rng.choice(options)
        amount = rng.randint(low, high) * 100
        if per_claim:
            amount = min(amount, award.scheme.cap_pence)
        if amount > left:
            break
        day = day + dt.timedelta(days=rng.randint(7, 60))
        if day > today:
            break
        recent = (today - day).days < 12
        claim = Claim(
            award=award,
            amount_pence=amount,
            purpose=purpose,
            created_by=pa,
            created_at=_at(day, rng),
        )
        approved_on = None
        if recent and (waiting or rng.random() < 0.5):
            pass  # still waiting for a decision
        elif rng.random() < 0.08:
            claim.state, claim.reason = (
                ClaimState.REFUSED,
                (
                    "This is not something the scheme pays for. Your PA will talk to you about "
                    "other help."
                ),
            )
            claim.decided_by, claim.decided_at = manager, _at(day + dt.timedelta(days=2), rng)
        else:
            approved_on = day + dt.timedelta(days=rng.randint(1, 5))
            claim.state, claim.approved_pence = ClaimState.APPROVED, amount
            # The PA made the claim with the young person, so their manager decided it.
            claim.decided_by, claim.decided_at = manager, _at(approved_on, rng)
            left -= amount
        made.append((claim, approved_on))
    return made


def _first_weekday_after(day: dt.date) -> dt.date:
    first = (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    while first.weekday() >= 5:
        first += dt.timedelta(days=1)
    return first


def _at(day: dt.date, rng: random.Random, hour: int | None = None) -> dt.datetime:
    moment = dt.datetime.combine(day, dt.time(hour or rng.randint(9, 16), rng.randint(0, 59)))
    return timezone.make_aware(moment)
