"""The regional dashboard: each member council's figures side by side, with the region's.

The figures are each council's own (the same functions as its dashboard, over all its
teams), at the end of the day before: the nightly task works them out for every region
and keeps them (`RegionFigures`), so the page reads one row whatever the number of
councils or young people, and every council is compared on the same day. Only counts and
shares of people are shown, never money or names, and no cell counts fewer than
SMALLEST_CELL people: such cells are hidden, and then the smallest shown ones of the row
until what is hidden is at least that many together, so the region's total less the shown
cells cannot give a small one away (the voice survey's rule).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.db import transaction

from common.figures import Figure
from dashboard.figures import figures
from dashboard.models import RegionFigures
from people.models import Region

logger = logging.getLogger(__name__)

SMALLEST_CELL = 5


@dataclass
class Cell:
    count: int
    out_of: int | None  # None: a count, not a share
    hidden: bool = False
    small: bool = False  # hidden because it is about fewer than SMALLEST_CELL people

    @property
    def percent(self) -> int | None:
        if not self.out_of:
            return None
        return round(100 * self.count / self.out_of)

    @property
    def size(self) -> int:
        """How many people the cell is about: those counted, or for a share those it is of."""
        return self.count if self.out_of is None else min(self.count, self.out_of - self.count)


@dataclass
class Row:
    slug: str
    title: str
    is_share: bool
    cells: list[Cell]
    total: Cell = field(default_factory=lambda: Cell(0, None))


def hide_small(cells: list[Cell], known: Cell | None = None) -> bool:
    """Hide each cell about 1 to 4 people, then the smallest shown until what is hidden is
    about at least SMALLEST_CELL people together. `known` is a cell the reader knows anyway
    (their own council's, from its dashboard): it may be hidden, but never counts towards
    what protects the others. Returns False when the others cannot make SMALLEST_CELL,
    and then the total must be hidden too."""
    hidden = 0
    for cell in cells:
        if 0 < cell.size < SMALLEST_CELL or (
            cell.out_of is not None and cell.out_of < SMALLEST_CELL
        ):
            cell.hidden = cell.small = True
            hidden += 0 if cell is known else cell.size
    if not any(cell.hidden and cell is not known for cell in cells):
        return True
    shown = sorted(
        (cell for cell in cells if not cell.hidden and cell is not known),
        key=lambda cell: cell.size,
    )
    while hidden < SMALLEST_CELL and shown:
        cell = shown.pop(0)
        cell.hidden = True
        hidden += cell.size
    return hidden >= SMALLEST_CELL


def figures_make(region: Region, day: dt.date) -> RegionFigures:
    """Work out and keep the region's figures at the end of `day`: one row per figure of
    people (not money), one cell per council, as each council's dashboard counts them."""
    councils = list(region.councils.order_by("name"))
    by_council: list[dict[str, Figure]] = []
    for council in councils:
        team_ids = list(council.teams.values_list("pk", flat=True))
        made = figures(authority=council, team_ids=team_ids, as_at=day, query="")
        by_council.append({figure.slug: figure for figure in made if not figure.is_money})
    rows = []
    for slug, first in (by_council[0] if by_council else {}).items():
        points = [made[slug].latest if slug in made else None for made in by_council]
        rows.append(
            {
                "slug": slug,
                "title": first.title,
                "is_share": first.is_share,
                "cells": [None if p is None else [p.count, p.out_of] for p in points],
            }
        )
    kept, _ = RegionFigures.objects.update_or_create(
        region=region,
        day=day,
        defaults={"councils": [[council.pk, council.name] for council in councils], "rows": rows},
    )
    return kept


def figures_every_region(day: dt.date) -> int:
    """The nightly task's part: every region's figures at the end of `day`, each on its own
    (one that fails is logged and the others still made). How many were made."""
    made = 0
    for region in Region.objects.order_by("pk"):
        try:
            with transaction.atomic():
                figures_make(region, day)
            made += 1
        except Exception:
            logger.exception("The figures of region %s were not made", region.pk)
    return made


def kept_councils(kept: RegionFigures, member_ids: set[int]) -> list[str]:
    """The names of the kept figures' councils that are still in the region."""
    return [name for pk, name in kept.councils if pk in member_ids]


def protected_rows(
    kept: RegionFigures, member_ids: set[int], reader_council_id: int | None = None
) -> list[Row]:
    """The kept figures as the table shows them, with the region's total; small cells
    hidden. Only councils still in the region (`member_ids`) are shown or counted: one that
    has left since the night is gone at once. The reader's own council's cell never
    protects another's (they know it)."""
    still = [index for index, (pk, _) in enumerate(kept.councils) if pk in member_ids]
    council_ids = [kept.councils[index][0] for index in still]
    rows = []
    for entry in kept.rows:
        cells = [
            Cell(0, None, hidden=True) if cell is None else Cell(cell[0], cell[1])
            for cell in (entry["cells"][index] for index in still)
        ]
        total = Cell(
            sum(cell.count for cell in cells),
            sum(cell.out_of or 0 for cell in cells) if entry["is_share"] else None,
        )
        known = next(
            (cell for cell, pk in zip(cells, council_ids, strict=True) if pk == reader_council_id),
            None,
        )
        if not hide_small(cells, known):
            total.hidden = True
        hide_small([total])
        rows.append(Row(entry["slug"], entry["title"], entry["is_share"], cells, total))
    return rows


def led_region(user, slug: str) -> Region | None:
    return Region.objects.filter(slug=slug, lead=user).first()
