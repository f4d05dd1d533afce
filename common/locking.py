"""One optimistic lock for every edit form that can clash.

A row that people edit carries a `revision` number; the form carries the revision it was
opened at. Saving locks the row, and refuses the save if the revision has moved on since
(someone else saved), so two people editing at once can never silently overwrite each
other; the refused person is shown both versions and keeps what they typed.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import models

from common.errors import DomainError


class StaleEditError(DomainError):
    """Someone saved this since the form was opened. `saved` is the row as they left it."""

    def __init__(self, message: str, saved: models.Model | None = None):
        super().__init__(message)
        self.saved = saved


def lock_unchanged(
    rows: models.QuerySet,
    pk: int,
    revision: int,
    *,
    message: str | Callable[[models.Model], str],
    error: type[StaleEditError] = StaleEditError,
) -> models.Model:
    """The row, locked until the transaction ends, if it is still at `revision`.

    Raises `error(message, saved=row)` if someone saved it since; `message` may be worked
    out from the saved row (to name who saved it). Call inside a transaction."""
    locked = rows.select_for_update().get(pk=pk)
    if locked.revision != revision:
        raise error(message(locked) if callable(message) else message, saved=locked)
    return locked


def revision_next(row: models.Model) -> None:
    """Move the row's revision on, so every form opened before this save is out of date."""
    row.revision += 1
