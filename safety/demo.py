"""Demo safety records: risk assessments across levels, Staying Close, homes at risk, custody.

About two in five young people with a PA have a risk assessment (most low or medium, some
high and agreed by their PA's manager, one high waiting for the demo manager), some with a
second version; the demo care leaver has a safety plan with one area not shared with them.
Most former relevant young people have a Staying Close assessment; a few are late. The demo
PA has a tenancy at risk halfway through its 56 days (not yet referred), another referred,
a release from custody whose planning starts next week, and one young person who spent
nights without a home last month before moving to supported lodgings.
"""

from __future__ import annotations

import datetime as dt
import random

from auditlog.context import disable_auditlog
from django.db import transaction

from common.dates import birthday
from pathway.services import accommodation_record
from people.demo import sign_ins
from people.models import Authority, LegalStatus, User, YoungPerson
from people.selectors import current_allocation
from safety import rules, services
from safety.models import Decision, Level, RiskArea, Support
from safety.services import ContactAnswer, EntryAnswer, StepAnswer

# What a PA writes, by area: (why this level, what is known, what keeps them safe, signs).
WORDS = {
    "exploitation": (
        "Older people they met online have been giving them lifts and gifts.",
        "Seen getting into different cars near the shopping centre.",
        "Staying in touch with their PA and their sister; a phone with credit.",
        "New phone or clothes they cannot explain; staying out late.",
    ),
    "going-missing": (
        "Has gone missing twice since moving.",
        "Usually found at a friend's flat in the town centre.",
        "Telling staff where they are going; a return home interview each time.",
        "Not answering messages; missing college.",
    ),
    "home-at-risk": (
        "Behind with the rent after a change in Universal Credit.",
        "The landlord has written about the arrears.",
        "A budgeting plan and help from the tenancy support worker.",
        "Letters left unopened; avoiding the landlord.",
    ),
    "mental-health": (
        "Low mood since the end of a relationship.",
        "On the waiting list for talking therapy.",
        "Seeing their GP; time at the gym; their friend Ola.",
        "Sleeping all day; saying they do not see the point.",
    ),
    "drugs-and-alcohol": (
        "Drinks heavily at weekends.",
        "Has had two nights in hospital this year.",
        "Meeting the young people's drug and alcohol worker.",
        "Spending all their money by Monday.",
    ),
    "offending": (
        "On a youth rehabilitation order until the spring.",
        "Meets their youth justice worker every two weeks.",
        "College, and keeping away from the group they offended with.",
        "Missing appointments with the youth justice worker.",
    ),
    "domestic-abuse": (
        "A former partner has turned up at the flat.",
        "Police have been called once this year.",
        "A safe word with their PA; the door camera the council fitted.",
        "The former partner messaging again.",
    ),
    "debt": (
        "Owes money to a friend of a friend who is pressing for it.",
        "Took out a loan online to pay a phone bill.",
        "Help from the money advice service; paying bills on payday.",
        "Asking for emergency money often.",
    ),
}
STEPS = [
    ("Agree a safe word to use by text", "Their PA"),
    ("Book a meeting with the tenancy support worker", "Their PA"),
    ("Ask the GP about talking therapy", "Young person"),
    ("Set up a budget for the month", "Young person and their PA"),
    ("Tell staff where they are going when they go out", "Young person"),
]
LEVEL_WEIGHTS = ([Level.LOW, Level.MEDIUM, Level.HIGH], [50, 35, 15])


def _entry(area: RiskArea, level: str, rng: random.Random, *, shared: bool = True) -> EntryAnswer:
    reason, known, keeps_safe, signs = WORDS.get(area.slug, WORDS["going-missing"])
    return EntryAnswer(
        area=area,
        level=level,
        reason=reason,
        known=known if rng.random() < 0.8 else "",
        keeps_safe=keeps_safe,
        warning_signs=signs,
        is_shared=shared,
        not_shared_reason="" if shared else "Information from the police, not to be shared",
    )


def _plan(rng: random.Random, authority: Authority) -> dict:
    steps = [StepAnswer(what=what, who=who) for what, who in rng.sample(STEPS, rng.randint(1, 3))]
    contacts = [ContactAnswer(name="The leaving care duty line", phone=authority.duty_phone)]
    return {
        "steps": steps,
        "contacts": contacts,
        "emergency_duty_team": "01632 960 555",
    }


def _assess(person, areas, rng, *, today, pa, manager, authority, agree: bool) -> None:
    chosen = rng.sample(areas, rng.randint(1, 3))
    levels = rng.choices(*LEVEL_WEIGHTS, k=len(chosen))
    # Saved within their review period, mostly: a high level is reviewed every four weeks.
    days_ago = rng.randint(2, 34) if Level.HIGH in levels else rng.randint(20, 170)
    earlier = today - dt.timedelta(days=days_ago)
    if rng.random() < 0.4:  # an earlier version, lower, to compare with
        services.assessment_save(
            young_person=person,
            entries=[_entry(area, Level.LOW, rng) for area in chosen],
            by=pa,
            today=earlier - dt.timedelta(days=rng.randint(30, 120)),
            **_plan(rng, authority),
        )
    saved = services.assessment_save(
        young_person=person,
        entries=[_entry(area, level, rng) for area, level in zip(chosen, levels, strict=True)],
        by=pa,
        today=earlier,
        **_plan(rng, authority),
    )
    if saved.needs_agreement and agree and manager is not None:
        services.assessment_agree(assessment=saved, by=manager, today=earlier)


def _staying_close(person, rng, *, today, pa) -> None:
    due = rules.staying_close_due_on(
        born=person.date_of_birth,
        joined_on=min(a.started_on for a in person.allocations.all()),
        last_review_on=None,
    )
    if due is None or due > today or rng.random() < 0.12:  # not due yet, or late
        return
    assessed = min(today, due + dt.timedelta(days=rng.randint(-20, 10)))
    decision = rng.choices(list(Decision.values), [60, 30, 10])[0]
    support = rng.sample([Support.FIND_HOME, Support.KEEP_HOME, Support.TENANCY, Support.MONEY], 2)
    services.staying_close_record(
        young_person=person,
        assessed_on=assessed,
        needs="Help to keep their tenancy and to manage money.",
        decision=decision,
        support=support if decision == Decision.SUPPORT else [],
        support_details="Visits from the tenancy support worker every fortnight."
        if decision == Decision.SUPPORT
        else "",
        lives_out_of_area=rng.random() < 0.1,
        review_on=assessed + dt.timedelta(days=rng.choice([180, 365])),
        by=pa,
        today=today,
    )


def _demo_pa_cases(demo_pa: User, people: list[YoungPerson], today: dt.date) -> None:
    """The demo PA's homes at risk, a release from custody, and nights without a home."""
    mine = [p for p in people if (a := current_allocation(p)) and a.pa_id == demo_pa.pk][:4]
    if len(mine) < 4:
        return
    services.home_at_risk_record(
        young_person=mine[0],
        risk="notice",
        known_on=today - dt.timedelta(days=27),
        eviction_on=today + dt.timedelta(days=35),
        details="The landlord served a notice after three months of arrears.",
        by=demo_pa,
        today=today,
    )
    referred = services.home_at_risk_record(
        young_person=mine[1],
        risk="rent_arrears",
        known_on=today - dt.timedelta(days=12),
        eviction_on=None,
        details="Two months behind after a Universal Credit sanction.",
        by=demo_pa,
        today=today,
    )
    services.referral_record(
        home_at_risk=referred,
        housing_authority="Northmoor housing options",
        referred_on=today - dt.timedelta(days=9),
        their_reference="HO-2026-0412",
        outcome="prevention",
        by=demo_pa,
        today=today,
    )
    services.custody_release_record(
        young_person=mine[2],
        release_on=today + dt.timedelta(weeks=9),
        establishment="HMYOI Brinsford",
        accommodation_plan="Supported lodgings with a host family in Northmoor, to be confirmed.",
        by=demo_pa,
    )
    latest = mine[3].accommodation_spells.order_by("-started_on").first()
    homeless_from = today - dt.timedelta(days=40)
    if latest is None or latest.started_on < homeless_from:
        accommodation_record(
            young_person=mine[3],
            started_on=homeless_from,
            kind="S",
            suitable=False,
            description="Sofa surfing after a falling out with their flatmate",
            by=demo_pa,
            today=today,
        )
        accommodation_record(
            young_person=mine[3],
            started_on=today - dt.timedelta(days=31),
            kind="E",
            suitable=True,
            description="Supported lodgings",
            by=demo_pa,
            today=today,
        )


def seed_safety(*, authority: Authority, today: dt.date, seed: int) -> None:
    rng = random.Random(seed)
    emails = sign_ins(authority)
    demo_pa = User.objects.filter(email=emails["Personal adviser"]).first()
    demo_manager = User.objects.filter(email=emails["Manager"]).first()
    areas = list(RiskArea.objects.filter(is_active=True))
    people = list(
        YoungPerson.objects.filter(
            authority=authority, allocations__isnull=False, allocations__ended_on__isnull=True
        )
        .prefetch_related("allocations__pa__team")
        .order_by("pk")
        .distinct()
    )
    with transaction.atomic(), disable_auditlog():
        waiting_for_demo_manager = False
        for person in people:
            current = current_allocation(person)
            if current is None:
                continue
            pa, team = current.pa, current.pa.team
            manager = team.manager if team else None
            if rng.random() < 0.4:
                # One high level waits for the demo manager's agreement.
                agree = waiting_for_demo_manager or manager != demo_manager
                _assess(
                    person,
                    areas,
                    rng,
                    today=today,
                    pa=pa,
                    manager=manager,
                    authority=authority,
                    agree=agree,
                )
                latest = person.risk_assessments.order_by("-number").first()
                if not agree and latest.needs_agreement and latest.agreed_by_id is None:
                    waiting_for_demo_manager = True
            if person.legal_status != LegalStatus.QUALIFYING and today >= birthday(
                person.date_of_birth, 18
            ):
                _staying_close(person, rng, today=today, pa=pa)
        care_leaver = next(
            (p for p in people if p.user and p.user.email == emails["Care leaver"]), None
        )
        if care_leaver is not None and not care_leaver.risk_assessments.exists():
            pa = current_allocation(care_leaver).pa
            services.assessment_save(
                young_person=care_leaver,
                entries=[
                    _entry(areas[1], Level.MEDIUM, rng),
                    _entry(areas[3], Level.LOW, rng),
                    _entry(areas[0], Level.MEDIUM, rng, shared=False),
                ],
                by=pa,
                today=today - dt.timedelta(days=14),
                **_plan(rng, authority),
            )
        if demo_pa is not None:
            _demo_pa_cases(demo_pa, people, today)
