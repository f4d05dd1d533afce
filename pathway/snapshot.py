"""The whole plan as plain data: what a signed version freezes, and what pages and PDFs show.

The live draft and every signed version have the same shape, so one template prints both
and two of them can be compared field by field.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from common.confirm import fingerprint
from common.diff import word_runs
from pathway.extras import section_notes
from pathway.models import (
    MATTER_GUIDANCE,
    SUITABILITY_POINTS,
    Matter,
    Plan,
    PlanVersion,
    Review,
)

TEXT_FIELDS = (
    ("needs", "Needs"),
    ("strengths", "Strengths"),
    ("young_person_says", "What they say"),
    ("how_met", "How the needs will be met"),
)


def plan_content(plan: Plan, *, notes: dict[str, list[dict]] | None = None) -> dict:
    """The plan as it stands now. `plan` should come from `selectors.plan_detail` (which
    gives it the current home's `home_suitable`). `notes` are what other apps say beside
    each section (`pathway.extras`): today's, unless given (the demo's past plans have none)."""
    person = plan.young_person
    sections = {section.matter: section for section in plan.sections.all()}
    actions_by_matter: dict[str, list] = {}
    for action in plan.actions.all():
        actions_by_matter.setdefault(action.matter, []).append(action)
    if notes is None:
        notes = section_notes(person, timezone.localdate())
    content_sections = []
    for matter in Matter:
        section = sections.get(matter.value)
        suitability = section.suitability if section else {}
        content_sections.append(
            {
                "matter": matter.value,
                "title": matter.label,
                "asks": MATTER_GUIDANCE[matter][1],
                **{name: getattr(section, name, "") if section else "" for name, _ in TEXT_FIELDS},
                "suitability": [
                    [label, suitability.get(key, "")]
                    for key, label in SUITABILITY_POINTS
                    if suitability.get(key)
                ],
                "suitable": suitable_answer(plan) if matter == Matter.ACCOMMODATION else "",
                "views": [
                    {"text": view.text, "written_at": view.written_at.isoformat()}
                    for view in (section.views.all() if section else [])
                ],
                "actions": [
                    {
                        "what": action.what,
                        "who": action.who,
                        "due_on": action.due_on.isoformat(),
                        "status": action.get_status_display(),
                    }
                    for action in actions_by_matter.get(matter.value, [])
                ],
                # What other apps note beside the section (the young person's checklist
                # answers, their skills), only where there is something.
                **(
                    {"notes": [_kept(note) for note in notes[matter.value]]}
                    if notes.get(matter.value)
                    else {}
                ),
            }
        )
    return {
        "young_person": {
            "name": person.full_name,
            "date_of_birth": person.date_of_birth.isoformat(),
            "legal_status": person.get_legal_status_display(),
        },
        "sections": content_sections,
    }


def _kept(note: dict) -> dict:
    """A note as a version keeps it: its words, not the links that belong to the live page."""
    return {"heading": note["heading"], "rows": note["rows"]}


def suitable_answer(plan: Plan) -> str:
    """The current home's suitability, from the accommodation history (`home_suitable`)."""
    return {True: "yes", False: "no"}.get(getattr(plan, "home_suitable", None), "")


def review_content(review: Review) -> dict:
    return {
        "number": review.number,
        "held_on": review.held_on.isoformat(),
        "participants": review.participants,
        "young_person_took_part": review.young_person_took_part,
        "outcome": review.outcome,
    }


def to_sign(plan: Plan, review: Review) -> dict:
    """What a manager reads and signs: the plan as it stands, with the review."""
    return {**plan_content(plan), "review": review_content(review)}


def digest(content: dict) -> str:
    """A fingerprint of what a manager read, so that they sign exactly that."""
    return fingerprint(content)


def compare(old: PlanVersion, new: PlanVersion) -> list[dict]:
    """For each section that changed: its title and, per changed part, the word runs."""
    return compare_content(old.content, new.content)


def compare_content(old: dict, new: dict) -> list[dict]:
    """`compare` on contents: a signed version's, or the plan as it would be signed now."""
    old_sections = {s["matter"]: s for s in old["sections"]}
    changes = []
    for section in new["sections"]:
        before = old_sections.get(section["matter"], {})
        parts = []
        for name, label in (*TEXT_FIELDS, ("suitability", "Suitability"), ("actions", "Actions")):
            old_text, new_text = _as_text(before.get(name, "")), _as_text(section.get(name, ""))
            if old_text != new_text:
                parts.append({"label": label, "runs": word_runs(old_text, new_text)})
        if parts:
            changes.append({"title": section["title"], "parts": parts})
    return changes


def _as_text(value) -> str:
    if isinstance(value, str):
        return value
    lines = []
    for entry in value:
        if isinstance(entry, dict):  # an action
            by = _in_words(entry["due_on"])
            lines.append(f"{entry['what']} ({entry['who']}, by {by}: {entry['status']})")
        else:  # a suitability point
            lines.append(f"{entry[0]}: {entry[1]}")
    return "\n".join(lines)


def _in_words(iso_day: str) -> str:
    """A date the snapshot keeps as "2026-12-01", as a person reads it: "1 December 2026"."""
    return f"{dt.date.fromisoformat(iso_day):%-d %B %Y}"
