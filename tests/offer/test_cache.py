"""Public offer pages are kept in Redis for visitors who are not signed in, and never outlive
a change to the offer or show one visitor's answers or token to another."""

import pytest
from django.core.cache import cache
from django.test import Client
from redis.exceptions import RedisError

from common.cache import own_keys
from offer import cache as offer_cache
from offer import services
from offer.cache import GENERATION_KEY
from offer.models import OfferItem
from tests.factories import offer_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(offer_editor, manager):
    return offer_item(editor=offer_editor, manager=manager, slug="passport", title="Passport help")


def _kept_pages() -> list[str]:
    return own_keys("offer:page:*")


def test_a_second_visit_is_served_from_the_cache(client, item, django_assert_num_queries):
    first = client.get("/offer/")
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = client.get("/offer/")
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_a_visitors_browser_may_keep_the_page_and_ask_again_with_its_etag(client, item):
    first = client.get("/offer/")
    assert "public" in first["Cache-Control"] and "max-age=60" in first["Cache-Control"]
    assert "Cookie" in first["Vary"]
    again = client.get("/offer/", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    assert client.get("/offer/", headers={"if-none-match": '"other"'}).status_code == 200


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


def test_still_correct_and_signing_off_clear_the_kept_pages(client, item, offer_editor, manager):
    client.get("/offer/")
    generation = cache.get(GENERATION_KEY)
    services.item_mark_reviewed(item=OfferItem.objects.get(slug="passport"), by=offer_editor)
    assert cache.get(GENERATION_KEY) != generation
    generation = cache.get(GENERATION_KEY)
    services.offer_sign_off(authority=item.authority, by=manager)
    assert cache.get(GENERATION_KEY) != generation


def test_a_topic_renamed_in_the_admin_shows_at_once(client, item, admin_user):
    category = item.versions.get().category
    client.get("/offer/")
    admin = Client()
    admin.force_login(admin_user)
    saved = admin.post(
        f"/admin/offer/category/{category.pk}/change/",
        {
            "name": "Money and grants",
            "slug": category.slug,
            "summary": category.summary,
            "position": category.position,
        },
    )
    assert saved.status_code == 302
    assert b"Money and grants" in client.get("/offer/").content


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
    (key,) = _kept_pages()
    etag, content, content_type = cache.get(key.split(":", 2)[2])
    assert b"csrfmiddlewaretoken" not in content


def test_only_the_parameters_a_page_reads_make_it_different(client, item):
    client.get("/offer/search/?q=passport")
    client.get("/offer/search/?q=passport&utm_source=leaflet&x=1")
    client.get("/offer/?anything=else")
    assert len(_kept_pages()) == 2


def test_made_up_searches_cannot_fill_redis(client, item, monkeypatch, settings):
    monkeypatch.setattr(offer_cache, "MOST_PAGES", 3)
    for word in ("a", "b", "c", "d", "e"):
        assert client.get(f"/offer/search/?q={word}").status_code == 200
    assert len(_kept_pages()) == 3
    (counter,) = own_keys("offer:pages:*")
    assert 0 < cache._cache.get_client().ttl(counter) <= settings.OFFER_CACHE_SECONDS


def test_kept_pages_expire(client, item, settings):
    client.get("/offer/")
    (key,) = _kept_pages()
    assert 0 < cache._cache.get_client().ttl(key) <= settings.OFFER_CACHE_SECONDS


def test_the_offer_is_shown_when_redis_does_not_answer(client, item, monkeypatch):
    def down(*args, **kwargs):
        raise RedisError("connection refused")

    monkeypatch.setattr(cache._cache, "get_client", down)  # every command, and the counter
    response = client.get("/offer/search/?q=passport")
    assert response.status_code == 200 and b"Passport help" in response.content
