"""A region's councils side by side: what each offers in an area, and its entitlements.

The entitlements come from each council's money schemes (finance's `Scheme.entitlement`),
so the comparison says what the councils' own records say, with when each was checked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from finance.models import CapPeriod, Entitlement
from finance.money import pounds
from finance.selectors import entitlement_schemes
from offer.models import Category, OfferItemVersion, VersionState
from people.models import Authority, Region

PERIOD_WORDS = {
    CapPeriod.LIFETIME: "in total",
    CapPeriod.FINANCIAL_YEAR: "a year",
    CapPeriod.PER_CLAIM: "each time",
}


@dataclass(frozen=True)
class Cell:
    """What one council gives for one entitlement, in words, and when it was checked."""

    words: str
    checked_on: dt.date | None = None
    is_offered: bool = True


@dataclass(frozen=True)
class Row:
    label: str
    cells: list[Cell]


def entitlement_words(scheme) -> str:
    """ "£3,000 in total", "£50 a year", or "Until you are 25" for council tax."""
    if scheme.entitlement == Entitlement.COUNCIL_TAX:
        return f"Until you are {scheme.max_age}"
    if scheme.cap_pence is None:
        return "Yes, no set amount"
    return f"{pounds(scheme.cap_pence)} {PERIOD_WORDS[scheme.cap_period]}"


def entitlement_rows(councils: list[Authority]) -> list[Row]:
    """One row per compared entitlement, one cell per council, from the councils' schemes."""
    schemes = entitlement_schemes(council.pk for council in councils)
    rows = []
    for value, label in Entitlement.choices:
        cells = []
        for council in councils:
            scheme = schemes.get((council.pk, value))
            if scheme is None:
                cells.append(Cell("Not offered", is_offered=False))
            else:
                cells.append(Cell(entitlement_words(scheme), scheme.checked_on))
        rows.append(Row(label, cells))
    return rows


@dataclass(frozen=True)
class CouncilArea:
    council: Authority
    versions: list[OfferItemVersion]


def area_side_by_side(
    region: Region, councils: list[Authority], area: Category
) -> tuple[list[OfferItemVersion], list[CouncilArea]]:
    """The region's own items in an area, then each council's, in two queries."""
    published = OfferItemVersion.objects.filter(
        state=VersionState.PUBLISHED, category=area
    ).select_related("item")
    regional = list(published.filter(item__region=region).order_by("title"))
    own = published.filter(item__authority__in=councils).order_by("title")
    by_council: dict[int, list[OfferItemVersion]] = {council.pk: [] for council in councils}
    for version in own:
        by_council[version.item.authority_id].append(version)
    return regional, [CouncilArea(council, by_council[council.pk]) for council in councils]


@dataclass(frozen=True)
class WhoPays:
    """One entitlement of a young person living in another council's area: who gives it."""

    label: str
    council: Authority
    words: str
    why: str


def who_pays(home: Authority, area: Authority) -> list[WhoPays]:
    """What a young person looked after by `home` and living in `area` gets, and from whom.

    The council that looked after them pays what it offers wherever they live; council tax
    is billed where they live, so that council's exemption comes first, and the home
    council's only where the area has none."""
    schemes = entitlement_schemes([home.pk, area.pk])
    rows = []
    for value, label in Entitlement.choices:
        own, there = schemes.get((home.pk, value)), schemes.get((area.pk, value))
        if value == Entitlement.COUNCIL_TAX and there is not None:
            why = f"You live in {area.name}’s area, so {area.name} lets you off council tax."
            rows.append(WhoPays(label, area, entitlement_words(there), why))
        elif own is not None:
            why = f"{home.name} looked after you, so it pays this wherever you live."
            rows.append(WhoPays(label, home, entitlement_words(own), why))
    return rows
