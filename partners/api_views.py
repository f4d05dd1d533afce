"""The Open Referral UK 3.0 API: read-only, unauthenticated JSON, open to every origin.

Responses may be kept by browsers and proxies for a few minutes, with an ETag; none holds
anything about a person, so the same answer serves everyone.
"""

from __future__ import annotations

import json

from django.http import Http404, HttpResponse, JsonResponse
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from offer.selectors import offer_authority
from partners import openreferral
from partners.models import Taxonomy, TaxonomyTerm

CACHE_SECONDS = 300


def _open_data(view):
    """GET (and OPTIONS for CORS preflight) only; CORS open; public caching with an ETag."""

    @csrf_exempt
    @require_http_methods(["GET", "HEAD", "OPTIONS"])
    def wrapped(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
        else:
            try:
                response = view(request, *args, **kwargs)
            except openreferral.PagingError as error:
                response = JsonResponse({"error": str(error)}, status=400)
            except Http404:
                response = JsonResponse({"error": "Not found"}, status=404)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        response["Access-Control-Allow-Headers"] = "Accept, Content-Type, If-None-Match"
        if response.status_code == 200:
            patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
            set_response_etag(response)
            return get_conditional_response(request, etag=response["ETag"], response=response)
        return response

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _council(request, council: str | None):
    """The council whose open data is asked for: the one in the address
    (/<council>/openreferral/), else the one whose own host name it was asked on, else the
    one this deployment's /offer/ shows."""
    return offer_authority(council=council, host=request.get_host())


def _json(data: dict) -> HttpResponse:
    return HttpResponse(
        json.dumps(data, ensure_ascii=False, sort_keys=True), content_type="application/json"
    )


@_open_data
def index(request, council: str | None = None):
    _council(request, council)
    return _json(openreferral.root())


@_open_data
def services(request, council: str | None = None):
    page, per_page = openreferral.paging(request.GET)
    listing = openreferral.services_listing(
        authority=_council(request, council),
        page=page,
        per_page=per_page,
        search=request.GET.get("search", "").strip()[:100],
        term_id=request.GET.get("taxonomy_term_id", "").strip()[:40],
    )
    contents = [openreferral.service_summary(row) for row in listing.rows]
    return _json(openreferral.page_of(listing.total, page, per_page, contents))


@_open_data
def service_detail(request, uid: str, council: str | None = None):
    found = openreferral.service_full(uid, authority=_council(request, council))
    if found is None:
        raise Http404("No such service")
    return _json(found)


@_open_data
def service_at_locations(request, council: str | None = None):
    page, per_page = openreferral.paging(request.GET)
    listing = openreferral.service_at_locations_listing(
        authority=_council(request, council),
        page=page,
        per_page=per_page,
        search=request.GET.get("search", "").strip()[:100],
    )
    contents = [openreferral.service_at_location(at) for at in listing.rows]
    return _json(openreferral.page_of(listing.total, page, per_page, contents))


@_open_data
def taxonomies(request, council: str | None = None):
    _council(request, council)
    page, per_page = openreferral.paging(request.GET)
    rows = Taxonomy.objects.order_by("pk")
    start = (page - 1) * per_page
    contents = [openreferral.taxonomy(tax) for tax in rows[start : start + per_page]]
    return _json(openreferral.page_of(rows.count(), page, per_page, contents))


@_open_data
def taxonomy_terms(request, council: str | None = None):
    _council(request, council)
    page, per_page = openreferral.paging(request.GET)
    rows = TaxonomyTerm.objects.select_related("taxonomy", "parent").order_by("pk")
    start = (page - 1) * per_page
    contents = [openreferral.taxonomy_term(term) for term in rows[start : start + per_page]]
    return _json(openreferral.page_of(rows.count(), page, per_page, contents))
