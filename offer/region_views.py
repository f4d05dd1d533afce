"""A region's public pages: its councils, and what each offers side by side."""

from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.http import require_GET

from offer import regional, selectors
from offer.cache import public_page


def _region(slug: str) -> tuple:
    region = selectors.region_for_slug(slug)
    return region, selectors.region_councils(region)


@require_GET
@public_page
def home(request, region: str):
    chosen, councils = _region(region)
    context = {
        "region": chosen,
        "councils": [(council, selectors.council_offer_url(council)) for council in councils],
        "regional_count": selectors.regional_published(chosen).count(),
        "areas": selectors.categories(),
    }
    return render(request, "offer/region_home.html", context)


@require_GET
@public_page
def compare(request, region: str):
    chosen, councils = _region(region)
    context = {
        "region": chosen,
        "councils": councils,
        "rows": regional.entitlement_rows(councils),
        "areas": selectors.categories(),
    }
    return render(request, "offer/region_compare.html", context)


@require_GET
@public_page
def compare_area(request, region: str, area: str):
    chosen, councils = _region(region)
    category = selectors.category_for_slug(area)
    shared, by_council = regional.area_side_by_side(chosen, councils, category)
    context = {
        "region": chosen,
        "category": category,
        "shared": shared,
        "by_council": by_council,
        "areas": selectors.categories(),
    }
    return render(request, "offer/region_compare_area.html", context)
