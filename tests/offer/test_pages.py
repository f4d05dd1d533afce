"""The public offer pages and "your offer": what they show, and queries that do not grow."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from finance.models import Scheme
from offer.models import Category, Circumstance, OfferItem, OfferItemVersion, VersionState
from people.models import LegalStatus
from tests.factories import offer_item, published_in_bulk
from tests.helpers import assert_queries_do_not_grow, count_queries

pytestmark = pytest.mark.django_db


def add_published(authority, editor, count: int, start: int = 0) -> None:
    """`count` published items in Money."""
    published_in_bulk(authority, editor, [{}] * count, start=start)


def test_the_category_page_makes_the_same_queries_for_10_and_500_items(
    client, authority, offer_editor
):
    add_published(authority, offer_editor, 10)
    status, with_10 = count_queries(client, "/offer/money/")
    assert status == 200
    add_published(authority, offer_editor, 490, start=10)
    status, with_500 = count_queries(client, "/offer/money/")
    assert status == 200
    assert with_500 == with_10
    assert client.get("/offer/money/").content.decode().count("portal-offer-list__item") == 500


@pytest.mark.parametrize(
    "url", ["/offer/", "/offer/search/?q=grant", "/offer/items/bulk-0/", "/offer/check/"]
)
def test_public_pages_do_not_make_more_queries_as_the_offer_grows(
    client, authority, offer_editor, url
):
    rounds = iter(range(0, 400, 100))
    assert_queries_do_not_grow(
        client, url, lambda: add_published(authority, offer_editor, 100, start=next(rounds))
    )


def test_the_editors_page_does_not_make_more_queries_as_the_offer_grows(
    client, authority, offer_editor
):
    client.force_login(offer_editor)
    rounds = iter(range(0, 400, 100))
    assert_queries_do_not_grow(
        client,
        reverse("offer:manage"),
        lambda: add_published(authority, offer_editor, 100, start=next(rounds)),
    )


def test_the_home_page_lists_every_topic_with_how_much_is_in_it(client, offer_editor, manager):
    offer_item(editor=offer_editor, manager=manager)
    offer_item(editor=offer_editor, manager=manager, slug="draft", publish=False)
    page = client.get("/offer/").content.decode()
    for category in Category.objects.all():
        assert category.name in page
    assert "1 thing on offer" in page


def test_an_item_page_says_what_who_how_and_from_whom(client, offer_editor, manager):
    item = offer_item(
        editor=offer_editor,
        manager=manager,
        min_age=18,
        legal_statuses=[LegalStatus.FORMER_RELEVANT],
        body="You can buy:\n\n- a bed\n- a cooker",
    )
    page = client.get(item.get_absolute_url()).content.decode()
    assert "£3,000 in total" in page
    assert "Young people aged 18 and over." in page
    assert '<ul class="govuk-list govuk-list--bullet">\n<li>a bed</li>' in page
    assert 'href="tel:01632960100"' in page
    assert "Page checked" in page


def test_an_items_text_cannot_inject_markup(client, offer_editor, manager):
    item = offer_item(
        editor=offer_editor,
        manager=manager,
        body='Hello <script>alert(1)</script> <a href="javascript:alert(1)">x</a> '
        '<img src=x onerror="alert(1)">',
    )
    page = client.get(item.get_absolute_url()).content.decode()
    assert "<script>alert" not in page
    assert '<a href="javascript:' not in page
    assert "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # shown as the text it is


def test_a_care_leaver_sees_their_own_offer_on_their_home_page(
    client, care_leaver, young_person, offer_editor, manager
):
    offer_item(editor=offer_editor, manager=manager, slug="for-all", title="For everyone")
    offer_item(editor=offer_editor, manager=manager, slug="young", title="For 16s", max_age=16)
    offer_item(
        editor=offer_editor,
        manager=manager,
        slug="asylum",
        title="For asylum seekers",
        circumstances=[Circumstance.ASYLUM_SEEKER],
    )
    client.force_login(care_leaver)
    page = client.get(reverse("portal:my-home")).content.decode()
    assert "Your offer" in page
    assert "For everyone" in page
    assert "For 16s" not in page  # Jade is 19
    assert "For asylum seekers" not in page

    young_person.is_unaccompanied_asylum_seeker = True
    young_person.save()
    page = client.get(reverse("portal:my-home")).content.decode()
    assert "For asylum seekers" in page
    assert "Your record says you came to the UK alone as a child, seeking asylum." in page


def test_your_offer_does_not_make_more_queries_as_the_offer_grows(
    client, care_leaver, authority, offer_editor
):
    client.force_login(care_leaver)
    rounds = iter(range(0, 400, 100))
    assert_queries_do_not_grow(
        client,
        reverse("portal:my-home"),
        lambda: add_published(authority, offer_editor, 100, start=next(rounds)),
    )


def test_the_demo_offer_is_full_and_realistic(db):
    call_command("seed_demo", "--young-people", "30")
    published = OfferItemVersion.objects.filter(state=VersionState.PUBLISHED)
    assert published.count() >= 40
    for category in Category.objects.all():
        assert published.filter(category=category).count() >= 5, category
    assert OfferItem.objects.filter(review_by__lt=timezone.localdate()).count() == 4
    assert OfferItemVersion.objects.filter(state=VersionState.SUBMITTED).count() == 2
    assert published.exclude(legal_statuses=[]).exists()
    assert published.exclude(circumstances=[]).exists()
    assert published.exclude(min_age=None).exists()
    for version in published.select_related("item"):
        version.full_clean(exclude=["search_vector"])


def test_with_two_councils_the_public_offer_needs_to_be_told_which(client, settings, authority):
    from django.core.exceptions import ImproperlyConfigured

    from tests.factories import AuthorityFactory

    AuthorityFactory(name="Elsewhere Council", slug="elsewhere")
    settings.OFFER_AUTHORITY = ""
    with pytest.raises(ImproperlyConfigured, match="OFFER_AUTHORITY"):
        client.get("/offer/")
    settings.OFFER_AUTHORITY = "elsewhere"
    assert client.get("/offer/").status_code == 200


def test_your_offer_links_to_your_councils_own_offer_when_offer_shows_another(
    client, settings, care_leaver, offer_editor, manager
):
    from tests.factories import AuthorityFactory

    item = offer_item(editor=offer_editor, manager=manager, title="For everyone")
    AuthorityFactory(name="Elsewhere Council", slug="elsewhere")
    settings.OFFER_AUTHORITY = "elsewhere"
    client.force_login(care_leaver)
    page = client.get(reverse("portal:my-home")).content.decode()
    assert f'href="/testshire/offer/items/{item.slug}/"' in page


def test_statuses_are_listed_in_the_order_of_the_law(client, offer_editor, manager):
    item = offer_item(
        editor=offer_editor,
        manager=manager,
        legal_statuses=[LegalStatus.QUALIFYING, LegalStatus.ELIGIBLE, LegalStatus.RELEVANT],
    )
    assert item.versions.get().legal_statuses == [
        LegalStatus.ELIGIBLE,
        LegalStatus.RELEVANT,
        LegalStatus.QUALIFYING,
    ]
    page = client.get(item.get_absolute_url()).content.decode()
    assert "Care leavers who are:" in page
    assert page.index("16 or 17 and still in care") < page.index("living with a special guardian")


def test_the_public_pages_use_plain_words_and_dates_not_codes(client, demo_offer):
    """No status, circumstance or scheme code and no date in figures on any public page.

    (Codes that are also plain words, such as "parent", cannot be told apart, so only those
    with "_" or "-" are looked for.)"""
    every = [
        *LegalStatus.values,
        *Circumstance.values,
        *Scheme.objects.values_list("code", flat=True),
    ]
    codes = {code for code in every if "_" in code or "-" in code}
    pages = [
        "/offer/",
        "/offer/search/?q=money",
        *(item.get_absolute_url() for item in OfferItem.objects.all()),
    ]
    answers = {"age": "19", "status": LegalStatus.FORMER_RELEVANT, "circumstances": "parent"}
    texts = [strip_tags(client.get(path).content.decode()) for path in pages]
    texts.append(strip_tags(client.post("/offer/check/", answers).content.decode()))
    for path, text in zip([*pages, "the checker's answer"], texts, strict=True):
        words = set(re.findall(r"[\w-]+", text))
        assert not words & codes, f"{path} shows {words & codes}"
        assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b", text), path
    assert re.search(r"Page checked \d{1,2} [A-Z][a-z]+ \d{4}\.", texts[2])
