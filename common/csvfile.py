"""CSV files people open in a spreadsheet: text that a spreadsheet would run is quoted."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

# A spreadsheet runs a cell starting with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Text that would run as a formula gets a leading apostrophe; numbers stay numbers."""
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        return "'" + value
    return value


def csv_text(rows: Iterable[Iterable]) -> str:
    """The rows as CSV with Windows line ends, as finance systems and Excel expect."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(
        [safe_cell(value) for value in row] for row in rows
    )
    return out.getvalue()
