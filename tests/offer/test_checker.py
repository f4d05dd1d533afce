"""The "what can I get?" questions: right answers, and clear messages for bad input."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from offer.models import Circumstance
from people.models import LegalStatus
from tests.factories import offer_item

pytestmark = pytest.mark.django_db
URL = "/offer/check/"


@pytest.fixture
def items(offer_editor, manager):
    offer_item(
        editor=offer_editor,
        manager=manager,
        slug="bursary",
        title="Higher education bursary",
        circumstances=[Circumstance.AT_UNIVERSITY],
        legal_statuses=[LegalStatus.FORMER_RELEVANT],
    )
    offer_item(
        editor=offer_editor,
        manager=manager,
        slug="staying-put",
        title="Staying put",
        min_age=18,
        max_age=21,
    )
    offer_item(editor=offer_editor, manager=manager, slug="passport", title="Passport help")


def answer(client, **data):
    data.setdefault("status", LegalStatus.FORMER_RELEVANT)
    response = client.post(URL, data)
    assert response.status_code == 200
    return response.content.decode()


def test_the_questions_need_no_sign_in_and_ask_no_name(client):
    response = client.get(URL)
    form = response.context["form"]
    assert response.status_code == 200
    assert set(form.fields) == {"age", "date_of_birth", "status", "circumstances"}
    assert 'method="post"' in response.content.decode()


def test_the_answers_list_what_the_person_can_get_and_why(client, items):
    page = answer(client, age="19", circumstances=[Circumstance.AT_UNIVERSITY])
    assert "you can get 3 things" in page
    assert "You said you are at university or in other higher education." in page
    assert "You are 19, and it is for ages 18 to 21." in page


def test_what_the_person_cannot_get_is_not_listed(client, items):
    page = answer(client, age="23")
    assert "Passport help" in page
    assert "Staying put" not in page and "Higher education bursary" not in page


def test_a_date_of_birth_works_instead_of_an_age(client, items):
    today = timezone.localdate()
    born = dt.date(today.year - 20, 1, 1)
    page = answer(
        client, date_of_birth_0=born.day, date_of_birth_1=born.month, date_of_birth_2=born.year
    )
    assert "You are 20, and it is for ages 18 to 21." in page


def test_not_sure_of_status_lists_only_what_does_not_depend_on_it(client, items):
    page = answer(client, age="19", status="not_sure", circumstances=[Circumstance.AT_UNIVERSITY])
    assert "Higher education bursary" not in page
    assert "Staying put" in page
    assert "Ask your PA: there may be more." in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"age": "40"}, "The local offer is for care leavers aged 16 to 25"),
        ({"age": "12"}, "The local offer is for care leavers aged 16 to 25"),
        ({"age": "nineteen"}, "Enter your age as a number, like 19"),
        ({"age": "19abc!"}, "Enter your age as a number, like 19"),
        ({}, "Enter your age, or your date of birth"),
        (
            {"date_of_birth_0": "1", "date_of_birth_1": "1", "date_of_birth_2": "2099"},
            "Your date of birth must be in the past",
        ),
        (
            {"date_of_birth_0": "31", "date_of_birth_1": "2", "date_of_birth_2": "2006"},
            "Enter a real date",
        ),
        (
            {"date_of_birth_0": "1", "date_of_birth_1": "1", "date_of_birth_2": "1980"},
            "The local offer is for care leavers aged 16 to 25",
        ),
        ({"age": "19", "status": ""}, "Choose the one that is true for you"),
        ({"age": "19", "status": "made-up"}, "Select a valid choice"),
        ({"age": "26"}, "If you are older, call the leaving care duty line"),
        (
            {"age": "24", "status": LegalStatus.ELIGIBLE},
            "You are 24, so “I am 16 or 17 and still in care” cannot be right",
        ),
        (
            {"age": "17", "status": LegalStatus.FORMER_RELEVANT},
            "You are 17, so “I am 18 or over and I was in care when I was 16 or 17” cannot",
        ),
    ],
)
def test_bad_answers_get_a_clear_message_on_the_form(client, items, data, message):
    page = answer(client, **data)
    assert "There is a problem" in page
    assert message in page
    assert "From what you told us" not in page


def test_answers_are_kept_when_there_is_a_problem(client, items):
    page = answer(client, age="40", circumstances=[Circumstance.PARENT])
    assert 'value="40"' in page
    assert re.search(r'value="parent"\s+checked', page)
