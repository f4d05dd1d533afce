"""Kinds of notification, registered by the apps that send them.

A kind is a short code stored on each notification; its label is what the person reads,
and also the email's subject, so it names no one. Each app lists its own kinds (a
`TextChoices`) and registers them from its `reminders.py`, so a new kind needs no migration
here.

A kind registered as a digest comes in bursts (a PA's leaving date starts a handover for
each young person they support): its notifications are listed one by one in the portal,
but emailed together, once a day (`notifications.digest`).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models

_labels: dict[str, str] = {}
_digests: set[str] = set()

UNKNOWN = "Something needs your attention"


def register_kinds(kinds: type[models.TextChoices], *, digest: Iterable[str] = ()) -> None:
    """Register an app's kinds; those in `digest` are emailed once a day, together."""
    for value, label in kinds.choices:
        _labels[value] = str(label)
    _digests.update(str(kind) for kind in digest)


def kind_label(kind: str) -> str:
    return _labels.get(kind, UNKNOWN)


def is_digest(kind: str) -> bool:
    return kind in _digests


def digest_kinds() -> frozenset[str]:
    return frozenset(_digests)
