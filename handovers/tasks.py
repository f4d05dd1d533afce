"""Background work for good endings: thin tasks that call a service.

`handover_tell_young_person` lives beside what it calls (`handovers.telling`); it is kept for
tasks queued by an earlier release (a new PA is now told in the allocation's transaction)."""

from __future__ import annotations

import datetime as dt

from celery import shared_task
from django.db import DatabaseError
from django.utils import timezone

from handovers.day import day_steps
from handovers.telling import handover_tell_young_person

__all__ = ["handover_tell_young_person", "handovers_day"]


@shared_task(
    acks_late=True, autoretry_for=(OSError, DatabaseError), retry_backoff=True, max_retries=5
)
def handovers_day(day: str | None = None) -> dict[str, int]:
    """The handovers' morning (beat, before the reminders): checks, endings, telling, closing.

    Safe to run twice: each step records a state that a second run sees."""
    return day_steps(dt.date.fromisoformat(day) if day else timezone.localdate())
