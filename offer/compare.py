"""Two versions of an item side by side: which fields changed, and the words that did."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from offer.models import CONTENT_FIELDS, OfferItemVersion


@dataclass(frozen=True)
class FieldChange:
    label: str
    # (kind, text) runs: kind is "same", "removed" or "added".
    runs: list[tuple[str, str]]


def _shown(version: OfferItemVersion, name: str) -> str:
    value = getattr(version, name)
    if name == "amount_pence":
        return version.amount_display
    if name == "amount_period":
        return ""  # shown with the amount
    if isinstance(value, list):
        field = OfferItemVersion._meta.get_field(name).base_field
        labels = dict(field.choices)
        return ", ".join(str(labels.get(v, v)) for v in value)
    return "" if value is None else str(value)


def _word_runs(old: str, new: str) -> list[tuple[str, str]]:
    old_words, new_words = re.findall(r"\S+|\s+", old), re.findall(r"\S+|\s+", new)
    runs: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            runs.append(("same", "".join(old_words[a1:a2])))
            continue
        if a2 > a1:
            runs.append(("removed", "".join(old_words[a1:a2])))
        if b2 > b1:
            runs.append(("added", "".join(new_words[b1:b2])))
    return runs


def compare_versions(old: OfferItemVersion, new: OfferItemVersion) -> list[FieldChange]:
    changes = []
    for name in CONTENT_FIELDS:
        before, after = _shown(old, name), _shown(new, name)
        if before != after:
            label = OfferItemVersion._meta.get_field(name).verbose_name
            changes.append(FieldChange(label=label.capitalize(), runs=_word_runs(before, after)))
    return changes
