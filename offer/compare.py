"""Two versions of an item side by side: which fields changed, and the words that did."""

from __future__ import annotations

from dataclasses import dataclass

from common.diff import word_runs
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


def compare_versions(old: OfferItemVersion, new: OfferItemVersion) -> list[FieldChange]:
    changes = []
    for name in CONTENT_FIELDS:
        before, after = _shown(old, name), _shown(new, name)
        if before != after:
            label = OfferItemVersion._meta.get_field(name).verbose_name
            changes.append(FieldChange(label=label.capitalize(), runs=word_runs(before, after)))
    return changes
