"""Demo rota: a Monday-to-Friday pattern with a duty PA and a back-up, shared fairly from
eight weeks ago to four weeks ahead around the PAs' leave and bank holidays (the next one
has a shift added by hand), a couple of gaps to fill, a swap on offer, and two months of
duty enquiries from known young people and others."""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from pathway.models import Contact
from people.demo import sign_ins
from people.models import Authority, Role, User, YoungPerson
from rota import services
from rota.models import DutyEnquiry, DutyRole, PatternSlot, Shift
from rota.patterns import bank_holidays

ENQUIRIES = [
    (
        "Lost her bank card and has no money for the weekend",
        "Arranged a food voucher and gave the bank's card line number",
        False,
    ),
    (
        "Landlord says the rent is two weeks behind",
        "Checked with housing benefit; the payment is on its way. Told the landlord",
        True,
    ),
    ("Locked out of his flat", "Called the housing officer, who met him with a spare key", False),
    (
        "Wants help with a college bursary form",
        "Booked a time with the education worker for Thursday",
        True,
    ),
    (
        "Feeling low and not sleeping",
        "Talked it through; gave the crisis line number and asked the PA to call tomorrow",
        True,
    ),
    ("Asked about the setting up home allowance", "Explained how to claim on the portal", False),
    ("Electricity meter has run out", "Paid an emergency top-up from the emergency fund", False),
    (
        "Foster carer asking about staying put from 18",
        "Explained the arrangement and passed to the PA",
        True,
    ),
]
OTHER_CALLERS = ["Housing officer, Northmoor Homes", "College student support", "", ""]


def seed_rota(*, authority: Authority, today: dt.date, seed: int, weeks_back: int = 8) -> None:
    """The rota from `weeks_back` weeks ago to four weeks ahead, and the duty log over it."""
    rng = random.Random(seed)
    manager = User.objects.get(email=sign_ins(authority)["Manager"])
    for weekday in range(5):
        for role in (DutyRole.DUTY, DutyRole.BACKUP):
            PatternSlot.objects.create(
                authority=authority, weekday=weekday, role=role,
                starts=dt.time(9), ends=dt.time(17),
            )  # fmt: skip
    pas = list(User.objects.filter(authority=authority, role=Role.PA).order_by("pk"))
    start = today - dt.timedelta(days=today.weekday() + 7 * weeks_back)
    end = today + dt.timedelta(days=27)
    for pa in rng.sample(pas, 3):
        first = today + dt.timedelta(days=rng.randint(3, 20))
        services.leave_record(
            pa=pa, starts_on=first, ends_on=first + dt.timedelta(days=4), kind="annual",
            by=manager,
        )  # fmt: skip
    services.rota_generate(
        authority=authority, start=start, end=end, max_per_week=3, by=manager, seed=seed
    )
    _bank_holiday_cover(authority, pas, today, end, manager, rng)
    future = list(
        Shift.objects.filter(authority=authority, starts_at__gt=timezone.now()).order_by(
            "starts_at"
        )
    )
    for gap in rng.sample(future[10:], 2):  # two PAs called in sick: gaps for the manager
        services.shift_assign(shift=gap, pa=None, by=manager)
    demo_pa = User.objects.get(email=sign_ins(authority)["Personal adviser"])
    offered = next((s for s in future if s.pa_id and s.pa_id != demo_pa.pk), None)
    if offered is not None:
        services.swap_offer(shift=offered, note="Hospital appointment", by=offered.pa)
    _enquiries(authority, pas, today, rng, days=max(60, 7 * weeks_back))


def _bank_holiday_cover(authority, pas, today, end, manager, rng: random.Random) -> None:
    """The pattern leaves bank holidays empty; on the next one, the manager has added a short
    duty shift by hand, as a service might on Christmas Day."""
    coming = sorted(day for day in bank_holidays(today + dt.timedelta(days=1), end))
    if not coming:
        return
    starts_at = timezone.make_aware(dt.datetime.combine(coming[0], dt.time(10)))
    for pa in rng.sample(pas, len(pas)):
        try:
            services.shift_create(
                authority=authority, role=DutyRole.DUTY, starts_at=starts_at,
                ends_at=starts_at + dt.timedelta(hours=4), pa=pa, by=manager,
            )  # fmt: skip
        except services.RotaError:
            continue  # on leave that day: the next PA covers it
        return


def _enquiries(
    authority: Authority, pas: list[User], today: dt.date, rng: random.Random, *, days: int
):
    """Up to three calls a working day for every 250 young people, saved in bulk with the
    contact `services.enquiry_log` adds for a known young person."""
    people = list(YoungPerson.objects.filter(authority=authority).order_by("pk"))
    now = timezone.now()
    most = 3 * max(1, round(len(people) / 250))
    enquiries, contacts = [], []
    for days_ago in range(days, 0, -1):
        day = today - dt.timedelta(days=days_ago)
        if day.weekday() >= 5:
            continue
        for _ in range(rng.randint(0, most)):
            about, action, needs_follow_up = rng.choice(ENQUIRIES)
            received = timezone.make_aware(
                dt.datetime.combine(day, dt.time(rng.randint(9, 16), rng.randint(0, 59)))
            )
            known = rng.random() < 0.7
            channel = rng.choice(["phone", "phone", "phone", "text", "email", "in_person"])
            enquiry = DutyEnquiry(
                authority=authority,
                received_at=received,
                channel=channel,
                young_person=rng.choice(people) if known else None,
                caller="" if known else rng.choice(OTHER_CALLERS),
                about=about,
                action=action,
                follow_up_by=received + dt.timedelta(days=2) if needs_follow_up else None,
                handled_by=rng.choice(pas),
                created_at=received,
            )
            # Most follow-ups were done in time; a few recent ones are late, for the manager.
            if needs_follow_up and (days_ago > 6 or rng.random() < 0.5):
                enquiry.followed_up_at = min(now, received + dt.timedelta(days=1))
            enquiries.append(enquiry)
            if known:
                contacts.append(
                    Contact(
                        **services.enquiry_contact(enquiry),
                        recorded_by=enquiry.handled_by,
                        recorded_at=received,
                    )
                )
    DutyEnquiry.objects.bulk_create(enquiries, batch_size=1000)
    Contact.objects.bulk_create(contacts, batch_size=1000)
