"""The shared Redis cache, as this portal sees it (only the keys under its own prefix), and
rows of long lists made once per process."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache, caches
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

KEPT_ROW_SECONDS = 60 * 60


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


def rows(template: str, objects, fields: tuple[str, ...], **context) -> list[SafeString]:
    """Each object's row of `template` (as `row`), made once per process for the same values.

    A row is made from `fields` of its object and from `context` alone, so the same values
    make the same row: rows are kept in the process's own memory (the `rows` cache, for
    up to KEPT_ROW_SECONDS) under a digest of those values, and a change to any of them
    makes a new row, so a row is never out of date. `fields` must name everything
    `template` reads from the row."""
    store = caches["rows"]
    shared = repr(sorted(context.items()))
    keys = [
        "row:"
        + hashlib.sha256(
            repr((template, shared, [getattr(obj, name) for name in fields])).encode()
        ).hexdigest()
        for obj in objects
    ]
    kept = store.get_many(keys)
    made = {}
    result = []
    for key, obj in zip(keys, objects, strict=True):
        row = kept.get(key)
        if row is None:
            row = made[key] = render_to_string(template, {"row": obj, **context})
        result.append(mark_safe(row))  # noqa: S308 (rendered from the template, escaped)
    if made:
        store.set_many(made, timeout=KEPT_ROW_SECONDS)
    return result
