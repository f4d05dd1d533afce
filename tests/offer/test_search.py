"""Searching the offer: forgiving of spelling, finds by everyday words, title matches first."""

import pytest
from django.urls import reverse

from offer import selectors
from tests.factories import offer_item

pytestmark = pytest.mark.django_db


def titles(authority, text: str) -> list[str]:
    return [version.title for version in selectors.search(authority, text)]


def test_a_misspelt_bursary_still_finds_the_bursaries(demo_offer):
    found = titles(demo_offer, "bursery")
    assert "Higher education bursary" in found
    assert "16 to 19 bursary" in found
    assert "bursary" in found[0].lower()


def test_money_for_furniture_finds_the_setting_up_home_allowance_first(demo_offer):
    assert titles(demo_offer, "money for furniture")[0] == "Setting up home allowance"


def test_the_search_page_shows_results_with_their_topic(client, demo_offer):
    page = client.get(reverse("offer:search"), {"q": "money for furniture"}).content.decode()
    assert "results for “money for furniture”" in page
    assert "Setting up home allowance" in page
    assert "£3,000 in total" in page


def test_no_match_gives_a_helpful_page(client, demo_offer):
    response = client.get(reverse("offer:search"), {"q": "xylophone"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Nothing matches “xylophone”" in page
    assert reverse("offer:check") in page  # the questions instead
    assert "check the spelling" in page


def test_an_empty_search_shows_just_the_form(client, demo_offer):
    page = client.get(reverse("offer:search"), {"q": "  "}).content.decode()
    assert "Nothing matches" not in page
    assert 'name="q"' in page


def test_a_title_match_ranks_above_a_body_match(authority, offer_editor, manager):
    offer_item(
        editor=offer_editor,
        manager=manager,
        slug="in-the-body",
        title="Help when you move",
        summary="Support for moving day.",
        body="We can lend you a van for your removals.",
        keywords="",
    )
    offer_item(
        editor=offer_editor,
        manager=manager,
        slug="in-the-title",
        title="Removals van",
        summary="Support for moving day.",
        body="We lend you a van.",
        keywords="",
    )
    assert titles(authority, "removals") == ["Removals van", "Help when you move"]


def test_search_never_finds_an_unapproved_draft(authority, offer_editor, manager):
    offer_item(
        editor=offer_editor, manager=manager, slug="draft", title="Secret draft", publish=False
    )
    assert titles(authority, "secret draft") == []


def test_search_results_are_paged_and_keep_the_search(client, authority, offer_editor, manager):
    for number in range(25):
        offer_item(
            editor=offer_editor, manager=manager, slug=f"grant-{number}", title=f"Grant {number}"
        )
    page = client.get(reverse("offer:search"), {"q": "grant"}).content.decode()
    assert "25 results" in page
    assert "?q=grant&amp;page=2" in page


@pytest.mark.parametrize("text", ["the a", "&|!:*", "%", "a" * 300, "'); DROP TABLE offer;--"])
def test_odd_searches_get_a_page_not_an_error(client, demo_offer, text):
    response = client.get(reverse("offer:search"), {"q": text})
    assert response.status_code == 200
