"""What apps above pathway add to its pages: a box above the caseload, and notes beside
the plan's sections (on the plan page, in signed versions and their PDFs).

They register from their AppConfig.ready(), so pathway never imports them. Each context
function is called once per page, whatever the number of sections or young people.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from people.models import User, YoungPerson


@dataclass(frozen=True)
class CaseloadBox:
    template: str
    context: Callable[[User, dt.date], dict]
    order: int


# person, today -> {matter: [{"heading": ..., "rows": [[label, text], ...]}]}: plain data,
# so a signed version can keep it as it was.
SectionNotes = Callable[[YoungPerson, dt.date], dict[str, list[dict]]]

_caseload_boxes: dict[str, CaseloadBox] = {}
_section_notes: dict[str, tuple[int, SectionNotes]] = {}


def register_caseload_box(
    *, template: str, context: Callable[[User, dt.date], dict], order: int = 100
) -> None:
    _caseload_boxes[template] = CaseloadBox(template=template, context=context, order=order)


def render_caseload_boxes(request, today: dt.date) -> list[SafeString]:
    boxes = sorted(_caseload_boxes.values(), key=lambda box: box.order)
    return [
        render_to_string(box.template, box.context(request.user, today), request=request)
        for box in boxes
    ]


def register_section_notes(name: str, notes: SectionNotes, *, order: int = 100) -> None:
    _section_notes[name] = (order, notes)


def section_notes(person: YoungPerson, today: dt.date) -> dict[str, list[dict]]:
    """Every app's notes for each section of this young person's plan, in order."""
    by_matter: dict[str, list[dict]] = {}
    for _, notes in sorted(_section_notes.values(), key=lambda entry: entry[0]):
        for matter, entries in notes(person, today).items():
            by_matter.setdefault(matter, []).extend(entries)
    return by_matter
