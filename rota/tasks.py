"""Background work for the rota: thin tasks that load by id and call a service."""

from __future__ import annotations

from celery import shared_task

from rota import services


@shared_task(bind=True, acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=8)
def tell_about_swap(self, offer_id: int) -> bool:
    """Tell both PAs of a swap taken before they were told in its own transaction (queued by
    an earlier release); a swap already told is not told again."""
    return services.swap_tell(offer_id=offer_id)
