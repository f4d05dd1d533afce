"""The shared Redis cache, as this portal sees it: only the keys under its own prefix."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache


def empty() -> int:
    """Delete this portal's keys from the cache; how many there were.

    Not `cache.clear()`, which empties the whole Redis database: Celery's queues, and any
    other portal sharing it (a `make run` beside the tests or the benchmark)."""
    client = cache._cache.get_client()
    prefix = settings.CACHES["default"]["KEY_PREFIX"]
    deleted = 0
    for key in client.scan_iter(match=f"{prefix}:*", count=500):
        deleted += client.delete(key)
    return deleted
