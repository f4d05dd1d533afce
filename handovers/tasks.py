"""Background work for good endings: thin tasks that load by id and call a service."""

from __future__ import annotations

from celery import shared_task

from handovers import telling


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=8)
def handover_tell_young_person(handover_id: int) -> bool:
    """Tell a young person who their new PA is; `told_at` makes a second run do nothing."""
    return telling.young_person_tell(handover_id=handover_id)
