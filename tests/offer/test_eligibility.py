"""Who can get what: the list and the rules agree, both ways, for anyone."""

import datetime as dt

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from offer import eligibility, selectors
from offer.models import (
    OLDEST,
    YOUNGEST,
    Circumstance,
    OfferItemVersion,
)
from people.models import LegalStatus
from tests.factories import published_in_bulk

pytestmark = pytest.mark.django_db

ages = st.integers(min_value=YOUNGEST, max_value=OLDEST)
statuses = st.sampled_from(LegalStatus.values)
circumstances = st.sampled_from(Circumstance.values)


@st.composite
def item_rules(draw) -> dict:
    low = draw(st.none() | ages)
    high = draw(st.none() | st.integers(min_value=low or YOUNGEST, max_value=OLDEST))
    return {
        "min_age": low,
        "max_age": high,
        "legal_statuses": sorted(draw(st.sets(statuses, max_size=3))),
        "circumstances": sorted(draw(st.sets(circumstances, max_size=3))),
    }


people = st.builds(
    eligibility.Person,
    age=ages,
    legal_status=st.none() | statuses,
    circumstances=st.frozensets(circumstances, max_size=4),
)


def rules_hold_for(rules: dict, person: eligibility.Person) -> bool:
    """The rules as the issue states them, written out here independently of the code."""
    low, high = rules["min_age"], rules["max_age"]
    if low is not None and person.age < low:
        return False
    if high is not None and person.age > high:
        return False
    if rules["legal_statuses"] and person.legal_status not in rules["legal_statuses"]:
        return False
    wanted = set(rules["circumstances"])
    return not wanted or bool(wanted & person.circumstances)


def publish_items(authority, editor, all_rules: list[dict]) -> dict[int, dict]:
    """Published versions with the given rules; returns rules by version id."""
    versions = published_in_bulk(authority, editor, all_rules)
    return {version.pk: rules for version, rules in zip(versions, all_rules, strict=True)}


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    all_rules=st.lists(item_rules(), min_size=1, max_size=15),
    persons=st.lists(people, max_size=6, min_size=1),
)
def test_listed_items_are_exactly_those_whose_rules_hold(
    authority, offer_editor, all_rules, persons
):
    with transaction.atomic():
        rules_by_version = publish_items(authority, offer_editor, all_rules)
        for person in persons:
            listed = {
                version.pk: why for version, why in selectors.eligible_items(authority, person)
            }
            should = {pk for pk, rules in rules_by_version.items() if rules_hold_for(rules, person)}
            assert set(listed) == should, person
            # Every listed item says why, and the code's own check agrees with the list.
            assert all(listed.values())
            for version in OfferItemVersion.objects.filter(pk__in=rules_by_version):
                assert eligibility.rules_hold(version, person) == (version.pk in should)
        transaction.set_rollback(True)


def test_a_person_who_is_not_sure_of_their_status_sees_only_items_for_every_status(
    authority, offer_editor
):
    rules = [
        {"min_age": None, "max_age": None, "legal_statuses": [], "circumstances": []},
        {
            "min_age": None,
            "max_age": None,
            "legal_statuses": [LegalStatus.FORMER_RELEVANT],
            "circumstances": [],
        },
    ]
    by_pk = publish_items(authority, offer_editor, rules)
    listed = selectors.eligible_items(authority, eligibility.Person(age=19, legal_status=None))
    assert [by_pk[version.pk] for version, _ in listed] == [rules[0]]


def test_reasons_say_why_in_plain_words(authority, offer_editor):
    rules = {
        "min_age": 18,
        "max_age": 21,
        "legal_statuses": [LegalStatus.FORMER_RELEVANT],
        "circumstances": [Circumstance.PARENT, Circumstance.PREGNANT],
    }
    publish_items(authority, offer_editor, [rules])
    person = eligibility.Person(
        age=19,
        legal_status=LegalStatus.FORMER_RELEVANT,
        circumstances=frozenset({Circumstance.PARENT}),
    )
    [(version, reasons)] = selectors.eligible_items(authority, person)
    assert reasons == [
        "You are 19, and it is for ages 18 to 21.",
        "It is for care leavers who are 18 or over and were in care at 16 or 17.",
        "You said you are a parent.",
    ]
    assert eligibility.who_it_is_for(version) == [
        ("Young people aged 18 to 21.", []),
        ("Care leavers who are 18 or over and were in care at 16 or 17.", []),
        (
            "If any of these is true:",
            ["you are a parent", "you are pregnant, or your partner is"],
        ),
    ]


def test_an_item_for_everyone_says_so(authority, offer_editor):
    rules = {"min_age": None, "max_age": None, "legal_statuses": [], "circumstances": []}
    publish_items(authority, offer_editor, [rules])
    [(version, reasons)] = selectors.eligible_items(authority, eligibility.Person(age=23))
    assert reasons == ["It is for every care leaver."]
    assert eligibility.who_it_is_for(version) == [("Every care leaver.", [])]


def test_your_offer_comes_from_the_young_persons_own_record(young_person):
    today = dt.date(2026, 11, 24)
    young_person.date_of_birth = dt.date(2006, 11, 25)  # 19 today, 20 tomorrow
    young_person.is_unaccompanied_asylum_seeker = True
    person = eligibility.person_from_record(young_person, today)
    assert person.age == 19
    assert person.legal_status == LegalStatus.FORMER_RELEVANT
    assert person.circumstances == {Circumstance.ASYLUM_SEEKER}
