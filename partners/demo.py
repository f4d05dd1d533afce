"""Demo partners for Northmoor: about 30 invented services in the Open Referral UK model,
their workers, a few hundred referrals in every state, and sessions past and coming up.

Every name, address and number is invented: phone numbers are in Ofcom's drama range
(01632 960xxx), emails at example.org, postcodes in the unused NM area.
"""

from __future__ import annotations

import datetime as dt
import random

from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from offer.models import OfferItem, OfferItemVersion, VersionState
from partners.models import (
    NEXT,
    Booking,
    ConsentBy,
    Contact,
    Location,
    OfferProvider,
    Organization,
    PartnerWorker,
    Referral,
    ReferralStatus,
    Schedule,
    Service,
    ServiceAtLocation,
    Session,
    SessionKind,
    TaxonomyTerm,
    Transition,
    Urgency,
    Weekday,
    transition_due_on,
)
from pathway.selectors import transition_needs
from people.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET, sign_ins
from people.models import Allocation, Authority, Role, User, YoungPerson

WEEKDAYS = [Weekday.MO, Weekday.TU, Weekday.WE, Weekday.TH, Weekday.FR]

# (organisation, service, type, what it does, place, street, postcode, days to answer)
DIRECTORY = [
    (
        "Northmoor Council Housing Options",
        "Housing options for young people",
        "housing",
        "Advice and a plan for anyone 16 to 25 who is homeless or may become homeless, "
        "including the duty to refer.",
        "Civic Centre",
        "1 Market Street",
        "NM1 1AA",
        5,
    ),
    (
        "Northmoor Council Housing Options",
        "Supported lodgings",
        "housing",
        "A room in a host's home with support to learn to live on your own.",
        "Civic Centre",
        "1 Market Street",
        "NM1 1AA",
        10,
    ),
    (
        "Moorside Foyer",
        "Foyer supported housing",
        "housing",
        "Flats with on-site staff for 16 to 25 year olds in work, training or education.",
        "Moorside Foyer",
        "22 Canal Wharf",
        "NM2 4FY",
        10,
    ),
    (
        "Keystone Housing Association",
        "Young persons' tenancy scheme",
        "housing",
        "First tenancies with a support worker for the first year.",
        "Keystone House",
        "8 Bridge Road",
        "NM3 2KH",
        14,
    ),
    (
        "Northmoor Adult Mental Health Service",
        "Adult community mental health team",
        "mental-health",
        "Assessment and care for adults with mental health needs, including moving on from CAMHS.",
        "Oakwood Clinic",
        "Oakwood Lane",
        "NM4 7OC",
        14,
    ),
    (
        "Northmoor Adult Mental Health Service",
        "Talking therapies",
        "mental-health",
        "Short courses of therapy for anxiety and low mood. You can refer yourself.",
        "Oakwood Clinic",
        "Oakwood Lane",
        "NM4 7OC",
        10,
    ),
    (
        "Northmoor CAMHS",
        "CAMHS transition team",
        "camhs",
        "Plans the move from children's to adult mental health services from 17.",
        "Willow House",
        "3 Hospital Road",
        "NM4 1WH",
        10,
    ),
    (
        "Northmoor Adult ADHD Clinic",
        "Adult ADHD service",
        "health",
        "Takes over ADHD care and medicine reviews from 18.",
        "Oakwood Clinic",
        "Oakwood Lane",
        "NM4 7OC",
        21,
    ),
    (
        "Northmoor SEND Service",
        "Preparing for adulthood (EHC plans)",
        "send",
        "Reviews EHC plans from 14 and plans support in college, work and adult social care.",
        "Civic Centre",
        "1 Market Street",
        "NM1 1AA",
        14,
    ),
    (
        "Northmoor Adult Social Care",
        "Transitions team",
        "send",
        "Assesses care needs for young people moving to adult social care.",
        "Civic Centre",
        "1 Market Street",
        "NM1 1AA",
        21,
    ),
    (
        "Turning Point Northmoor",
        "Young people's drug and alcohol service",
        "substance-misuse",
        "Confidential support with drugs and alcohol, up to 25.",
        "The Hub",
        "14 Station Road",
        "NM1 3TH",
        7,
    ),
    (
        "Northmoor Careers Hub",
        "Careers advice for care leavers",
        "careers",
        "One-to-one careers guidance, CVs and applications.",
        "The Hub",
        "14 Station Road",
        "NM1 3TH",
        7,
    ),
    (
        "Northmoor College",
        "Student support for care leavers",
        "education",
        "A named member of staff, bursaries and help with courses.",
        "Northmoor College",
        "College Way",
        "NM2 9NC",
        7,
    ),
    (
        "Northmoor College",
        "Pre-apprenticeship course",
        "education",
        "A 12-week course to get ready for an apprenticeship.",
        "Northmoor College",
        "College Way",
        "NM2 9NC",
        14,
    ),
    (
        "Valley Training",
        "Traineeships",
        "education",
        "Work experience and English and maths for 16 to 24 year olds.",
        "Valley Training Centre",
        "5 Mill Street",
        "NM3 5VT",
        10,
    ),
    (
        "Jobcentre Plus Northmoor",
        "Care leaver work coach",
        "employment",
        "A work coach who knows care leavers' entitlements, and Universal Credit help.",
        "Jobcentre Plus",
        "40 High Street",
        "NM1 2JP",
        5,
    ),
    (
        "Jobcentre Plus Northmoor",
        "Youth employment hub",
        "employment",
        "Jobs, work trials and help with interviews for 18 to 24 year olds.",
        "The Hub",
        "14 Station Road",
        "NM1 3TH",
        7,
    ),
    (
        "Northmoor Police",
        "Youth engagement officers",
        "police",
        "Safety advice, exploitation and staying safe online.",
        "Northmoor Police Station",
        "2 Court Street",
        "NM1 4PS",
        10,
    ),
    (
        "Northmoor Victim Support",
        "Support after crime",
        "police",
        "Free, confidential support for anyone affected by crime.",
        "The Hub",
        "14 Station Road",
        "NM1 3TH",
        5,
    ),
    (
        "Northmoor Community Health",
        "Health visitors for young parents",
        "health",
        "Health visiting for parents under 25, from pregnancy to school.",
        "Moorside Health Centre",
        "Moorside Road",
        "NM2 6MH",
        7,
    ),
    (
        "Northmoor Community Health",
        "Young people's sexual health clinic",
        "health",
        "Contraception, testing and advice. Walk in or book.",
        "Moorside Health Centre",
        "Moorside Road",
        "NM2 6MH",
        5,
    ),
    (
        "Northmoor Community Health",
        "Children in care health team",
        "health",
        "Health assessments and the health passport before you leave care.",
        "Willow House",
        "3 Hospital Road",
        "NM4 1WH",
        10,
    ),
    (
        "Become Northmoor",
        "Care leavers' advocacy",
        "charity",
        "An independent advocate to help you be heard.",
        "The Hub",
        "14 Station Road",
        "NM1 3TH",
        7,
    ),
    (
        "Northmoor Citizens Advice",
        "Money and debt advice",
        "charity",
        "Help with debts, benefits and budgeting.",
        "Citizens Advice",
        "9 Church Street",
        "NM1 5CA",
        10,
    ),
    (
        "Northmoor Food Partnership",
        "Food bank and cooking on a budget",
        "charity",
        "Food parcels and cooking sessions.",
        "St Mark's Hall",
        "St Mark's Road",
        "NM3 1SM",
        3,
    ),
    (
        "Northmoor Youth Service",
        "Youth clubs and activities",
        "charity",
        "Evening clubs, sport and trips for 16 to 19 year olds.",
        "The Hub",
        "14 Station Road",
        "NM1 3TH",
        7,
    ),
    (
        "Moorland Mentors",
        "Mentoring for care leavers",
        "charity",
        "A volunteer mentor to meet every couple of weeks.",
        "The Hub",
        "14 Station Road",
        "NM1 3TH",
        21,
    ),
    (
        "Northmoor Women's Aid",
        "Domestic abuse support",
        "charity",
        "Safe housing and support for anyone facing domestic abuse.",
        "Confidential address",
        "",
        "",
        3,
    ),
    (
        "Refugee Welcome Northmoor",
        "Support for young refugees",
        "charity",
        "English classes, immigration advice and a befriender.",
        "St Mark's Hall",
        "St Mark's Road",
        "NM3 1SM",
        10,
    ),
    (
        "Northmoor Leisure",
        "Free leisure pass",
        "charity",
        "Gym, swimming and classes free for care leavers under 25.",
        "Northmoor Leisure Centre",
        "Park Road",
        "NM2 3LC",
        7,
    ),
]

REASONS = {
    "housing": [
        "Their tenancy ends in six weeks and they have nowhere to go.",
        "Sofa-surfing since leaving their placement; needs a housing assessment.",
    ],
    "mental-health": [
        "Low mood for several months; they asked for help.",
        "Moving on from CAMHS at 18: needs an adult team.",
    ],
    "camhs": ["Known to CAMHS; turning 18 next year."],
    "substance-misuse": ["Drinking more since losing their job; wants support."],
    "careers": ["Wants to find an apprenticeship in construction."],
    "education": ["Starting college in September; needs a named contact and bursary."],
    "employment": ["Claiming Universal Credit and looking for work."],
    "police": ["Worried about being pressured to carry things for others."],
    "health": [
        "Needs a review of their ADHD medicine as an adult.",
        "Pregnant; would like a health visitor.",
    ],
    "send": ["Has an EHC plan; needs a preparing-for-adulthood review."],
    "charity": [
        "Would like an independent advocate for their pathway plan review.",
        "Struggling with money; wants help to budget.",
    ],
}
DECLINES = [
    "They are outside our area; we have passed on the details of the right service.",
    "We could not reach them after three tries. Please refer again when they are ready.",
]
OUTCOMES = [
    "Moved into supported lodgings.",
    "Attended six sessions; goals met.",
    "Has a tenancy with support.",
    "Started an apprenticeship.",
    "Now under the adult team, with a care coordinator.",
]
SESSIONS = [
    ("Cooking on a budget", SessionKind.WORKSHOP, "Anyone learning to cook for themselves.", 16),
    ("Your first tenancy", SessionKind.WORKSHOP, "Anyone moving into their own place soon.", 16),
    ("Money and bills", SessionKind.WORKSHOP, "Anyone paying their own bills.", 17),
    ("Staying safe online", SessionKind.WORKSHOP, "Anyone aged 14 or over.", 16),
    ("Jobs and CVs drop-in", SessionKind.DROP_IN, "Anyone looking for work or training.", 16),
    (
        "One-stop hub drop-in",
        SessionKind.DROP_IN,
        "Anyone: housing, health, police and careers staff in one room.",
        16,
    ),
]


def seed_partners(*, authority: Authority, today: dt.date, seed: int) -> None:
    rng = random.Random(seed + 2501)
    services = _directory(authority, rng)
    _link_offer(authority)
    workers = _workers(authority, services, rng)
    _referrals(authority, services, workers, today, rng)
    _sessions(authority, services, today, rng)


def _directory(authority: Authority, rng: random.Random) -> list[Service]:
    terms = {term.code: term for term in TaxonomyTerm.objects.all()}
    organizations: dict[str, Organization] = {}
    locations: dict[tuple[str, str], Location] = {}
    made = []
    for n, (org_name, name, kind, what, place, street, postcode, days) in enumerate(DIRECTORY):
        slug = org_name.lower().replace(" ", "").replace("'", "")[:20]
        if org_name not in organizations:
            organizations[org_name], _ = Organization.objects.get_or_create(
                authority=authority,
                name=org_name,
                defaults={
                    "description": f"{org_name} works with Northmoor's leaving care service.",
                    "email": f"hello@{slug}.example.org",
                    "website": f"https://{slug}.example.org",
                },
            )
        organization = organizations[org_name]
        service = Service.objects.create(
            organization=organization,
            name=name,
            description=what,
            url=f"https://{slug}.example.org/{n}",
            email=f"referrals.{n}@{slug}.example.org",
            phone=f"01632 960 {300 + n:03d}",
            minimum_age=16,
            maximum_age=25,
            expected_days=days,
            takes_referrals=True,
            is_published=True,
        )
        tags = [kind, "918"] if kind in ("housing", "charity", "careers") else [kind]
        service.terms.add(*(terms[code] for code in tags if code in terms))
        if street:
            key = (org_name, place)
            if key not in locations:
                locations[key] = Location.objects.create(
                    organization=organization,
                    name=place,
                    address_1=street,
                    city="Northmoor",
                    postal_code=postcode,
                )
            ServiceAtLocation.objects.create(service=service, location=locations[key])
        opens = rng.choice([dt.time(9), dt.time(9, 30), dt.time(10)])
        for day in rng.sample(WEEKDAYS, rng.randint(3, 5)):
            Schedule.objects.create(
                service=service, byday=day, opens_at=opens, closes_at=dt.time(16, 30)
            )
        Contact.objects.create(
            service=service,
            name="Referrals desk",
            title="Duty worker",
            phone=service.phone,
            email=service.email,
        )
        made.append(service)
    return made


def _link_offer(authority: Authority) -> None:
    """Each offer item's provider as a service of the directory, as migration 0002 did for
    the items there were then."""
    for item in OfferItem.objects.filter(authority=authority).exclude(provider__isnull=False):
        version = (
            OfferItemVersion.objects.filter(item=item, state=VersionState.PUBLISHED).first()
            or item.versions.order_by("-number").first()
        )
        if version is None:
            continue
        organization, _ = Organization.objects.get_or_create(
            authority=authority,
            name=version.provider_name[:160],
            defaults={"description": f"{version.provider_name}, part of the local offer."},
        )
        service = organization.services.filter(name=organization.name).first()
        if service is None:
            service = Service.objects.create(
                organization=organization,
                name=organization.name,
                description=version.summary,
                phone=version.provider_phone,
                email=version.provider_email,
                url=version.provider_website,
                takes_referrals=False,
                is_published=True,
            )
        OfferProvider.objects.create(item=item, service=service)


def _workers(authority: Authority, services: list[Service], rng) -> dict[int, User]:
    """One partner worker per service; the first (housing options) is the demo sign-in."""
    password = make_password(DEMO_PASSWORD)
    workers = {}
    for n, service in enumerate(services):
        email = (
            sign_ins(authority)["Partner worker"]
            if n == 0
            else f"partner.{authority.slug}.{n}@example.org"
        )
        user = User.objects.create(
            email=email,
            password=password,
            first_name=rng.choice(["Sam", "Priya", "Tom", "Aisha", "Dan", "Mia", "Joe", "Zara"]),
            last_name=rng.choice(["Hughes", "Begum", "Clarke", "Nowak", "Reid", "Shah"]),
            role=Role.PARTNER,
            authority=authority,
        )
        TOTP.activate(user, DEMO_TOTP_SECRET)
        RecoveryCodes.activate(user)
        PartnerWorker.objects.create(user=user, service=service)
        workers[service.pk] = user
    return workers


def _path_to(status: str) -> list[str]:
    """The statuses a referral passes through to reach `status`."""
    paths = {
        ReferralStatus.SENT: [],
        ReferralStatus.RECEIVED: [ReferralStatus.RECEIVED],
        ReferralStatus.ACCEPTED: [ReferralStatus.RECEIVED, ReferralStatus.ACCEPTED],
        ReferralStatus.DECLINED: [ReferralStatus.RECEIVED, ReferralStatus.DECLINED],
        ReferralStatus.STARTED: [ReferralStatus.ACCEPTED, ReferralStatus.STARTED],
        ReferralStatus.FINISHED: [
            ReferralStatus.ACCEPTED,
            ReferralStatus.STARTED,
            ReferralStatus.FINISHED,
        ],
    }
    path = paths[status]
    assert all(b in NEXT[a] for a, b in zip([ReferralStatus.SENT, *path], path, strict=False))
    return path


def _referral(person, pa, service, worker, sent_at, status, rng, transition=""):
    kind = service.terms.exclude(code="918").values_list("code", flat=True).first() or "charity"
    referral = Referral(
        young_person=person,
        service=service,
        made_by=pa,
        reason=rng.choice(REASONS.get(kind, REASONS["charity"])),
        shared="Name, date of birth, phone number and why we are referring.",
        urgency=Urgency.URGENT if rng.random() < 0.15 else Urgency.ROUTINE,
        transition=transition,
        consent_given=True,
        consent_by=ConsentBy.YOUNG_PERSON if rng.random() < 0.9 else ConsentBy.ADVOCATE,
        consent_on=timezone.localdate(sent_at),
        consent_for="To share their details with the service so it can help them.",
        sent_at=sent_at,
        status=status,
    )
    moment = sent_at
    for step in _path_to(status):
        moment = min(
            moment + dt.timedelta(days=rng.randint(1, service.expected_days + 4)), timezone.now()
        )
        if step == ReferralStatus.RECEIVED:
            referral.received_at = moment
        if step in (ReferralStatus.ACCEPTED, ReferralStatus.DECLINED):
            referral.answered_at, referral.answered_by = moment, worker
            referral.received_at = referral.received_at or moment
        if step == ReferralStatus.DECLINED:
            referral.decline_reason = rng.choice(DECLINES)
        if step == ReferralStatus.STARTED:
            referral.started_at = moment
        if step == ReferralStatus.FINISHED:
            referral.finished_at, referral.outcome = moment, rng.choice(OUTCOMES)
    return referral


def _referrals(authority, services, workers, today, rng) -> None:
    """About 300 referrals over the last ten months, in every state, and the transition
    referrals most (not all) of those who need one have had."""
    allocations = list(
        Allocation.objects.filter(
            young_person__authority=authority, ended_on__isnull=True
        ).select_related("young_person", "pa")
    )
    if not allocations:
        return
    now = timezone.now()
    weights = [4, 3, 5, 2, 4, 6]
    rows = []
    for _ in range(300):
        allocation = rng.choice(allocations)
        service = rng.choice(services)
        sent_at = now - dt.timedelta(days=rng.randint(0, 300), hours=rng.randint(0, 8))
        age_days = (now - sent_at).days
        status = rng.choices(list(ReferralStatus), weights=weights)[0]
        if age_days < 3:
            status = ReferralStatus.SENT
        rows.append(
            _referral(
                allocation.young_person,
                allocation.pa,
                service,
                workers[service.pk],
                sent_at,
                status,
                rng,
            )
        )
    by_kind = {
        Transition.CAMHS: services[4],
        Transition.EHC_PLAN: services[8],
        Transition.ADHD: services[7],
    }
    pa_of = {a.young_person_id: a.pa for a in allocations}
    field_kind = {
        "known_to_camhs": Transition.CAMHS,
        "has_ehc_plan": Transition.EHC_PLAN,
        "has_adhd_diagnosis": Transition.ADHD,
    }
    people = YoungPerson.objects.filter(pk__in=pa_of)
    for person, fields in transition_needs(people):
        due_on = transition_due_on(person.date_of_birth)
        for field in fields:
            if rng.random() < 0.2 or due_on > today + dt.timedelta(days=60):
                continue  # not sent yet: some of these are late
            sent_on = due_on - dt.timedelta(days=rng.randint(-40, 120))
            sent_at = timezone.make_aware(dt.datetime.combine(min(sent_on, today), dt.time(10)))
            service = by_kind[field_kind[field]]
            status = rng.choice(
                [
                    ReferralStatus.ACCEPTED,
                    ReferralStatus.STARTED,
                    ReferralStatus.FINISHED,
                    ReferralStatus.RECEIVED,
                ]
            )
            rows.append(
                _referral(
                    person,
                    pa_of[person.pk],
                    service,
                    workers[service.pk],
                    sent_at,
                    status,
                    rng,
                    transition=field_kind[field],
                )
            )
    Referral.objects.bulk_create(rows, batch_size=500)


def _sessions(authority, services, today, rng) -> None:
    """Sessions over the last three months (with who came) and the next six weeks."""
    hosts = [s for s in services if s.at_locations.exists()]
    current = Allocation.objects.filter(young_person__authority=authority, ended_on__isnull=True)
    pas = dict(current.values_list("young_person_id", "pa_id"))
    people = list(YoungPerson.objects.filter(pk__in=pas).order_by("pk"))
    if not people:
        return
    for offset in range(-84, 43, 7):
        title, kind, for_whom, from_age = SESSIONS[(offset // 7) % len(SESSIONS)]
        service = rng.choice(hosts)
        day = today + dt.timedelta(days=offset + rng.randint(0, 4))
        starts = timezone.make_aware(dt.datetime.combine(day, dt.time(rng.choice([10, 14, 17]))))
        session = Session.objects.create(
            service=service,
            kind=kind,
            title=title,
            for_whom=for_whom,
            from_age=from_age,
            starts_at=starts,
            ends_at=starts + dt.timedelta(hours=2),
            location=service.at_locations.first().location,
            places=rng.choice([8, 10, 12, 15]),
        )
        chosen = rng.sample(people, min(len(people), rng.randint(3, session.places)))
        Booking.objects.bulk_create(
            Booking(
                session=session,
                young_person=person,
                booked_by_id=pas[person.pk],
                booked_at=starts - dt.timedelta(days=rng.randint(2, 14)),
                attended=None if offset >= 0 else rng.random() < 0.75,
                needs_noticed="",
            )
            for person in chosen
        )
