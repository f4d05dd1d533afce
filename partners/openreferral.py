"""The directory and the published offer in Open Referral UK 3.0's shapes (HSDS 3.0's UK
profile, github.com/openreferral/uk-profile, schema/compiled/*.json and schema/taxonomy*.json).

Only what is public goes out: services a manager approved for publication, offer items'
published versions, their organisations, places, opening times, team contacts and
taxonomy terms. Nothing here reads a young person, a referral, a booking or a user.
Fields with no value are left out rather than sent as null, as the schemas' types ask.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from offer.models import OfferItemVersion
from offer.selectors import public_authority, published_versions
from partners.models import (
    LEAVING_CARE_TERM_CODE,
    LGA_TAXONOMY_URI,
    Location,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)

PROFILE_URL = "https://github.com/openreferral/uk-profile"
OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/openapi.json"
# Offer items and councils have no uid of their own: theirs are made from their keys.
NAMESPACE = uuid.UUID("0b7f5f0e-3a57-4c0c-9d1e-6f1b1d2a9c10")
PER_PAGE, MAX_PER_PAGE = 50, 200


def made_uid(kind: str, pk: int) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{pk}"))


def _clean(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in (None, "")}


class PagingError(ValueError):
    pass


# Far past any directory's last page, and small enough that the database's offset holds it.
MAX_PAGE = 100_000


def paging(params) -> tuple[int, int]:
    """`page` (from 1) and `per_page` (1 to 200) from the query string, as the spec names them."""
    try:
        page = int(params.get("page", 1))
        per_page = int(params.get("per_page", PER_PAGE))
    except ValueError:
        raise PagingError("page and per_page must be whole numbers") from None
    if not 1 <= page <= MAX_PAGE or not 1 <= per_page <= MAX_PER_PAGE:
        raise PagingError(
            f"page must be from 1 to {MAX_PAGE}, and per_page from 1 to {MAX_PER_PAGE}"
        )
    return page, per_page


def page_of(total: int, page: int, per_page: int, contents: list) -> dict:
    """The UK profile's Page: totals, this page's number and size, first, last and empty."""
    total_pages = max(1, -(-total // per_page))
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": total == 0,
        "contents": contents,
    }


# --- Organisations, terms ------------------------------------------------------------------


def organization(org) -> dict:
    return _clean(
        {
            "id": str(org.uid),
            "name": org.name,
            "description": org.description,
            "email": org.email,
            "website": org.website,
        }
    )


def council_organization(authority) -> dict:
    return _clean(
        {
            "id": made_uid("authority", authority.pk),
            "name": authority.name,
            "description": f"{authority.name}'s leaving care service and its local offer.",
            "email": authority.contact_email,
        }
    )


def region_organization(region) -> dict:
    """Who offers a regional item: the region's councils together."""
    return _clean(
        {
            "id": made_uid("region", region.pk),
            "name": region.name,
            "description": f"The councils of {region.name}, for the offer they share.",
        }
    )


def taxonomy(tax: Taxonomy) -> dict:
    return _clean(
        {
            "id": str(tax.uid),
            "name": tax.name,
            "description": tax.description,
            "uri": tax.uri,
            "version": tax.version,
        }
    )


def taxonomy_term(term: TaxonomyTerm) -> dict:
    return _clean(
        {
            "id": str(term.uid),
            "name": term.name,
            "description": term.description,
            "parent_id": str(term.parent.uid) if term.parent_id else None,
            "taxonomy": term.taxonomy.uri or term.taxonomy.name,
            "taxonomy_id": str(term.taxonomy.uid),
            "term_uri": term.term_uri,
            "term": term.code,
        }
    )


def attribute(link_id: str, term: TaxonomyTerm) -> dict:
    return {
        "id": str(uuid.uuid5(NAMESPACE, f"attribute:{link_id}:{term.uid}")),
        "link_id": link_id,
        "link_type": "service",
        "taxonomy_term_id": str(term.uid),
        "taxonomy_term": taxonomy_term(term),
    }


def leaving_care_term() -> TaxonomyTerm | None:
    return (
        TaxonomyTerm.objects.select_related("taxonomy", "parent__taxonomy")
        .filter(taxonomy__uri=LGA_TAXONOMY_URI, code=LEAVING_CARE_TERM_CODE)
        .first()
    )


# --- Services ------------------------------------------------------------------------------


def published_directory(authority=None) -> QuerySet[Service]:
    """The published services of one council: `authority` (/<council>/openreferral/), or
    the one whose offer this deployment shows (/openreferral/). Another council's directory
    in the same database is theirs to publish."""
    return Service.objects.filter(
        is_published=True, organization__authority=authority or public_authority()
    ).select_related("organization")


def published_offer(authority=None) -> QuerySet[OfferItemVersion]:
    """One council's published offer items, with its region's (council as above)."""
    return published_versions(authority or public_authority()).select_related(
        "item__authority", "item__region", "item__provider__service__organization"
    )


@dataclass(frozen=True)
class Listing:
    total: int
    rows: list  # Service or OfferItemVersion


def services_listing(
    *, page: int, per_page: int, search: str = "", term_id: str = "", authority=None
) -> Listing:
    """Directory services, then the offer's published items, one page of them."""
    directory = published_directory(authority).order_by("pk")
    offer = published_offer(authority).order_by("item_id")
    if search:
        directory = directory.filter(Q(name__icontains=search) | Q(description__icontains=search))
        offer = offer.filter(Q(title__icontains=search) | Q(summary__icontains=search))
    if term_id:
        try:
            term_uid = uuid.UUID(term_id)
        except ValueError:
            return Listing(0, [])
        directory = directory.filter(terms__uid=term_uid)
        leaving_care = leaving_care_term()
        if leaving_care is None or leaving_care.uid != term_uid:
            offer = offer.none()
    directory_count, offer_count = directory.count(), offer.count()
    start, stop = (page - 1) * per_page, page * per_page
    rows = list(directory[start:stop]) if start < directory_count else []
    if len(rows) < per_page:
        offer_start = max(0, start - directory_count)
        rows += list(offer[offer_start : offer_start + per_page - len(rows)])
    return Listing(directory_count + offer_count, rows)


def _service_summary(service: Service) -> dict:
    return _clean(
        {
            "id": str(service.uid),
            "organization_id": str(service.organization.uid),
            "name": service.name,
            "description": service.description,
            "url": service.url,
            "email": service.email,
            "status": service.status,
            "fees": service.fees,
            "minimum_age": service.minimum_age,
            "maximum_age": service.maximum_age,
            "last_modified": service.updated_at.isoformat(),
            "organization": organization(service.organization),
        }
    )


def _offer_summary(version: OfferItemVersion) -> dict:
    item = version.item
    provider = getattr(item, "provider", None)
    # An unpublished directory service (and its organisation) stays out of the open data.
    if provider is not None and provider.service.is_published:
        org = organization(provider.service.organization)
    elif item.is_regional:
        org = region_organization(item.region)
    else:
        org = council_organization(item.authority)
    return _clean(
        {
            "id": made_uid("offer-item", item.pk),
            "organization_id": org["id"],
            "name": version.title,
            "description": version.summary,
            "url": "",
            "status": "active",
            "minimum_age": version.min_age,
            "maximum_age": version.max_age,
            "last_modified": (version.published_at or timezone.now()).isoformat(),
            "organization": org,
        }
    )


def service_summary(row) -> dict:
    if isinstance(row, Service):
        return _service_summary(row)
    return _offer_summary(row)


def _location(location: Location) -> dict:
    data = _clean(
        {
            "id": str(location.uid),
            "location_type": location.location_type,
            "name": location.name,
            "description": location.description,
            "latitude": float(location.latitude) if location.latitude is not None else None,
            "longitude": float(location.longitude) if location.longitude is not None else None,
        }
    )
    if location.address_1:
        data["addresses"] = [
            {
                "id": str(uuid.uuid5(NAMESPACE, f"address:{location.uid}")),
                "location_id": str(location.uid),
                "address_1": location.address_1,
                "city": location.city,
                "state_province": "",
                "postal_code": location.postal_code,
                "country": "GB",
                "address_type": "physical",
            }
        ]
    return data


def service_full(uid: str, authority=None) -> dict | None:
    """One published service or offer item, with everything the UK profile nests in it."""
    try:
        wanted = uuid.UUID(uid)
    except ValueError:
        return None
    service = (
        published_directory(authority)
        .filter(uid=wanted)
        .prefetch_related(
            "schedules",
            "contacts",
            Prefetch("terms", queryset=TaxonomyTerm.objects.select_related("taxonomy", "parent")),
            Prefetch("at_locations", queryset=ServiceAtLocation.objects.select_related("location")),
        )
        .first()
    )
    if service is not None:
        return _directory_full(service)
    for version in published_offer(authority):
        if made_uid("offer-item", version.item_id) == str(wanted):
            return _offer_full(version)
    return None


def _directory_full(service: Service) -> dict:
    service_id = str(service.uid)
    data = _service_summary(service)
    data["schedules"] = [
        {
            "id": str(schedule.uid),
            "service_id": service_id,
            "freq": "WEEKLY",
            "byday": schedule.byday,
            "opens_at": f"{schedule.opens_at:%H:%M}",
            "closes_at": f"{schedule.closes_at:%H:%M}",
            "description": str(schedule),
            **({"notes": schedule.notes} if schedule.notes else {}),
        }
        for schedule in service.schedules.all()
    ]
    data["service_at_locations"] = [
        {
            "id": str(at.uid),
            "service_id": service_id,
            "location_id": str(at.location.uid),
            "location": _location(at.location),
        }
        for at in service.at_locations.all()
    ]
    data["contacts"] = [
        _clean(
            {
                "id": str(contact.uid),
                "service_id": service_id,
                "name": contact.name,
                "title": contact.title,
            }
        )
        for contact in service.contacts.all()
    ]
    data["attributes"] = [attribute(service_id, term) for term in service.terms.all()]
    return data


def _offer_full(version: OfferItemVersion) -> dict:
    data = _offer_summary(version)
    data["description"] = version.body
    term = leaving_care_term()
    data["attributes"] = [attribute(data["id"], term)] if term is not None else []
    if version.amount_pence:
        data["cost_options"] = [
            {
                "id": str(uuid.uuid5(NAMESPACE, f"cost:{version.pk}")),
                "service_id": data["id"],
                "option": "Paid to the young person",
                "amount": version.amount_pence / 100,
                "amount_description": version.amount_display,
            }
        ]
    data["contacts"] = []
    return data


def service_at_locations_listing(
    *, page: int, per_page: int, search: str = "", authority=None
) -> Listing:
    rows = ServiceAtLocation.objects.filter(
        service__in=published_directory(authority).values("pk")
    ).select_related("service__organization", "location")
    if search:
        rows = rows.filter(
            Q(service__name__icontains=search) | Q(service__description__icontains=search)
        )
    rows = rows.order_by("pk")
    start = (page - 1) * per_page
    return Listing(rows.count(), list(rows[start : start + per_page]))


def service_at_location(at: ServiceAtLocation) -> dict:
    location = _location(at.location)
    location.pop("addresses", None)
    return {
        "id": str(at.uid),
        "service_id": str(at.service.uid),
        "location_id": str(at.location.uid),
        "location": location,
        "service": _service_summary(at.service),
    }


def root() -> dict:
    return {
        "version": "3.0",
        "profile": PROFILE_URL,
        "openapi_url": OPENAPI_URL,
    }
