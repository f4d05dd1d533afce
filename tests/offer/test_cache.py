"""Public offer pages are kept whole for visitors who are not signed in, and never outlive
a change to the offer or show one visitor's answers or token to another."""

import pytest
from django.core.cache import cache
from django.utils import timezone

from offer.cache import GENERATION_KEY
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


def test_the_checker_keeps_answers_given_as_an_age_but_not_a_date_of_birth(
    client, item, django_assert_num_queries
):
    answers = {"age": "19", "status": "former_relevant"}
    first = client.post("/offer/check/", answers)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        assert client.post("/offer/check/", answers).content == first.content
    kept = len(_kept_pages())
    born = timezone.localdate().replace(day=1, month=1)
    born = born.replace(year=born.year - 20)
    answered = {"status": "former_relevant", "date_of_birth_0": born.day,
                "date_of_birth_1": born.month, "date_of_birth_2": born.year}  # fmt: skip
    response = client.post("/offer/check/", answered)
    assert response.status_code == 200 and b"Passport help" in response.content
    assert len(_kept_pages()) == kept  # an answer from a date of birth is never kept


def test_kept_pages_carry_no_csrf_token(client, item):
    client.get("/offer/check/")
    client.post("/offer/check/", {"age": "19", "status": "former_relevant"})
    pages = _kept_pages()
    assert len(pages) == 2
    assert not any(b"csrfmiddlewaretoken" in page[1] for page in pages)


def _kept_pages() -> list:
    client = cache._cache.get_client()
    keys = [key.decode() for key in client.scan_iter(match=cache.make_key("offer:page:*"))]
    return [cache.get(key.split(":", 2)[2]) for key in keys]
