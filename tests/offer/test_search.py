"""Searching the offer: by what the words mean, forgiving of spelling, best matches first."""

import pytest
from django.urls import reverse

from offer import search, selectors
from tests.factories import offer_item, published_in_bulk
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db


def titles(authority, text: str) -> list[str]:
    return [version.title for version in selectors.search(authority, text).versions]


def test_help_with_rent_puts_housing_and_money_above_registering_to_vote(demo_offer):
    found = selectors.search(demo_offer, "help with rent").versions
    areas = {version.title: version.category.slug for version in found}
    order = list(areas)
    vote = order.index("Registering to vote")
    # Every housing item, though most never say "rent", and the money items about bills.
    housing = [title for title, area in areas.items() if area == "accommodation"]
    assert len(housing) == 8
    for title in [*housing, "Help with money, budgeting and a bank account"]:
        assert order.index(title) < vote, title
    assert {areas[title] for title in order[:5]} == {"accommodation"}
    assert order[0] == "Help with a deposit, first month's rent and a guarantor"


def test_everyday_words_find_the_editors_words(demo_offer):
    # A job is "employment" and "apprenticeships"; a doctor is "health" and a "GP".
    assert "Council apprenticeships for care leavers" in titles(demo_offer, "job")[:8]
    doctor = selectors.search(demo_offer, "doctor").versions
    assert doctor[0].title == "Your health passport"  # its editor wrote "doctor"
    assert {version.category.slug for version in doctor[:6]} == {"health-and-wellbeing"}
    # Other forms of the word: English stemming, and the related words of "rent".
    renting = titles(demo_offer, "renting")
    assert renting[0] == "Help with a deposit, first month's rent and a guarantor"
    assert "Staying Put with your foster carers" in renting
    bursaries = titles(demo_offer, "bursaries")
    assert set(bursaries[:3]) == {
        "Higher education bursary",
        "16 to 19 bursary",
        "Apprenticeship bursary",
    }


@pytest.mark.parametrize(
    ("word", "base"),
    [("renting", "rent"), ("jobs", "job"), ("doctors", "doctor"), ("evicted", "evict")],
)
def test_related_words_are_found_for_other_forms_of_a_word(word, base):
    assert search.related_words(word) == search.RELATED_WORDS[base]


def test_a_word_in_most_items_returns_them_all_in_order_of_relevance(
    authority, offer_editor, manager
):
    """Where the word is (title, summary, then body) orders the items; and a rarer word
    outweighs a word that nearly every item has."""
    places = {
        "Support in the title": ("Support in the title", "A summary.", "A body."),
        "In the summary": ("In the summary", "We support you.", "A body."),
        "In the body": ("In the body", "A summary.", "We can support you."),
        "A bike, in the body": ("A bike, in the body", "A summary.", "Bike repairs. Support."),
    }
    for number, (title, summary, body) in enumerate(places.values()):
        offer_item(
            editor=offer_editor,
            manager=manager,
            slug=f"place-{number}",
            title=title,
            summary=summary,
            body=body,
            keywords="",
        )
    found = selectors.search(authority, "support")
    assert found.count == 4
    in_order = [version.title for version in found.versions]
    assert in_order[:2] == ["Support in the title", "In the summary"]
    assert set(in_order[2:]) == {"In the body", "A bike, in the body"}
    # "support" is in every item, "bike" in one: the item with both words comes first.
    assert titles(authority, "support for my bike")[0] == "A bike, in the body"


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


@pytest.mark.parametrize("text", ["", "  ", "&|!:*"])
def test_an_empty_search_says_so(client, authority, text):
    page = client.get(reverse("offer:search"), {"q": text}).content.decode()
    assert "You did not type anything to search for" in page
    assert "Nothing matches" not in page
    assert 'name="q"' in page


def test_the_search_page_before_a_search_shows_just_the_form(client, authority):
    page = client.get(reverse("offer:search")).content.decode()
    assert "You did not type anything" not in page
    assert 'name="q"' in page


def test_the_search_page_makes_the_same_queries_for_5_and_50_items(client, authority, offer_editor):
    """The results are counted while the words are weighed, so a list longer than a page
    costs no COUNT query either."""
    published_in_bulk(authority, offer_editor, [{}] * 5)
    status, with_5 = count_queries(client, "/offer/search/?q=grant")
    assert status == 200
    published_in_bulk(authority, offer_editor, [{}] * 45, start=5)
    status, with_50 = count_queries(client, "/offer/search/?q=grant")
    assert status == 200
    assert with_50 == with_5
    assert "50 results" in client.get("/offer/search/?q=grant").content.decode()


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
