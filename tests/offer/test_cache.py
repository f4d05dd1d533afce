"""Public offer pages are kept whole for visitors who are not signed in, and never outlive
a change to the offer or show one visitor's answers or token to another."""

import pytest
from django.core.cache import cache

from offer.cache import GENERATION_KEY, kept
from offer.models import OfferItem
from tests.factories import offer_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(offer_editor, manager):
    return offer_item(editor=offer_editor, manager=manager, slug="passport", title="Passport help")


def test_a_second_visit_is_served_from_the_cache(client, item, django_assert_num_queries):
    first = client.get("/offer/")
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = client.get("/offer/")
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_a_change_to_the_offer_is_seen_at_once(client, item, offer_editor, manager):
    assert b"Driving lessons" not in client.get("/offer/search/?q=driving").content
    offer_item(editor=offer_editor, manager=manager, slug="driving", title="Driving lessons")
    assert b"Driving lessons" in client.get("/offer/search/?q=driving").content


def test_the_checker_answers_from_the_offer_as_it_is_now(client, item, offer_editor, manager):
    answers = {"age": "19", "status": "former_relevant", "circumstances": "pregnant"}
    assert b"Driving lessons" not in client.post("/offer/check/", answers).content
    offer_item(editor=offer_editor, manager=manager, slug="driving", title="Driving lessons")
    response = client.post("/offer/check/", answers)
    assert b"Driving lessons" in response.content and b"Passport help" in response.content


def test_any_save_moves_the_generation_on(item):
    generation = cache.get(GENERATION_KEY)
    OfferItem.objects.get(slug="passport").save()  # by the admin, say
    assert cache.get(GENERATION_KEY) != generation


def test_signed_in_visitors_get_their_own_page(client, item, care_leaver):
    signed_out = client.get("/offer/")  # kept for visitors who are not signed in
    client.force_login(care_leaver)
    response = client.get("/offer/")
    assert response.status_code == 200
    assert b"Sign out" in response.content
    assert b"Sign out" not in signed_out.content


def test_the_checkers_answers_are_never_kept(client, item):
    answers = {"age": "19", "status": "former_relevant", "circumstances": "pregnant"}
    for _ in range(2):
        response = client.post("/offer/check/", answers)
        assert response.status_code == 200 and b"Passport help" in response.content
    assert _kept_pages() == []


def test_kept_pages_carry_no_csrf_token(client, item):
    client.get("/offer/check/")
    pages = _kept_pages()
    assert len(pages) == 1
    assert b"csrfmiddlewaretoken" not in pages[0][2]


def test_only_the_parameters_a_page_reads_make_it_different(client, item):
    client.get("/offer/search/?q=passport")
    client.get("/offer/search/?q=passport&utm_source=leaflet&x=1")
    client.get("/offer/?anything=else")
    assert len(_kept_pages()) == 2


def test_the_kept_pages_are_bounded(client, item, monkeypatch):
    monkeypatch.setattr(kept, "most", 3)
    for word in ("a", "b", "c", "d", "e"):
        client.get(f"/offer/search/?q={word}")
    assert len(_kept_pages()) == 3


def _kept_pages() -> list:
    return list(kept.pages.values())
