"""The review rule and the birthdays that matter, as pure functions."""

import datetime as dt

import pytest

from common.dates import birthday
from pathway.due import contact_due_on, next_birthday_that_matters, review_due_on

D = dt.date


@pytest.mark.parametrize(
    ("last_signed", "asked", "expected", "why"),
    [
        (D(2026, 3, 10), [], D(2026, 9, 10), "six months after the last signed review"),
        (D(2026, 8, 31), [], D(2027, 2, 28), "the end of a shorter month"),
        (D(2026, 3, 10), [D(2026, 4, 1)], D(2026, 4, 29), "asked for: four weeks from then"),
        (D(2026, 3, 10), [D(2026, 8, 30)], D(2026, 9, 10), "never later than six months"),
        (D(2026, 3, 10), [D(2026, 6, 1), D(2026, 5, 1)], D(2026, 5, 29), "the earliest request"),
    ],
)
def test_the_next_review_is_six_months_after_the_last_or_sooner_when_asked(
    last_signed, asked, expected, why
):
    started = D(2025, 1, 1)
    assert review_due_on(started_on=started, last_signed_on=last_signed, asked_on=asked) == (
        expected
    ), why


def test_a_first_plan_is_due_three_months_after_it_is_started():
    assert review_due_on(started_on=D(2026, 11, 30), last_signed_on=None) == D(2027, 2, 28)


def test_the_intervals_are_settings(settings):
    settings.PATHWAY_REVIEW_MONTHS = 3
    settings.PATHWAY_ASKED_REVIEW_DAYS = 7
    assert review_due_on(started_on=D(2026, 1, 1), last_signed_on=D(2026, 1, 1)) == D(2026, 4, 1)
    assert review_due_on(
        started_on=D(2026, 1, 1), last_signed_on=D(2026, 1, 1), asked_on=[D(2026, 2, 1)]
    ) == D(2026, 2, 8)


@pytest.mark.parametrize(
    ("born", "today", "expected"),
    [
        (D(2009, 6, 1), D(2026, 11, 24), (18, D(2027, 6, 1))),
        (D(2008, 11, 24), D(2026, 11, 24), (21, D(2029, 11, 24))),  # 18 today: next is 21
        (D(2005, 1, 1), D(2026, 11, 24), (25, D(2030, 1, 1))),
        (D(2001, 1, 1), D(2026, 11, 24), None),
    ],
)
def test_the_next_birthday_that_matters(born, today, expected):
    assert next_birthday_that_matters(born, today) == expected


def test_someone_born_on_29_february_turns_18_on_1_march_in_other_years():
    assert birthday(D(2008, 2, 29), 18) == D(2026, 3, 1)
    assert birthday(D(2008, 2, 29), 20) == D(2028, 2, 29)


def test_contact_is_due_the_interval_after_the_last_or_after_allocation():
    assert contact_due_on(D(2026, 10, 1), D(2025, 1, 1), 8) == D(2026, 11, 26)
    assert contact_due_on(None, D(2026, 10, 1), 4) == D(2026, 10, 29)
