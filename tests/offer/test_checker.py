"""The "what can I get?" questions: right answers, and clear messages for bad input."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from offer.models import Category, Circumstance
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
        category=Category.objects.get(slug="education-and-training"),
        circumstances=[Circumstance.AT_UNIVERSITY],
        legal_statuses=[LegalStatus.FORMER_RELEVANT],
    )
    offer_item(
        editor=offer_editor,
        manager=manager,
        slug="staying-put",
        title="Staying put",
        category=Category.objects.get(slug="accommodation"),
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


def test_the_answers_are_grouped_by_topic_with_an_index_that_counts_them(client, items):
    page = answer(client, age="19", circumstances=[Circumstance.AT_UNIVERSITY])
    index = page[page.index("On this page") :]
    links = re.findall(
        r'<a class="govuk-link" href="#topic-([\w-]+)">([^<]+)</a> \((\d) thing', index
    )
    assert links == [
        ("money", "Money and managing it", "1"),
        ("accommodation", "Somewhere to live", "1"),
        ("education-and-training", "Education and training", "1"),
    ]
    for slug, name, _ in links:
        assert f'<h2 class="govuk-heading-m" id="topic-{slug}">{name}</h2>' in page
    # Each item is under its own topic's heading.
    assert page.index('id="topic-accommodation"') < page.index("Staying put")
    assert page.index("Staying put") < page.index('id="topic-education-and-training"')


def hidden_fields(page: str) -> set[tuple[str, str]]:
    return set(re.findall(r'<input type="hidden" name="([\w]+)" value="([^"]*)">', page))


def test_change_my_answers_brings_back_the_form_with_the_answers_filled_in(client, items):
    answers = {
        "age": "19",
        "status": LegalStatus.FORMER_RELEVANT,
        "circumstances": [Circumstance.AT_UNIVERSITY, Circumstance.PARENT],
    }
    page = answer(client, **answers)
    carried = hidden_fields(page)
    assert carried == {
        ("age", "19"),
        ("status", "former_relevant"),
        ("circumstances", "at_university"),
        ("circumstances", "parent"),
    }
    assert re.search(
        r'<form method="post" action="/offer/check/"[^>]*>\s*<input type="hidden"', page
    )

    data = {"change": "yes"}
    for name, value in carried:
        data.setdefault(name, []).append(value)
    form_page = client.post(URL, data).content.decode()
    assert "Check what you can get" in form_page
    assert "From what you told us" not in form_page and "There is a problem" not in form_page
    assert 'value="19"' in form_page
    assert re.search(r'value="former_relevant"\s+checked', form_page)
    assert re.search(r'value="at_university"\s+checked', form_page)
    assert re.search(r'value="parent"\s+checked', form_page)
    assert not re.search(r'value="pregnant"\s+checked', form_page)


def test_a_date_of_birth_is_carried_back_in_its_three_boxes(client, items):
    page = answer(client, date_of_birth_0="12", date_of_birth_1="3", date_of_birth_2="2006")
    assert {("date_of_birth_0", "12"), ("date_of_birth_1", "3"), ("date_of_birth_2", "2006")} <= (
        hidden_fields(page)
    )
