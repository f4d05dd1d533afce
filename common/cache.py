"""The shared Redis cache as this portal sees it: only the keys under its own prefix."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache


def own_keys(match: str = "*") -> list[str]:
    """This portal's keys that match `match` (a Redis glob on the key as the portal names it)."""
    client = cache._cache.get_client()
    prefix = settings.CACHES["default"]["KEY_PREFIX"]
    return [key.decode() for key in client.scan_iter(match=f"{prefix}:*:{match}", count=500)]


def own_keys_delete() -> int:
    """Delete this portal's keys from the cache; how many there were.

    Not `cache.clear()`, which empties the whole Redis database: Celery's queues, and any
    other portal sharing it (a `make run` beside the tests or the benchmark)."""
    client = cache._cache.get_client()
    keys = own_keys()
    return client.delete(*keys) if keys else 0
