"""A region of councils: each council's offer at its own address, regional items approved
once and shown on every member council's offer and open data, local notes, and the
comparison of the councils' schemes."""

import datetime as dt

import pytest
from django.urls import reverse

from finance.models import CapPeriod, Entitlement, Scheme
from offer import regional, services
from offer.services import OfferError
from pathway import services as pathway
from people.models import Region, Role
from tests.factories import AuthorityFactory, UserFactory, offer_content, offer_item, regional_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def wolds(db):
    return AuthorityFactory(name="Wolds Council", slug="wolds")


@pytest.fixture
def wolds_editor(wolds):
    return UserFactory(role=Role.OFFER_EDITOR, authority=wolds)


@pytest.fixture
def region(authority, wolds, manager):
    """Testshire and Wolds, led by Testshire's manager."""
    region = Region.objects.create(name="Testshire and Wolds", slug="tw", lead=manager)
    for council in (authority, wolds):
        council.region = region
        council.save(update_fields=["region"])
    return region


def _offer(client, council: str, path: str = "") -> str:
    return client.get(f"/{council}/offer/{path}").content.decode()


def test_each_council_has_its_own_offer_at_its_address(client, region, offer_editor, manager):
    offer_item(editor=offer_editor, manager=manager, slug="passport", title="Passport help")
    assert "Passport help" in _offer(client, "testshire", "money/")
    assert "Passport help" not in _offer(client, "wolds", "money/")
    assert client.get("/wolds/offer/items/passport/").status_code == 404
    assert client.get("/nowhere/offer/").status_code == 404
    # Links on a council's pages stay under its address.
    assert 'href="/testshire/offer/items/passport/"' in _offer(client, "testshire", "money/")


def test_a_council_with_its_own_host_name_is_found_by_it(
    client, settings, region, wolds, wolds_editor, offer_editor, manager
):
    settings.ALLOWED_HOSTS = ["*"]
    settings.OFFER_AUTHORITY = "testshire"
    wolds.offer_host = "Offer.Wolds.example"
    wolds.save()
    offer_item(editor=offer_editor, manager=manager, slug="passport", title="Passport help")
    # The same path on two hosts is two councils' pages, and the cache keeps them apart.
    assert "Passport help" in client.get("/offer/money/").content.decode()
    on_wolds = client.get("/offer/money/", headers={"host": "offer.wolds.example"})
    assert "Passport help" not in on_wolds.content.decode()
    assert "Wolds Council" in client.get("/offer/", headers={"host": "offer.wolds.example"}).text


def test_a_regional_item_approved_once_is_on_every_member_councils_offer_and_open_data(
    client, region, offer_editor, manager, wolds_editor
):
    item = regional_item(region=region, editor=wolds_editor, lead=manager, title="Staying Close")
    for council in ("testshire", "wolds"):
        page = _offer(client, council, "money/")
        assert "Staying Close" in page and "Regional" in page
        assert "Staying Close" in _offer(client, council, "search/?q=staying+close")
        assert client.get(f"/{council}/offer/items/{item.slug}/").status_code == 200
        data = client.get(f"/{council}/openreferral/services").json()
        names = [service["name"] for service in data["contents"]]
        assert "Staying Close" in names
        found = next(s for s in data["contents"] if s["name"] == "Staying Close")
        assert found["organization"]["name"] == "Testshire and Wolds"
    # A council outside the region does not show it.
    AuthorityFactory(name="Far Council", slug="far")
    assert "Staying Close" not in _offer(client, "far", "money/")
    far_data = client.get("/far/openreferral/services").json()
    assert "Staying Close" not in [service["name"] for service in far_data["contents"]]


def test_only_the_regions_lead_approves_a_regional_item(region, wolds_editor, manager, wolds):
    wolds_manager = UserFactory(role=Role.MANAGER, authority=wolds)
    item = services.item_create(
        authority=None,
        region=region,
        slug="apprenticeships",
        owner=wolds_editor,
        review_by=dt.date.today() + dt.timedelta(days=60),
        content=_content(title="Regional apprenticeships"),
        by=wolds_editor,
    )
    services.item_submit(item=item, by=wolds_editor)
    with pytest.raises(OfferError, match="region's lead"):
        services.item_approve(item=item, number=1, by=wolds_manager)
    services.item_return(item=item, number=1, by=manager, note="Say who runs it.")
    services.item_submit(item=item, by=wolds_editor)
    published = services.item_approve(item=item, number=1, by=manager)
    assert published.state == "published"
    # Its history is an item's history: one version, returned then approved.
    assert item.versions.count() == 1


def test_an_editor_outside_the_region_cannot_write_its_items(region, db):
    outsider = UserFactory(role=Role.OFFER_EDITOR, authority=AuthorityFactory(slug="far"))
    with pytest.raises(OfferError, match="region"):
        services.item_create(
            authority=None,
            region=region,
            slug="x",
            owner=outsider,
            review_by=dt.date.today() + dt.timedelta(days=60),
            content=_content(),
            by=outsider,
        )


def test_a_local_note_shows_only_on_its_own_councils_offer(
    client, region, offer_editor, manager, wolds_editor
):
    item = regional_item(region=region, editor=wolds_editor, lead=manager)
    note = {"text": "Ask at the Testshire Hub."}
    # The council's managers write its note (they approve what its offer shows), not its
    # offer editors.
    client.force_login(offer_editor)
    assert client.post(reverse("offer:item-note", args=[item.pk]), note).status_code == 403
    with pytest.raises(OfferError, match="managers"):
        services.local_note_save(
            item=item, authority=offer_editor.authority, text=note["text"], by=offer_editor
        )
    client.force_login(manager)
    response = client.post(reverse("offer:item-note", args=[item.pk]), note)
    assert response.status_code == 302
    client.logout()
    assert "Ask at the Testshire Hub." in _offer(client, "testshire", f"items/{item.slug}/")
    assert "Ask at the Testshire Hub." not in _offer(client, "wolds", f"items/{item.slug}/")


def _content(**overrides):
    overrides.setdefault("amount_pence", None)
    overrides.setdefault("amount_period", "")
    return offer_content(**overrides)


def _scheme(
    council, entitlement, code, *, cap, period=CapPeriod.LIFETIME, max_age=25, checked=None
):
    return Scheme.objects.create(
        authority=council,
        code=code,
        name=code,
        cap_pence=cap,
        cap_period=period,
        max_age=max_age,
        entitlement=entitlement,
        checked_on=checked,
    )


def test_the_comparison_shows_each_councils_schemes(client, region, authority, wolds):
    checked = dt.date(2026, 11, 2)
    _scheme(authority, Entitlement.SETTING_UP_HOME, "suha", cap=300000, checked=checked)
    _scheme(wolds, Entitlement.SETTING_UP_HOME, "suha", cap=350000)
    _scheme(authority, Entitlement.COUNCIL_TAX, "ct", cap=None, max_age=25)
    _scheme(wolds, Entitlement.COUNCIL_TAX, "ct", cap=None, max_age=21)
    _scheme(wolds, Entitlement.BIRTHDAY, "bd", cap=7500, period=CapPeriod.FINANCIAL_YEAR)
    councils = [authority, wolds]  # by name: Testshire, then Wolds
    rows = {row.label: row.cells for row in regional.entitlement_rows(councils)}
    for council_index, council in enumerate(councils):
        for scheme in Scheme.objects.filter(authority=council):
            cell = rows[scheme.get_entitlement_display()][council_index]
            assert cell.words == regional.entitlement_words(scheme)
            assert cell.checked_on == scheme.checked_on
    assert rows["Birthday grant"][0].words == "Not offered"
    page = client.get(reverse("region:compare", args=[region.slug])).content.decode()
    for words in ("£3,000 in total", "£3,500 in total", "Until you are 25", "Until you are 21"):
        assert words in page
    assert "£75 a year" in page and "Checked 2 November 2026" in page


def test_the_region_home_lists_its_councils_and_the_area_comparison_shows_each_offer(
    client, region, offer_editor, manager, wolds_editor
):
    offer_item(editor=offer_editor, manager=manager, slug="passport", title="Passport help")
    regional_item(region=region, editor=wolds_editor, lead=manager, title="Staying Close")
    home = client.get(reverse("region:home", args=[region.slug])).content.decode()
    assert 'href="/testshire/offer/"' in home and 'href="/wolds/offer/"' in home
    area = client.get(reverse("region:compare-area", args=[region.slug, "money"])).text
    assert "Passport help" in area and "Staying Close" in area
    assert "Nothing of its own in this topic yet." in area  # Wolds


def test_living_in_another_councils_area_shows_both_offers_and_who_pays(
    client, region, authority, wolds, care_leaver, pa
):
    _scheme(authority, Entitlement.SETTING_UP_HOME, "suha", cap=300000)
    _scheme(authority, Entitlement.COUNCIL_TAX, "ct", cap=None, max_age=25)
    _scheme(wolds, Entitlement.COUNCIL_TAX, "ct", cap=None, max_age=21)
    client.force_login(care_leaver)
    assert "Wolds Council’s area" not in client.get(reverse("portal:my-home")).text
    pathway.accommodation_record(
        young_person=care_leaver.young_person,
        started_on=dt.date.today() - dt.timedelta(days=3),
        kind="U",
        suitable=True,
        description="A flat",
        area=wolds,
        by=pa,
    )
    page = client.get(reverse("portal:my-home")).text
    assert "You live in Wolds Council’s area" in page
    assert 'href="/testshire/offer/"' in page and 'href="/wolds/offer/"' in page
    # Council tax is Wolds's, where they live; the rest is Testshire's, wherever they live.
    assert "<strong>Wolds Council</strong>: Until you are 21" in page
    assert "<strong>Testshire Council</strong>: £3,000 in total" in page


def test_a_scheme_or_council_changed_anywhere_shows_at_once_on_the_kept_pages(
    client, region, authority, wolds
):
    scheme = _scheme(wolds, Entitlement.SETTING_UP_HOME, "suha", cap=350000)
    compare = reverse("region:compare", args=[region.slug])
    assert "£3,500 in total" in client.get(compare).text
    assert "£3,500 in total" in client.get(compare).text  # kept for the next visitor
    scheme.cap_pence = 400000
    scheme.save()  # as the admin saves it
    assert "£4,000 in total" in client.get(compare).text
    wolds.name = "Wolds and Vale Council"
    wolds.save()
    assert "Wolds and Vale Council" in client.get(reverse("region:home", args=[region.slug])).text
