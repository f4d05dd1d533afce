"""Fill an empty database with a believable, generated leaving-care service."""

from __future__ import annotations

import datetime as dt
import random

from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from faker import Faker

from common.dates import birthday
from devtools.region_demo import seed_region
from handovers import day as handovers_day
from notifications import services as notifications
from notifications.models import EmailState, Notification, Text, TextState
from people.demo import DEMO_PASSWORD, DEMO_SLUG, DEMO_TOTP_SECRET, sign_ins
from people.models import (
    Allocation,
    Authority,
    ContactMethod,
    EndReason,
    LegalStatus,
    Role,
    Sex,
    Team,
    User,
    YoungPerson,
)

AREAS = "North South East West Central Riverside Hillside Parkside Valley Market".split()
# Roughly how care leavers in England are recorded (DfE codes, shares out of 100).
ETHNICITY_SHARE = [
    ("WBRI", 62), ("WOTH", 4), ("WIRT", 1), ("WROM", 1), ("MWBC", 4), ("MWBA", 2),
    ("MWAS", 1), ("MOTH", 3), ("AIND", 1), ("APKN", 2), ("ABAN", 1), ("AOTH", 4),
    ("BCRB", 2), ("BAFR", 6), ("BOTH", 2), ("CHNE", 1), ("OOTH", 2), ("REFU", 1),
]  # fmt: skip
# First names common among people born in England 2000-2010 (Faker's en_GB lists
# lean to older generations, and a 19-year-old called Rosemary does not look real).
GIRLS = (
    "Olivia Amelia Emily Jessica Chloe Sophie Lily Ella Grace Mia Ruby Evie Holly Megan "
    "Lauren Charlotte Hannah Amy Ellie Leah Aaliyah Amira Zara Maryam Ayesha Keira Jade "
    "Courtney Shannon Niamh Precious Chantelle Kayla Tia Demi Abigail Freya Isabella"
).split()
BOYS = (
    "Jack Harry Oliver Charlie Thomas James Joshua George William Daniel Alfie Kai Tyler "
    "Callum Liam Connor Jordan Ryan Bradley Reece Mohammed Ahmed Yusuf Ibrahim Omar Adam "
    "Kofi Tunde Marcus Jayden Dylan Ethan Lewis Kieran Aiden Bilal Hamza Dawit Mehmet"
).split()
NICKNAMES = {
    "Joshua": "Josh",
    "Charlotte": "Lottie",
    "Mohammed": "Mo",
    "Isabella": "Bella",
    "Abigail": "Abbie",
    "Daniel": "Dan",
    "Thomas": "Tom",
    "William": "Will",
    "Jessica": "Jess",
    "Bradley": "Brad",
    "Ibrahim": "Ibby",
}
CASELOAD = 20  # young people per PA, roughly
PAS_PER_TEAM = 6


def team_plan(young_people: int) -> list[tuple[str, int, bool]]:
    """A council's teams as (name, how many PAs, for over-21s), in proportion to its size.

    About one PA for every 20 young people, six to a team, and a third of the teams for
    over-21s (who ask for support). The 250-person demo has three teams of four.
    """
    pas = max(12, young_people // CASELOAD)
    count = max(3, round(pas / PAS_PER_TEAM))
    older = max(1, round(count / 3))
    names = [
        f"{AREAS[i % len(AREAS)]} team" + (f" {i // len(AREAS) + 1}" if i >= len(AREAS) else "")
        for i in range(count - older)
    ] + ["21 plus team" + (f" {i + 1}" if i else "") for i in range(older)]
    return [
        (name, pas // count + (1 if i < pas % count else 0), i >= count - older)
        for i, name in enumerate(names)
    ]


class Command(BaseCommand):
    help = "Create demo data (a council, teams, staff, young people) if the database has none."

    def add_arguments(self, parser):
        parser.add_argument("--young-people", type=int, default=250)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing when any account exists already."
        )

    def handle(self, *args, young_people: int, seed: int, if_empty: bool, **options):
        if User.objects.exists():
            if if_empty:
                self.stdout.write("Demo data is already there; not seeding again.")
                return
            self.stderr.write(
                "The database already has accounts; seed_demo only fills an empty one."
            )
            return
        today = timezone.localdate()
        with transaction.atomic():
            northmoor = council_seed(
                young_people, name="Northmoor Council", slug=DEMO_SLUG, seed=seed, today=today
            )
            seed_region(northmoor=northmoor, today=today, seed=seed)
            sweep_this_morning(today)
        self.stdout.write(
            self.style.SUCCESS(f"Seeded {young_people} young people and their staff.")
        )


def council_seed(
    young_people: int, *, name: str, slug: str, seed: int, today: dt.date, **options
) -> Authority:
    """One council with its staff and young people, then each app's records for them.

    `options` go to the apps' seeders (`generate_dataset` asks the rota for a year).
    """
    authority = DemoBuilder(seed=seed, today=today).build(young_people, name=name, slug=slug)
    for config in apps.get_app_configs():
        seed_app = getattr(config, "seed_demo", None)
        if seed_app is not None:
            seed_app(authority=authority, today=today, seed=seed, **options)
    return authority


class DemoBuilder:
    """Generates people whose ages, statuses, dates and allocations agree with each other."""

    def __init__(self, *, seed: int, today: dt.date):
        self.random = random.Random(seed)
        # The details the returns need come from a stream of their own, so adding them did
        # not change who the demo's young people are.
        self.details = random.Random(seed + 903)
        self.fake = Faker("en_GB")
        self.fake.seed_instance(seed)
        self.today = today
        self.used_emails: set[str] = set()
        # Hashing is slow on purpose; every demo account shares one password, so hash it once.
        self.password_hash = make_password(DEMO_PASSWORD)

    def build(self, young_people: int, *, name: str, slug: str) -> Authority:
        is_demo = slug == DEMO_SLUG
        authority = Authority.objects.create(
            name=name,
            slug=slug,
            duty_phone="01632 960 100" if is_demo else f"01632 960 {self.random.randint(101, 999)}",
            contact_email="leaving.care@example.org"
            if is_demo
            else f"leaving.care@{slug}.example.org",
        )
        self.child_prefix = "NM" if is_demo else slug[:2].upper()
        self.domain = "example.org" if is_demo else f"{slug}.example.org"
        demo = sign_ins(authority)
        plan = team_plan(young_people)
        manager = self._staff(authority, Role.MANAGER, demo["Manager"])
        manager.sees_all_teams = True  # the service manager: every team, and the returns
        manager.save(update_fields=["sees_all_teams"])
        # The demo manager runs the first two teams; every other team has its own.
        bosses = [manager, manager] + [self._staff(authority, Role.MANAGER, None) for _ in plan[2:]]
        self._staff(authority, Role.OFFER_EDITOR, demo["Offer editor"])
        admin = self._staff(authority, Role.ADMIN, demo["Administrator"])
        admin.is_superuser = True
        admin.save()
        self._staff(authority, Role.AUDITOR, demo["Auditor"])
        teams = [
            Team.objects.create(authority=authority, name=team_name, manager=boss)
            for (team_name, _, _), boss in zip(plan, bosses, strict=True)
        ]
        pas = []
        for index, (team, (_, size, _)) in enumerate(zip(teams, plan, strict=True)):
            for number in range(size):
                email = demo["Personal adviser"] if index == 0 and number == 0 else None
                pas.append(self._staff(authority, Role.PA, email, team=team))
        people = [self._young_person(authority) for _ in range(young_people)]
        YoungPerson.objects.bulk_create(people)
        older = {team.pk for team, (_, _, for_older) in zip(teams, plan, strict=True) if for_older}
        self._allocate(people, pas, older, manager)
        self._care_leaver_account(people, demo["Care leaver"], pas)
        return authority

    def _return_details(self, born: dt.date, is_girl: bool) -> dict:
        """Sex, ethnicity, UPN, disability and motherhood, in proportions like a council's."""
        r = self.details
        self.child_number = getattr(self, "child_number", 100000) + 1
        ethnicity = r.choices(
            [code for code, _ in ETHNICITY_SHARE], [share for _, share in ETHNICITY_SHARE]
        )[0]
        details = {
            "child_id": f"{self.child_prefix}{self.child_number}",
            "sex": Sex.FEMALE if is_girl else Sex.MALE,
            "ethnicity": ethnicity,
            "upn": f"N{r.randint(10**11, 10**12 - 1)}" if r.random() < 0.85 else "",
            "has_disability": r.choices([True, False, None], [15, 75, 10])[0],
        }
        mother_from = born + dt.timedelta(days=17 * 365)
        if is_girl and mother_from < self.today and r.random() < 0.12:
            details["mothers_child_born_on"] = mother_from + dt.timedelta(
                days=r.randint(0, (self.today - mother_from).days)
            )
        return details

    def _email_for(self, first: str, last: str) -> str:
        base = f"{first}.{last}".lower().replace(" ", "").replace("'", "")
        email, n = f"{base}@{self.domain}", 1
        while email in self.used_emails:
            n += 1
            email = f"{base}{n}@{self.domain}"
        self.used_emails.add(email)
        return email

    def _staff(
        self, authority: Authority, role: str, email: str | None, team: Team | None = None
    ) -> User:
        first, last = self.fake.first_name(), self.fake.last_name()
        email = email or self._email_for(first, last)
        self.used_emails.add(email)
        user = User.objects.create(
            email=email,
            password=self.password_hash,
            first_name=first,
            last_name=last,
            role=role,
            authority=authority,
            team=team,
            phone=f"07700 900{self.random.randint(100, 999)}",
        )
        TOTP.activate(user, DEMO_TOTP_SECRET)
        RecoveryCodes.activate(user)
        return user

    def _young_person(self, authority: Authority) -> YoungPerson:
        age_days = self.random.randint(16 * 365 + 5, 25 * 365 + 360)
        born = self.today - dt.timedelta(days=age_days)
        age = (self.today - born).days // 365
        if age < 18:
            status = self.random.choice([LegalStatus.ELIGIBLE] * 3 + [LegalStatus.RELEVANT])
        else:
            status = self.random.choice(
                [LegalStatus.FORMER_RELEVANT] * 9 + [LegalStatus.QUALIFYING]
            )
        left_care = None
        if status != LegalStatus.ELIGIBLE:
            left_at = self.random.choice([16, 17, 18, 18, 18])
            left_care = min(
                born + dt.timedelta(days=left_at * 365 + self.random.randint(0, 300)), self.today
            )
        is_girl = self.random.random() < 0.45
        first = self.random.choice(GIRLS if is_girl else BOYS)
        last = self.fake.last_name()
        has_email = self.random.random() < 0.8
        return YoungPerson(
            authority=authority,
            **self._return_details(born, is_girl),
            first_name=first,
            last_name=last,
            preferred_name=NICKNAMES.get(first, "") if self.random.random() < 0.5 else "",
            date_of_birth=born,
            legal_status=status,
            date_left_care=left_care,
            is_unaccompanied_asylum_seeker=self.random.random() < 0.08,
            email=self._email_for(first, last) if has_email else "",
            phone=f"07700 900{self.random.randint(100, 999)}",
            address=self.fake.address(),
            preferred_contact=self.random.choice(
                [ContactMethod.TEXT] * 5 + [ContactMethod.PHONE] * 3 + [ContactMethod.EMAIL] * 2
            ),
        )

    def _allocate(
        self, people: list[YoungPerson], pas: list[User], older_teams: set[int], by: User
    ) -> None:
        """Under-21s all have a PA; over-21s only some (support from 21 is on request). Those
        who did not ask had a PA until their 21st birthday, when support ended, so the returns
        of the years before it find them in touch."""
        young_pas = [pa for pa in pas if pa.team_id not in older_teams]
        older_pas = [pa for pa in pas if pa.team_id in older_teams]
        allocations = []
        for person in people:
            age = person.age_on(self.today)
            ended_at_21 = age >= 21 and self.random.random() < 0.4
            until = birthday(person.date_of_birth, 21) if ended_at_21 else self.today
            pool = older_pas if age >= 21 and not ended_at_21 else young_pas
            start = max(
                person.date_of_birth + dt.timedelta(days=16 * 365),
                self.today - dt.timedelta(days=5 * 365),
            )
            if ended_at_21 and until - start < dt.timedelta(days=60):
                continue  # support had ended before the years the portal holds
            if self.random.random() < 0.35 and (until - start).days > 400:
                changed = start + dt.timedelta(
                    days=self.random.randint(180, (until - start).days - 30)
                )
                allocations.append(
                    Allocation(
                        young_person=person,
                        pa=self.random.choice(pas),
                        started_on=start,
                        ended_on=changed,
                        end_reason=self.random.choice([EndReason.REALLOCATED, EndReason.PA_LEFT]),
                        created_by=by,
                    )
                )
                start = changed
            allocations.append(
                Allocation(
                    young_person=person,
                    pa=self.random.choice(pool),
                    started_on=start,
                    ended_on=until if ended_at_21 else None,
                    end_reason=EndReason.SUPPORT_ENDED if ended_at_21 else "",
                    created_by=by,
                )
            )
        Allocation.objects.bulk_create(allocations)

    def _care_leaver_account(self, people: list[YoungPerson], email: str, pas: list[User]) -> None:
        """Give one 19-year-old with a PA in the demo PA's caseload an account to sign in with."""
        demo_pa = pas[0]  # the first PA of the first team is the demo PA
        person = next(p for p in people if p.age_on(self.today) == 19)
        Allocation.objects.filter(young_person=person, ended_on__isnull=True).update(pa=demo_pa)
        user = User.objects.create(
            email=email,
            password=self.password_hash,
            first_name=person.known_as,
            last_name=person.last_name,
            role=Role.CARE_LEAVER,
            authority_id=person.authority_id,
        )
        person.user = user
        person.email = email
        person.save(update_fields=["user", "email"])


def sweep_this_morning(today: dt.date) -> None:
    """Run the handovers' morning and the reminder rules as they would have run, emails
    already gone out."""
    handovers_day.day_steps(today)
    for name in notifications.rules():
        notifications.rule_run(name=name, day=today)
    sent = min(timezone.now(), timezone.localtime().replace(hour=6, minute=31))
    Notification.objects.filter(email_state=EmailState.PENDING).update(
        email_state=EmailState.SENT, emailed_at=sent, email_attempts=1, created_at=sent
    )
    Notification.objects.exclude(email_state=EmailState.SENT).update(created_at=sent)
    Text.objects.filter(state=TextState.PENDING).update(
        state=TextState.SENT, sent_at=sent, attempts=1, created_at=sent
    )
