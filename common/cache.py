"""The shared Redis cache as this portal sees it: only the keys under its own prefix, and a
backend for which a Redis that does not answer is a cache that holds nothing.

Everything the portal keeps there can be made again (the public offer pages, the
dashboard's earlier months), so while Redis is down pages are made afresh and nothing is
kept, rather than failing. Django's `RedisCache` raises instead, and django-redis (whose
`IGNORE_EXCEPTIONS` does this) is not one of our dependencies: `RedisCacheOrMiss` is the
few lines of it we need.

Security, while Redis is down: allauth's rate limits are not counted (among them the five
wrong passwords or codes an account may have in 15 minutes, from any number of addresses),
and an authenticator app's code is not remembered as used, so it could be used again within
its 30 seconds. Two counts in the database still hold: django-axes locks an account from
one address after five failed sign-ins, and the portal refuses a sixth authenticator code
for an account after five wrong ones in 15 minutes, from any number of addresses
(people.models.CodeFailure).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


class _Outage:
    """Whether this process last found Redis away, so an outage is logged once, not per call."""

    down = False


class RedisCacheOrMiss(RedisCache):
    """Django's Redis cache, where a Redis error is a miss and a write that fails is skipped.

    `add` then answers True (nothing was there), so allauth's lock and its check that a code
    is new let a sign-in through, as the module's docstring says."""

    def _or_miss(self, miss: Any, call: Callable[..., Any], *args: Any) -> Any:
        try:
            answer = call(*args)
        except RedisError as error:
            if not _Outage.down:
                _Outage.down = True
                # Never the key: some name a person (allauth's name an address or a user).
                logger.warning(
                    "The cache did not answer (%s): nothing is kept until it does",
                    type(error).__name__,
                )
            return miss
        if _Outage.down:
            _Outage.down = False
            logger.info("The cache answers again")
        return answer

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or_miss(True, super().add, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._or_miss(default, super().get, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or_miss(None, super().set, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or_miss(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._or_miss(False, super().delete, key, version)

    def get_many(self, keys, version=None):
        return self._or_miss({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._or_miss(False, super().has_key, key, version)

    def incr(self, key, delta=1, version=None):
        answer = self._or_miss(None, super().incr, key, delta, version)
        if answer is None:  # as for a key that is not there
            raise ValueError("The cache did not answer")
        return answer

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or_miss(list(data), super().set_many, data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._or_miss(None, super().delete_many, keys, version)

    def clear(self):
        return self._or_miss(False, super().clear)


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
