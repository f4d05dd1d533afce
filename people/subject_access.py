"""A copy of everything the service holds about one young person: the subject access pack.

Under UK GDPR a person may ask for their personal data. Each app registers the tables it
holds about a young person (`register_part`, from its AppConfig.ready()), so `people` never
imports the apps above it. The pack is a ZIP holding a letter-like PDF with every table, and
each table again as a CSV (cells a spreadsheet would run are quoted).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone

from common.csvfile import csv_text
from common.pdf import pdf_from_template
from people.models import YoungPerson
from people.selectors import current_allocation

PDF_NAME = "information-we-hold.pdf"


@dataclass(frozen=True)
class Table:
    """One kind of record about the young person: a heading, its columns, a row per record.

    Values may be text, numbers, dates, datetimes, booleans or None; `filename` names its CSV.
    """

    title: str
    filename: str
    columns: tuple[str, ...]
    rows: list[tuple]
    intro: str = ""


@dataclass(frozen=True)
class Part:
    # (person, full) -> tables; `full` is False for the young person's own download, which
    # holds only what staff need not check first (see `pack_zip`).
    tables: Callable[[YoungPerson, bool], list[Table]]
    order: int


_parts: dict[str, Part] = {}


def register_part(
    name: str, *, tables: Callable[[YoungPerson, bool], list[Table]], order: int = 100
) -> None:
    """Add an app's records to every pack; `tables(person, full)` reads only that person's."""
    _parts[name] = Part(tables=tables, order=order)


def tables_for(person: YoungPerson, *, full: bool) -> list[Table]:
    parts = sorted(_parts.values(), key=lambda part: part.order)
    return [table for part in parts for table in part.tables(person, full)]


def shown(value, *, for_csv: bool = False) -> str:
    """A value as a person reads it: "1 December 2026" in the letter, 2026-12-01 in a CSV."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dt.datetime):
        value = timezone.localdate(value)
    if isinstance(value, dt.date):
        return value.isoformat() if for_csv else f"{value:%-d %B %Y}"
    return str(value)


@dataclass(frozen=True)
class Pack:
    content: bytes
    tables: int
    rows: int


# Tables wider than this read better in the letter as one block per record.
WIDE = 4


def _for_letter(table: Table) -> dict:
    rows = [[shown(value) for value in row] for row in table.rows]
    return {
        "title": table.title,
        "intro": table.intro,
        "columns": table.columns,
        "rows": rows,
        "is_wide": len(table.columns) > WIDE,
        # For a wide table: each record's filled-in parts, as (column, value).
        "records": [
            [pair for pair in zip(table.columns, row, strict=True) if pair[1]] for row in rows
        ],
        "filename": f"{table.filename}.csv",
    }


def pack_zip(person: YoungPerson, *, full: bool, today: dt.date | None = None) -> Pack:
    """The ZIP: the letter as a PDF, and every table as a CSV of its own.

    Staff make the `full` pack, and check it before they send it (case notes and documents
    can hold other people's information, which the law asks them to consider). The young
    person's own download, made with no one checking, holds what the portal already shows
    them and the dates of contacts, not staff's notes or documents not shared with them."""
    today = today or timezone.localdate()
    tables = tables_for(person, full=full)
    pdf = pdf_from_template(
        "portal/subject_access_pdf.html",
        {
            "person": person,
            "authority": person.authority,
            "current": current_allocation(person),
            "today": today,
            "tables": [_for_letter(table) for table in tables],
            "full": full,
        },
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(PDF_NAME, pdf)
        for table in tables:
            rows = [table.columns, *([shown(v, for_csv=True) for v in row] for row in table.rows)]
            # With a byte-order mark, spreadsheets read the pound sign and accents correctly.
            archive.writestr(f"{table.filename}.csv", csv_text(rows).encode("utf-8-sig"))
    return Pack(
        content=buffer.getvalue(),
        tables=len(tables),
        rows=sum(len(table.rows) for table in tables),
    )


def people_tables(person: YoungPerson, full: bool) -> list[Table]:
    """What `people` holds: their details and every PA they have had."""
    details = [
        ("First name", person.first_name),
        ("Last name", person.last_name),
        ("Name you like to be called", person.preferred_name),
        ("Date of birth", person.date_of_birth),
        ("Legal status", person.get_legal_status_display()),
        ("Left care on", person.date_left_care),
        ("Unaccompanied asylum-seeking young person", person.is_unaccompanied_asylum_seeker),
        ("Email", person.email),
        ("Phone", person.phone),
        ("Address", person.address),
        ("How you like to be contacted", person.get_preferred_contact_display()),
        ("Sex", person.get_sex_display()),
        ("Ethnicity", person.get_ethnicity_display()),
        ("Disability", person.has_disability),
        ("Unique pupil number", person.upn),
        ("Child's date of birth", person.mothers_child_born_on),
        ("Said you do not want contact, since", person.refuses_contact_since),
        ("Has an account on the portal", person.user_id is not None),
        ("Record made on", person.created_at),
    ]
    allocations = person.allocations.select_related("pa").order_by("started_on", "pk")
    return [
        Table(
            title="Your details",
            filename="details",
            columns=("What", "What we have recorded"),
            rows=details,
        ),
        Table(
            title="Your personal advisers",
            filename="personal-advisers",
            columns=("Personal adviser", "From", "To", "Why it ended"),
            rows=[
                (a.pa.get_full_name(), a.started_on, a.ended_on, a.get_end_reason_display())
                for a in allocations
            ],
        ),
    ]
