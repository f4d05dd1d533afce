"""Money as people read it, and the council's financial year: pure functions."""

from __future__ import annotations

import datetime as dt


def pounds(pence: int) -> str:
    """2550 -> "£25.50"; 3000 -> "£30"."""
    whole, part = divmod(abs(pence), 100)
    sign = "-" if pence < 0 else ""
    return f"{sign}£{whole:,}" + (f".{part:02d}" if part else "")


def financial_year(day: dt.date) -> tuple[dt.date, dt.date]:
    """The April-to-March year `day` falls in: (1 April, 31 March)."""
    start_year = day.year if day.month >= 4 else day.year - 1
    return dt.date(start_year, 4, 1), dt.date(start_year + 1, 3, 31)
