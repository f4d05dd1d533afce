"""The SSDA903 return window: the one rule for when the DfE's facts about a birthday are due.

Around each 17th to 21st birthday the return asks whether the council was in touch (a
contact from three months before the birthday to one month after it) and what the young
person's main activity and home were on the day. The prompt on logging a contact, the
reminder, the returns' check list and `export_returns --strict` all ask this module.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass

from common.dates import add_months, birthday
from people.models import LegalStatus

AGES = (17, 18, 19, 20, 21)
MONTHS_BEFORE = 3
MONTHS_AFTER = 1
# The second reminder goes this long before the window closes.
CLOSING_SOON = dt.timedelta(days=7)


@dataclass(frozen=True)
class ReturnWindow:
    age: int
    birthday: dt.date
    opens: dt.date
    closes: dt.date

    def is_open_on(self, day: dt.date) -> bool:
        return self.opens <= day <= self.closes

    def is_closing_soon_on(self, day: dt.date) -> bool:
        return self.closes - CLOSING_SOON <= day <= self.closes


@dataclass(frozen=True)
class BirthdayFacts:
    """What a PA confirmed about a birthday the return asks about; "" leaves one as it is."""

    window: ReturnWindow
    activity: str = ""
    home_kind: str = ""
    home_suitable: bool | None = None


def ordinal(age: int) -> str:
    return f"{age}st" if age == 21 else f"{age}th"


def around(day: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last days that contact counts as "in touch" for a birthday on `day`."""
    return add_months(day, -MONTHS_BEFORE), add_months(day, MONTHS_AFTER)


def window_for(date_of_birth: dt.date, age: int) -> ReturnWindow:
    """The window of the birthday on which someone born on `date_of_birth` turns `age`."""
    day = birthday(date_of_birth, age)
    opens, closes = around(day)
    return ReturnWindow(age=age, birthday=day, opens=opens, closes=closes)


def window_open_on(date_of_birth: dt.date, day: dt.date) -> ReturnWindow | None:
    """The window open on `day`, if any: windows are four months a year, so never two."""
    for age in AGES:
        window = window_for(date_of_birth, age)
        if window.is_open_on(day):
            return window
    return None


def counts_for(person, window: ReturnWindow) -> bool:
    """Whether the return asks about this young person's birthday: not a qualifying care
    leaver, not someone who died before it, and at 17 only once they had left care."""
    if person.legal_status == LegalStatus.QUALIFYING:
        return False
    if person.died_on and person.died_on <= window.closes:
        return False
    if window.age == 17:
        return person.date_left_care is not None and person.date_left_care <= window.birthday
    return True


def open_window(person, day: dt.date) -> ReturnWindow | None:
    """The window open on `day` that the return will ask this young person about, if any."""
    window = window_open_on(person.date_of_birth, day)
    return window if window is not None and counts_for(person, window) else None


def spell_on(spells: list, day: dt.date):
    """Of spells in date order (anything with `started_on`), the one that had started by
    `day`, or None. A spell runs until the next one starts."""
    index = bisect_right([spell.started_on for spell in spells], day)
    return spells[index - 1] if index else None


def facts_missing(
    window: ReturnWindow, *, contact_days: list[dt.date], homes: list, activities: list
) -> dict[str, str]:
    """What the return still lacks for this window ("contact", "activity", "home"), each in
    words for a PA. A birthday still to come is covered by what is recorded today, since
    nothing is recorded ahead of its day."""
    missing = {}
    if not any(window.is_open_on(day) for day in contact_days):
        missing["contact"] = (
            f"a contact between {window.opens:%-d %B %Y} and {window.closes:%-d %B %Y}"
        )
    if spell_on(activities, window.birthday) is None:
        missing["activity"] = "their main activity on their birthday"
    if spell_on(homes, window.birthday) is None:
        missing["home"] = "where they lived on their birthday"
    return missing
