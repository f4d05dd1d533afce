"""The DfE's SSDA903 care leavers return, worked out from the record.

A young person is in a collection year (1 April to 31 March) when their 17th, 18th, 19th,
20th or 21st birthday falls in it. What is sent is taken around that birthday: in touch if
the service had contact between three months before and one month after it; activity and
accommodation as they were on the day. Codes and sources: docs/research/ssda903-codes.md.

`care_leavers()` reads the year's young people and their histories in four queries, however
many there are, and gives one `CareLeaverRow` each, with what is missing to complete it.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery

from common.dates import add_months
from common.lookups import among
from pathway.models import (
    AccommodationSpell,
    ActivitySpell,
    Contact,
    ReturnDownload,
    Review,
    ReviewState,
)
from pathway.windows import (
    AGES,
    MONTHS_AFTER,
    MONTHS_BEFORE,
    around,
    facts_missing,
    spell_on,
    window_for,
)
from people.models import Allocation, CouncilMove, EndReason, LegalStatus, Sex, YoungPerson
from people.selectors import birthday_sql

IN_TOUCH_MONTHS_BEFORE = MONTHS_BEFORE
IN_TOUCH_MONTHS_AFTER = MONTHS_AFTER
HOME_MONTHS = 6  # living with parents this long before the birthday counts as "returned home"
SERVICE_ENDED = {EndReason.SUPPORT_ENDED, EndReason.YOUNG_PERSON_CHOICE}


def latest_year(today: dt.date) -> int:
    """The newest collection year that has ended (a year ends on 31 March)."""
    return today.year if today.month > 3 else today.year - 1


def year_of(day: dt.date) -> int:
    """The collection year `day` falls in (named by the year it ends)."""
    return day.year + 1 if day.month > 3 else day.year


def collection_year(year: int) -> tuple[dt.date, dt.date]:
    """`year` names the year the collection ends: 2026 is 1 April 2025 to 31 March 2026."""
    return dt.date(year - 1, 4, 1), dt.date(year, 3, 31)


def dfe_date(day: dt.date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


@dataclass
class CareLeaverRow:
    person: YoungPerson
    age: int
    birthday: dt.date
    in_touch: str
    activity: str
    accommodation: str
    last_contact: dt.date | None
    problems: list[str] = field(default_factory=list)
    # What a form can put right: "sex", "ethnicity", "contact", "activity", "home".
    to_fix: set[str] = field(default_factory=set)

    @property
    def window(self) -> tuple[dt.date, dt.date]:
        return around(self.birthday)

    def care_leavers_line(self) -> list[str]:
        """CHILD, DOB, IN_TOUCH, ACTIV, ACCOM."""
        person = self.person
        return [
            person.child_id,
            dfe_date(person.date_of_birth),
            self.in_touch,
            self.activity,
            self.accommodation,
        ]

    def header_line(self) -> list[str]:
        """CHILD, SEX, DOB, ETHNIC, UPN, MOTHER, MC_DOB."""
        person = self.person
        mother = ""
        if person.sex == Sex.FEMALE:
            mother = "1" if person.mothers_child_born_on else "0"
        return [
            person.child_id,
            person.sex,
            dfe_date(person.date_of_birth),
            person.ethnicity,
            person.upn,
            mother,
            dfe_date(person.mothers_child_born_on) if mother == "1" else "",
        ]


CARE_LEAVERS_COLUMNS = ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"]
HEADER_COLUMNS = ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"]


def councils_in(authority_id: int, start: dt.date, end: dt.date) -> Q:
    """The council's young people at some time from `start` to `end`: theirs now (unless
    their support moved here after `end`), or moved from here to another council since
    `start` (a move of council keeps the first council's returns for those years).

    Those who moved away are looked up first, in a query of their own: as a subquery in
    the OR, PostgreSQL read every council's young people (100,000) to find 2,500."""
    came_later = Exists(
        CouncilMove.objects.filter(
            young_person=OuterRef("pk"), to_authority_id=authority_id, moved_on__gt=end
        )
    )
    left_since = CouncilMove.objects.filter(from_authority_id=authority_id, moved_on__gte=start)
    moved_away = list(left_since.values_list("young_person_id", flat=True))
    return (Q(authority_id=authority_id) & ~came_later) | Q(pk__in=among(moved_away))


def people_in_year(authority_id: int, year: int) -> QuerySet[YoungPerson]:
    start, end = collection_year(year)
    turns = Q()
    for age in AGES:
        turns |= Q(**{f"turns_{age}__gte": start, f"turns_{age}__lte": end})
    # Care leavers: not qualifying care leavers (in care for less than 13 weeks), and at 17
    # only those who had left care by the birthday (relevant, not eligible, children).
    left_by_17 = Q(date_left_care__isnull=False, date_left_care__lte=F("turns_17"))
    seventeen = Q(turns_17__gte=start, turns_17__lte=end)
    return (
        YoungPerson.objects.filter(councils_in(authority_id, start, end))
        .exclude(legal_status=LegalStatus.QUALIFYING)
        .annotate(**{f"turns_{age}": birthday_sql(age) for age in AGES})
        .filter(turns)
        .exclude(seventeen & ~left_by_17)
        .order_by("child_id", "pk")
    )


def care_leavers(
    authority_id: int, year: int, today: dt.date, young_person_id: int | None = None
) -> list[CareLeaverRow]:
    """Every young person in the year (or just one) with their codes; five queries in all."""
    people = people_in_year(authority_id, year)
    if young_person_id is not None:
        people = people.filter(pk=young_person_id)
    people = list(people)
    start, end = collection_year(year)
    ids = [person.pk for person in people]
    first, last = around(start)[0], around(end)[1]
    contacts = by_person(
        Contact.objects.filter(young_person__in=among(ids), happened_on__range=(first, last)),
        "happened_on",
    )
    homes = by_person(AccommodationSpell.objects.filter(young_person__in=among(ids)), *HOME)
    activities = by_person(ActivitySpell.objects.filter(young_person__in=among(ids)), *ACTIVITY)
    ended = by_person(Allocation.objects.filter(young_person__in=among(ids)), *ALLOCATION)
    return [
        _row(
            person,
            (start, end),
            today,
            contacts[person.pk],
            homes[person.pk],
            activities[person.pk],
            ended[person.pk],
        )
        for person in people
    ]


# What the rules read of each history, the date it is in order of first.
HOME = ("started_on", "kind", "suitable")
ACTIVITY = ("started_on", "code")
ALLOCATION = ("started_on", "ended_on", "end_reason")


def by_person(rows: QuerySet, date_field: str, *fields: str) -> dict[int, list]:
    """Each young person's rows in date order, as named tuples of the fields the rules read.

    Not whole records: a council's year is tens of thousands of contacts, and making each
    a model instance was most of the time a return took."""
    found = defaultdict(list)
    for row in rows.order_by(date_field, "pk").values_list(
        "young_person_id", date_field, *fields, named=True
    ):
        found[row.young_person_id].append(row)
    return found


_on = spell_on


def _row(person, year, today, contacts, homes, activities, allocations) -> CareLeaverRow:
    start, end = year
    age = next(a for a in AGES if start <= getattr(person, f"turns_{a}") <= end)
    window = window_for(person.date_of_birth, age)
    day, opens, closes = window.birthday, window.opens, window.closes
    near = [c for c in contacts if opens <= c.happened_on <= closes]
    home, activity = _on(homes, day), _on(activities, day)
    in_touch = _in_touch(person, day, near, homes, allocations)
    row = CareLeaverRow(
        person=person,
        age=age,
        birthday=day,
        in_touch=in_touch,
        activity="0",
        accommodation="0",
        last_contact=near[-1].happened_on if near else None,
    )
    if in_touch == "YES":
        row.activity = activity.code if activity else "0"
        row.accommodation = f"{home.kind}{1 if home.suitable else 2}" if home else "0"
    row.problems = _problems(row, today, home, activity)
    row.to_fix = _to_fix(row, near, homes, activities)
    return row


def _to_fix(row: CareLeaverRow, near: list, homes: list, activities: list) -> set[str]:
    """The fields a form asks for to complete the record: the missing details, and while
    the answer is in touch (or would be, once a contact is recorded) the window's facts."""
    person = row.person
    details = {"sex": person.sex, "ethnicity": person.ethnicity}  # a child ID is the admin's
    fix = {name for name, value in details.items() if not value}
    if row.in_touch in ("YES", "NO"):
        window = window_for(person.date_of_birth, row.age)
        contact_days = [contact.happened_on for contact in near]
        fix |= set(
            facts_missing(window, contact_days=contact_days, homes=homes, activities=activities)
        )
    return fix


def _in_touch(person, day, near, homes, allocations) -> str:
    """DIED, then RHOM, then YES, REFU, NREQ or NO, as the DfE's guide orders them."""
    if person.died_on and person.died_on <= add_months(day, IN_TOUCH_MONTHS_AFTER):
        return "DIED"
    home = _on(homes, day)
    if home is not None and home.kind == "B":
        since = _home_since(homes, day)
        if since <= add_months(day, -HOME_MONTHS):
            return "RHOM"
    if near:
        return "YES"
    if person.refuses_contact_since and person.refuses_contact_since <= day:
        return "REFU"
    current = [a for a in allocations if a.started_on <= day and (a.ended_on or day) >= day]
    finished = [a for a in allocations if a.ended_on and a.ended_on <= day]
    if not current and finished and finished[-1].end_reason in SERVICE_ENDED:
        return "NREQ"
    return "NO"


def _home_since(homes: list, day: dt.date) -> dt.date:
    """When the unbroken run of living with parents that covers `day` began."""
    index = bisect_right([spell.started_on for spell in homes], day) - 1
    while index > 0 and homes[index - 1].kind == "B":
        index -= 1
    return homes[index].started_on


def _problems(row: CareLeaverRow, today: dt.date, home, activity) -> list[str]:
    """What stops this record being sent as it is, in words staff can act on."""
    person, problems = row.person, []
    opens, closes = row.window
    if not person.child_id:
        problems.append("No child ID")
    if not person.sex:
        problems.append("Sex not recorded")
    if not person.ethnicity:
        problems.append("Ethnicity not recorded")
    # In touch on a birthday that has passed is settled, whatever the window's last weeks.
    settled = row.in_touch in ("DIED", "RHOM") or (row.in_touch == "YES" and row.birthday < today)
    if closes >= today and not settled:
        problems.append(f"Their birthday window is still open (until {closes:%-d %B %Y})")
    elif row.in_touch == "NO":
        problems.append(f"No contact recorded between {opens:%-d %B %Y} and {closes:%-d %B %Y}")
    if row.in_touch == "YES" and activity is None:
        problems.append(f"No main activity recorded on their birthday ({row.birthday:%-d %B %Y})")
    if row.in_touch == "YES" and home is None:
        problems.append(f"No accommodation recorded on their birthday ({row.birthday:%-d %B %Y})")
    return problems


# --- Ofsted's Annex A, list 9: care leavers (docs/research/annex-a-care-leavers.md) ---------

ANNEX_A_COLUMNS = [
    "Child Unique ID",
    "Gender",
    "Ethnicity",
    "Date of Birth",
    "Age of Child (Years)",
    "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)",
    "Does the Child have a Disability",
    "Allocated Team",
    "Allocated Worker",
    "Allocated Personal Advisor",
    "Eligibility Category",
    "Latest Pathway Plan Review Date",
    "LA in Touch",
    "Latest Date of Contact",
    "Type of Accommodation",
    "Suitability of Accommodation",
    "Activity Status",
]
ANNEX_A_GENDER = {"M": "a) Male", "F": "b) Female", "U": "c) Not stated/recorded", "": ""}
ANNEX_A_ETHNICITY = {
    code: f"{letter}) {code}"
    for letter, code in zip(
        "abcdefghijklmnopqrst",
        "WBRI WIRI WIRT WOTH WROM MWBC MWBA MWAS MOTH AIND APKN ABAN AOTH BCRB BAFR BOTH "
        "CHNE OOTH REFU NOBT".split(),
        strict=True,
    )
}
ANNEX_A_STATUS = {
    "relevant": "a) Relevant child",
    "former_relevant": "b) Former relevant child",
    "qualifying": "c) Qualifying care leaver",
    "eligible": "d) Eligible child",
}
ANNEX_A_IN_TOUCH = {
    "YES": "a) Yes",
    "NO": "b) No",
    "DIED": "c) Died",
    "REFU": "d) Refu",
    "NREQ": "e) NREQ",
    "RHOM": "f) Rhom",
}
ANNEX_A_ACCOMMODATION = {
    "B": "B: Parents/relatives",
    "C": "C: Community home/residential care",
    "D": "D: Semi-independent, transitional accommodation and self-contained accommodation",
    "E": "E: Supported lodgings",
    "G": "G: Abroad",
    "H": "H: Deported",
    "K": "K: Ordinary lodgings, without formal support",
    "R": "R: Residence not known",
    "S": "S: No fixed abode/homeless",
    "T": "T: Foyers and similar supported accommodation",
    "U": "U: Independent living",
    "V": "V: Emergency accommodation",
    "W": "W: Bed and breakfast",
    "X": "X: In custody",
    "Y": "Y: Other accommodation",
    "Z": "Z: With former foster carers",
}
ANNEX_A_ACTIVITY = {
    "F1": "F1: Full time in higher education",
    "P1": "P1: Part time in higher education",
    "F2": "F2: Full time in education other than higher",
    "P2": "P2: Part time in education other than higher",
    "F4": "F4: Young person engaged full time in an apprenticeship",
    "P4": "P4: Young person engaged part time in an apprenticeship",
    "F5": "F5: Young person engaged full time in training or employment (not apprenticeship)",
    "P5": "P5: Young person engaged part time in training or employment (not apprenticeship)",
    "G4": "G4: Not in education, employment or training - illness or disability",
    "G5": "G5: Not in education, employment or training - other",
    "G6": "G6: Not in education, employment or training - pregnancy or parenting",
}


def annex_a_date(year: int, today: dt.date) -> dt.date:
    """The list is a snapshot: on the last day of the collection year, or today if sooner."""
    return min(collection_year(year)[1], today)


def annex_a(authority_id: int, as_at: dt.date) -> list[list[str]]:
    """Everyone aged 16 to 25 on `as_at` (Ofsted's "entitled" care leavers), one row each,
    in six queries however many."""
    current = Allocation.objects.filter(young_person=OuterRef("pk"), started_on__lte=as_at).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=as_at)
    )
    people = list(
        YoungPerson.objects.filter(
            councils_in(authority_id, as_at, as_at),
            date_of_birth__gt=add_months(as_at, -26 * 12),
            date_of_birth__lte=add_months(as_at, -16 * 12),
        )
        .annotate(
            pa_first=Subquery(current.values("pa__first_name")[:1]),
            pa_last=Subquery(current.values("pa__last_name")[:1]),
            team=Subquery(current.values("pa__team__name")[:1]),
            reviewed_on=Subquery(
                Review.objects.filter(
                    plan__young_person=OuterRef("pk"),
                    state=ReviewState.SIGNED,
                    held_on__lte=as_at,
                )
                .order_by("-held_on")
                .values("held_on")[:1]
            ),
        )
        .order_by("child_id", "pk")
    )
    ids = [person.pk for person in people]
    contacts = by_person(
        Contact.objects.filter(young_person__in=among(ids), happened_on__lte=as_at), "happened_on"
    )
    homes = by_person(
        AccommodationSpell.objects.filter(young_person__in=among(ids), started_on__lte=as_at),
        *HOME,
    )
    activities = by_person(
        ActivitySpell.objects.filter(young_person__in=among(ids), started_on__lte=as_at),
        *ACTIVITY,
    )
    allocations = by_person(Allocation.objects.filter(young_person__in=among(ids)), *ALLOCATION)
    since = add_months(as_at, -IN_TOUCH_MONTHS_BEFORE)
    lines = []
    for person in people:
        seen = contacts[person.pk]
        near = [contact for contact in seen if contact.happened_on >= since]
        in_touch = _in_touch(person, as_at, near, homes[person.pk], allocations[person.pk])
        home, activity = _on(homes[person.pk], as_at), _on(activities[person.pk], as_at)
        pa = f"{person.pa_first} {person.pa_last}" if person.pa_first else ""
        uasc = person.is_unaccompanied_asylum_seeker
        disabled = {True: "a) Yes", False: "b) No", None: "c) Unknown"}[person.has_disability]
        lines.append(
            [
                person.child_id,
                ANNEX_A_GENDER[person.sex],
                ANNEX_A_ETHNICITY.get(person.ethnicity, ""),
                dfe_date(person.date_of_birth),
                str(person.age_on(as_at)),
                "a) Yes" if uasc else "b) No",
                disabled,
                person.team or "",
                pa,
                pa,
                ANNEX_A_STATUS[person.legal_status],
                dfe_date(person.reviewed_on),
                ANNEX_A_IN_TOUCH[in_touch],
                dfe_date(seen[-1].happened_on if seen else None),
                ANNEX_A_ACCOMMODATION[home.kind] if home else "",
                ("a) Suitable" if home.suitable else "b) Unsuitable") if home else "",
                ANNEX_A_ACTIVITY[activity.code] if activity else "",
            ]
        )
    return lines


# --- The files, as the DfE and Ofsted take them ------------------------------------------

FILES = {
    "903-header": "SSDA903 header",
    "903-care-leavers": "SSDA903 care leavers",
    "annex-a": "Annex A list 9: care leavers",
}


def file_rows(what: str, authority_id: int, year: int, today: dt.date) -> list[list[str]]:
    """The CSV's lines, its column names first."""
    if what == "annex-a":
        return [ANNEX_A_COLUMNS, *annex_a(authority_id, annex_a_date(year, today))]
    rows = care_leavers(authority_id, year, today)
    if what == "903-header":
        return [HEADER_COLUMNS, *(row.header_line() for row in rows)]
    return [CARE_LEAVERS_COLUMNS, *(row.care_leavers_line() for row in rows)]


def file_name(what: str, year: int) -> str:
    return {
        "903-header": f"ssda903_header_{year}.csv",
        "903-care-leavers": f"ssda903_care_leavers_{year}.csv",
        "annex-a": f"annex_a_care_leavers_{year}.csv",
    }[what]


def download_record(*, authority_id: int, what: str, year: int, rows: int, by) -> None:
    """The audit of a return leaving the portal, by a person or by the scheduled export."""
    ReturnDownload.objects.create(authority_id=authority_id, what=what, year=year, rows=rows, by=by)
