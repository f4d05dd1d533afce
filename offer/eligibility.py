"""Who an item is for: one set of rules, for the lists, the reasons and the item pages.

An item's rules are an age range, the legal statuses it is for, and the circumstances
it is for. Each part left empty means "anyone"; a person needs at least one of the
listed statuses and at least one of the listed circumstances.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from offer.models import Circumstance, OfferItemVersion
from people.models import LegalStatus, YoungPerson

# The legal statuses as a group of care leavers ("care leavers who are ..."), and as a
# young person's own answer on the checker.
STATUS_GROUP = {
    LegalStatus.ELIGIBLE: "16 or 17 and still in care",
    LegalStatus.RELEVANT: "16 or 17 and have left care",
    LegalStatus.FORMER_RELEVANT: "18 or over and were in care at 16 or 17",
    LegalStatus.QUALIFYING: (
        "living with a special guardian, or were in care only for a short time after turning 14"
    ),
}
STATUS_ANSWER = {
    LegalStatus.ELIGIBLE: "I am 16 or 17 and still in care",
    LegalStatus.RELEVANT: "I am 16 or 17 and I have left care",
    LegalStatus.FORMER_RELEVANT: "I am 18 or over and I was in care when I was 16 or 17",
    LegalStatus.QUALIFYING: (
        "I live with a special guardian, or I was in care only for a short time after I turned 14"
    ),
}
# Each circumstance after "you": "You said you are a parent."
CIRCUMSTANCE_AFTER_YOU = {
    Circumstance.IN_EDUCATION: "are in school, college or training",
    Circumstance.AT_UNIVERSITY: "are at university or in other higher education",
    Circumstance.IN_WORK: "are in work or an apprenticeship",
    Circumstance.LOOKING_FOR_WORK: "are looking for work",
    Circumstance.PARENT: "are a parent",
    Circumstance.PREGNANT: "are pregnant, or your partner is",
    Circumstance.DISABLED: "are disabled, or have a long-term health condition",
    Circumstance.ASYLUM_SEEKER: "came to the UK alone as a child, seeking asylum",
    Circumstance.IN_CUSTODY: "are in custody, or were released recently",
    Circumstance.OUT_OF_AREA: "live outside the council's area",
}
SAID = "You said"
ON_RECORD = "Your record says"


@dataclass(frozen=True)
class Person:
    """What the rules need to know about someone: nothing that identifies them."""

    age: int
    legal_status: str | None = None  # None: they are not sure
    circumstances: frozenset[str] = field(default_factory=frozenset)


def age_on(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def person_from_record(young_person: YoungPerson, today: dt.date) -> Person:
    """What a young person's own record says, for "your offer"."""
    circumstances = set()
    if young_person.is_unaccompanied_asylum_seeker:
        circumstances.add(Circumstance.ASYLUM_SEEKER.value)
    return Person(
        age=young_person.age_on(today),
        legal_status=young_person.legal_status,
        circumstances=frozenset(circumstances),
    )


def rules_hold(version: OfferItemVersion, person: Person) -> bool:
    """Whether the item's rules let this person have it."""
    return (
        (version.min_age is None or version.min_age <= person.age)
        and (version.max_age is None or person.age <= version.max_age)
        and (not version.legal_statuses or person.legal_status in version.legal_statuses)
        and (not version.circumstances or bool(person.circumstances & set(version.circumstances)))
    )


def who_it_is_for(version: OfferItemVersion) -> list[tuple[str, list[str]]]:
    """The rules in plain words for the item page: each line, and any list that goes with it."""
    lines: list[tuple[str, list[str]]] = []
    ages = _age_range(version)
    if ages:
        lines.append((f"Young people aged {ages}.", []))
    groups = [STATUS_GROUP[status] for status in version.legal_statuses]
    if len(groups) == 1:
        lines.append((f"Care leavers who are {groups[0]}.", []))
    elif groups:
        lines.append(("Care leavers who are:", groups))
    phrases = [f"you {CIRCUMSTANCE_AFTER_YOU[c]}" for c in version.circumstances]
    if len(phrases) == 1:
        lines.append((f"If {phrases[0]}.", []))
    elif phrases:
        lines.append(("If any of these is true:", phrases))
    return lines or [("Every care leaver.", [])]


def reasons(version: OfferItemVersion, person: Person, source: str = SAID) -> list[str]:
    """Why this person can get this item, one short sentence a rule."""
    lines = []
    ages = _age_range(version)
    if ages:
        lines.append(f"You are {person.age}, and it is for ages {ages}.")
    if version.legal_statuses and person.legal_status:
        lines.append(f"It is for care leavers who are {STATUS_GROUP[person.legal_status]}.")
    for circumstance in version.circumstances:
        if circumstance in person.circumstances:
            lines.append(f"{source} you {CIRCUMSTANCE_AFTER_YOU[circumstance]}.")
    return lines or ["It is for every care leaver."]


def _age_range(version: OfferItemVersion) -> str:
    low, high = version.min_age, version.max_age
    if low is None and high is None:
        return ""
    if low is None:
        return f"up to {high}"
    if high is None:
        return f"{low} and over"
    return f"{low} to {high}"
