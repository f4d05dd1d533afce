"""Kinds of notification, registered by the apps that send them.

A kind is a short code stored on each notification; its label is what the person reads,
and also the email's subject, so it names no one. Each app lists its own kinds (a
`TextChoices`) and registers them from its `reminders.py`, so a new kind needs no migration
here.
"""

from __future__ import annotations

from django.db import models

_labels: dict[str, str] = {}

UNKNOWN = "Something needs your attention"


def register_kinds(kinds: type[models.TextChoices]) -> None:
    for value, label in kinds.choices:
        _labels[value] = str(label)


def kind_label(kind: str) -> str:
    return _labels.get(kind, UNKNOWN)
