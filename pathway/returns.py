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

from django.db.models import Q, QuerySet

from pathway.models import AccommodationSpell, ActivitySpell, Contact
from portal.dates import add_months, birthday
from portal.models import Allocation, EndReason, Sex, YoungPerson
from portal.selectors import birthday_sql

AGES = (17, 18, 19, 20, 21)
IN_TOUCH_MONTHS_BEFORE = 3
IN_TOUCH_MONTHS_AFTER = 1
HOME_MONTHS = 6  # living with parents this long before the birthday counts as "returned home"
SERVICE_ENDED = {EndReason.SUPPORT_ENDED, EndReason.YOUNG_PERSON_CHOICE}


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
            dfe_date(person.mothers_child_born_on),
        ]


CARE_LEAVERS_COLUMNS = ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"]
HEADER_COLUMNS = ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"]


def around(day: dt.date) -> tuple[dt.date, dt.date]:
    """The days contact counts as "in touch" for a birthday."""
    return add_months(day, -IN_TOUCH_MONTHS_BEFORE), add_months(day, IN_TOUCH_MONTHS_AFTER)


def people_in_year(authority_id: int, year: int) -> QuerySet[YoungPerson]:
    start, end = collection_year(year)
    turns = Q()
    for age in AGES:
        turns |= Q(**{f"turns_{age}__gte": start, f"turns_{age}__lte": end})
    return (
        YoungPerson.objects.filter(authority_id=authority_id)
        .annotate(**{f"turns_{age}": birthday_sql(age) for age in AGES})
        .filter(turns)
        .order_by("child_id", "pk")
    )


def care_leavers(authority_id: int, year: int, today: dt.date) -> list[CareLeaverRow]:
    """Every young person in the year with their codes; four queries in all."""
    people = list(people_in_year(authority_id, year))
    start, end = collection_year(year)
    ids = [person.pk for person in people]
    first, last = around(start)[0], around(end)[1]
    contacts = _by_person(
        Contact.objects.filter(young_person__in=ids, happened_on__range=(first, last)),
        "happened_on",
    )
    homes = _by_person(AccommodationSpell.objects.filter(young_person__in=ids), "started_on")
    activities = _by_person(ActivitySpell.objects.filter(young_person__in=ids), "started_on")
    ended = defaultdict(list)
    for allocation in Allocation.objects.filter(young_person__in=ids).order_by("started_on"):
        ended[allocation.young_person_id].append(allocation)
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


def _by_person(rows: QuerySet, date_field: str) -> dict[int, list]:
    found = defaultdict(list)
    for row in rows.order_by(date_field, "pk"):
        found[row.young_person_id].append(row)
    return found


def _on(spells: list, day: dt.date):
    """The spell that had started by `day` (the latest one), or None."""
    index = bisect_right([spell.started_on for spell in spells], day)
    return spells[index - 1] if index else None


def _row(person, year, today, contacts, homes, activities, allocations) -> CareLeaverRow:
    start, end = year
    age = next(a for a in AGES if start <= getattr(person, f"turns_{a}") <= end)
    day = birthday(person.date_of_birth, age)
    opens, closes = around(day)
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
    return row


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
    if closes >= today and row.in_touch not in ("DIED", "RHOM"):
        problems.append(f"Their birthday window is still open (until {closes:%-d %B %Y})")
    elif row.in_touch == "NO":
        problems.append(f"No contact recorded between {opens:%-d %B %Y} and {closes:%-d %B %Y}")
    if row.in_touch == "YES" and activity is None:
        problems.append(f"No main activity recorded on their birthday ({row.birthday:%-d %B %Y})")
    if row.in_touch == "YES" and home is None:
        problems.append(f"No accommodation recorded on their birthday ({row.birthday:%-d %B %Y})")
    return problems
