"""The Open Referral UK 3.0 API: every response validates against the UK profile's JSON
schemas (tests/partners/schemas, with where they came from), only published approved items
appear, paging follows the spec, and nothing personal is in it."""

import datetime as dt
import json
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.db import transaction
from django.urls import reverse
from jsonschema import Draft7Validator, FormatChecker
from referencing import Registry, Resource

from offer import services as offer_services
from partners.openreferral import made_uid
from tests.factories import (
    cast_of_people,
    offer_content,
    offer_item,
    partner_service,
    partner_world,
)

SCHEMAS = Path(__file__).parent / "schemas"


def _schema(name: str) -> dict:
    return json.loads((SCHEMAS / name).read_text())


# taxonomy.json refers to taxonomy_term.json by its file name.
REGISTRY = Registry().with_resource(
    "taxonomy_term.json", Resource.opaque(_schema("taxonomy_term.json"))
)
PAGE = _schema("openapi.json")["components"]["schemas"]["Page"]
ROOT = _schema("openapi.json")["paths"]["/"]["get"]["responses"]["200"]["content"][
    "application/json"
]["schema"]


# jsonschema checks `uuid` and `email` itself; `uri` and `date-time` need packages the lock
# does not hold, so they are checked here.
FORMATS = FormatChecker()


@FORMATS.checks("uri")
def _is_uri(value) -> bool:
    parts = urlparse(value)
    return bool(parts.scheme in ("http", "https") and parts.netloc)


@FORMATS.checks("date-time", raises=ValueError)
def _is_date_time(value) -> bool:
    return dt.datetime.fromisoformat(value).tzinfo is not None


def _validator(schema: dict) -> Draft7Validator:
    return Draft7Validator(schema, registry=REGISTRY, format_checker=FORMATS)


def _page_of(item_schema: str) -> Draft7Validator:
    """A paginated list as the OpenAPI gives it: the Page, with `contents` of the item."""
    return _validator(
        {
            "allOf": [PAGE],
            "properties": {"contents": {"type": "array", "items": _schema(item_schema)}},
            "required": [*PAGE["properties"], "contents"],
        }
    )


LISTS = {
    "openreferral:services": _page_of("compiled_service_list.json"),
    "openreferral:service-at-locations": _page_of("compiled_service_at_location_list.json"),
    "openreferral:taxonomies": _page_of("taxonomy.json"),
    "openreferral:taxonomy-terms": _page_of("taxonomy_term.json"),
}
FULL_SERVICE = _validator(_schema("compiled_service.json"))


@pytest.fixture(scope="module")
def api_world(django_db_setup, django_db_blocker):
    """A council with published and unpublished services, published, draft and unapproved
    offer items, referrals and bookings (which must never show)."""
    with django_db_blocker.unblock(), transaction.atomic():
        cast = cast_of_people()
        person = cast["care_leaver"].young_person
        world = partner_world(
            person, pa=cast["pa"], partner=cast["partner"], other_partner=cast["other_partner"]
        )
        hidden = partner_service(person.authority, name="Secret pilot", is_published=False)
        published = offer_item(editor=cast["offer_editor"], manager=cast["manager"])
        draft = offer_item(
            editor=cast["offer_editor"],
            manager=cast["manager"],
            slug="draft-item",
            publish=False,
            title="A draft never published",
        )
        waiting = offer_item(
            editor=cast["offer_editor"],
            manager=cast["manager"],
            slug="waiting-item",
            publish=False,
            title="Waiting for approval",
        )
        offer_services.item_submit(item=waiting, by=cast["offer_editor"])
        offer_services.item_draft_save(
            item=published,
            content=offer_content(title="An unapproved change"),
            owner=cast["offer_editor"],
            review_by=published.review_by,
            based_on=offer_services.edit_token(published, published.versions.get()),
            by=cast["offer_editor"],
        )
        yield {
            "cast": cast,
            "person": person,
            "world": world,
            "hidden": hidden,
            "published": published,
            "draft": draft,
            "waiting": waiting,
        }
        transaction.set_rollback(True)


pytestmark = pytest.mark.django_db


def _get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    return response, response.json()


def _every_service(client) -> list[dict]:
    _, body = _get(client, reverse("openreferral:services"), per_page=200)
    return body["contents"]


def test_every_endpoint_validates_against_the_uk_profile(client, api_world):
    # The schemas do refuse what is not so (a name alone, an id that is no UUID).
    assert not FULL_SERVICE.is_valid({"id": "12", "name": "A service", "status": "active"})
    assert not LISTS["openreferral:services"].is_valid({"contents": []})
    assert not FULL_SERVICE.is_valid(
        {"id": made_uid("x", 1), "name": "n", "status": "active", "url": "not a web address"}
    )
    _, root = _get(client, reverse("openreferral:index"))
    _validator(ROOT).validate(root)
    assert root["version"] == "3.0"
    for name, validator in LISTS.items():
        _, body = _get(client, reverse(name))
        validator.validate(body)
        assert body["contents"], f"{name} is empty"
    for service in _every_service(client):
        _, full = _get(client, reverse("openreferral:service", args=[service["id"]]))
        FULL_SERVICE.validate(full)


def test_the_offer_is_tagged_with_the_lga_leaving_care_term(client, api_world):
    uid = made_uid("offer-item", api_world["published"].pk)
    _, full = _get(client, reverse("openreferral:service", args=[uid]))
    terms = [attribute["taxonomy_term"] for attribute in full["attributes"]]
    assert terms[0]["term_uri"] == "http://id.esd.org.uk/service/918"
    assert terms[0]["name"] == "Support for young people leaving care"
    _, tagged = _get(
        client, reverse("openreferral:services"), taxonomy_term_id=terms[0]["id"], per_page=200
    )
    assert uid in {service["id"] for service in tagged["contents"]}


def test_a_draft_or_unapproved_item_never_appears(client, api_world):
    names = {service["name"] for service in _every_service(client)}
    assert "Setting up home allowance" in names  # the published version
    assert "Housing options" in names
    for hidden in ("A draft never published", "Waiting for approval", "An unapproved change"):
        assert hidden not in names
    assert "Secret pilot" not in names
    for item in (api_world["draft"], api_world["waiting"]):
        url = reverse("openreferral:service", args=[made_uid("offer-item", item.pk)])
        assert client.get(url).status_code == 404
    hidden = reverse("openreferral:service", args=[api_world["hidden"].uid])
    assert client.get(hidden).status_code == 404


def test_paging_follows_the_spec(client, api_world):
    everything = _every_service(client)
    total = len(everything)
    assert total == 3  # housing, careers, the published offer item
    _, first = _get(client, reverse("openreferral:services"), per_page=2)
    assert (first["total_items"], first["total_pages"], first["page_number"]) == (total, 2, 1)
    assert (first["size"], first["first_page"], first["last_page"], first["empty"]) == (
        2,
        True,
        False,
        False,
    )
    _, second = _get(client, reverse("openreferral:services"), per_page=2, page=2)
    assert (second["page_number"], second["size"], second["last_page"]) == (2, 1, True)
    ids = [s["id"] for s in first["contents"] + second["contents"]]
    assert ids == [s["id"] for s in everything]
    _, beyond = _get(client, reverse("openreferral:services"), per_page=2, page=9)
    assert beyond["contents"] == [] and beyond["size"] == 0
    # A page far past any offset the database can take is refused too, on every list.
    huge = {"page": "184467440737095501"}
    for bad in ({"page": "0"}, {"page": "x"}, {"per_page": "0"}, {"per_page": "201"}, huge):
        response = client.get(reverse("openreferral:services"), bad)
        assert response.status_code == 400
        assert "error" in response.json()
    for name in ("taxonomies", "taxonomy-terms", "service-at-locations"):
        assert client.get(reverse(f"openreferral:{name}"), huge).status_code == 400


def test_no_field_holds_personal_data(client, api_world):
    """Nothing about a young person, a referral, a booking or a member of staff."""
    cast, person = api_world["cast"], api_world["person"]
    bodies = [client.get(reverse(name), {"per_page": 200}).content.decode() for name in LISTS]
    bodies += [
        client.get(reverse("openreferral:service", args=[s["id"]])).content.decode()
        for s in _every_service(client)
    ]
    text = "\n".join(bodies)
    referral = api_world["world"]["referral"]
    personal = [person.first_name, person.last_name, person.phone, referral.reason]
    for user in cast.values():
        personal += [user.email, user.get_full_name()]
    for value in personal:
        assert value and value not in text, value


def test_cors_is_open_and_answers_may_be_kept(client, api_world):
    url = reverse("openreferral:services")
    response, _ = _get(client, url)
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
    again = client.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    preflight = client.options(url, HTTP_ORIGIN="https://example.org")
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert client.post(url).status_code == 405
