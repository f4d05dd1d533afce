"""The public offer pages, kept in Redis for visitors who are not signed in.

Most people reading the local offer are not signed in, and every one of them sees the same
page, so it is made once and kept in the shared cache. A page is kept only for a visitor
with no session and no messages (anything personal to a visitor would come from those).
Only the parameters the pages read (`q`, `page`) make a page different, a kept page lasts
at most OFFER_CACHE_SECONDS and never past the day it was made (pages show dates), and at
most MOST_PAGES are kept in that time, so made-up searches cannot fill the Redis that
Celery's queues use.

The offer's own services call `clear()` when they change what the public sees (publishing,
"still correct", signing off; the admin, for topics), and so does any saved or deleted
council, region or money scheme (offer/signals.py), which the pages show too. Pages are kept
under a generation number, and clearing moves it on, so every earlier page is gone at once
in every process.
Visitors' browsers get an ETag and a short max-age, so a repeat visit is answered with 304.

If Redis does not answer, the page is made as if nothing were kept.
"""

from __future__ import annotations

import hashlib
import logging
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import urlencode
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

GENERATION_KEY = "offer:generation"
PARAMETERS = ("q", "page")
BROWSER_SECONDS = 60
# Pages kept at most in each OFFER_CACHE_SECONDS window (about 40 KB each, so about 20 MB a
# window, and pages outlive their window by at most one more), however many made-up
# searches anyone sends: the Redis they go in is Celery's broker too. Searches beyond it
# are made afresh, not refused.
MOST_PAGES = 500


def _move_on() -> None:
    # If Redis does not answer, the cache skips this (common.cache): the change is saved,
    # and pages kept before it last at most OFFER_CACHE_SECONDS.
    cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def clear() -> None:
    """What the public sees changed: no page kept before now is served again.

    At once and again on commit, so a page made in between from the old rows is not kept
    under the new generation."""
    _move_on()
    transaction.on_commit(_move_on, robust=True)


def _generation() -> int | None:
    """The generation pages are kept under; None when Redis does not answer."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def _shared(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def _key(request, generation: int, council: str | None) -> str:
    """The page's key names its council three ways: in the address (/<council>/offer/), by
    the host it was asked on (a council's own host name), or OFFER_AUTHORITY."""
    asked = [(name, request.GET[name][:200]) for name in PARAMETERS if name in request.GET]
    where = (council, request.get_host().lower(), settings.OFFER_AUTHORITY)
    name = repr((where, request.path, urlencode(asked), timezone.localdate()))
    return f"offer:page:{generation}:{hashlib.sha256(name.encode()).hexdigest()}"


def _room(generation: int) -> bool:
    """Whether another page may be kept: one more under this generation's count, which
    starts again every OFFER_CACHE_SECONDS (made and counted in one Redis transaction)."""
    name = cache.make_and_validate_key(f"offer:pages:{generation}")
    with cache._cache.get_client(name, write=True).pipeline() as pipe:
        pipe.set(name, 0, ex=settings.OFFER_CACHE_SECONDS, nx=True)
        pipe.incr(name)
        _, count = pipe.execute()
    return count <= MOST_PAGES


def _for_visitor(request, response):
    """Headers for a page every visitor shares; 304 when their browser has it already."""
    patch_cache_control(response, public=True, max_age=BROWSER_SECONDS)
    patch_vary_headers(response, ["Cookie"])
    return get_conditional_response(request, etag=response["ETag"], response=response)


def public_page(view):
    """Serve the view's page from the shared cache when every visitor would see the same."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _shared(request):
            return view(request, *args, **kwargs)
        generation = _generation()
        if generation is None:  # Redis is away: the page is made afresh, and not kept
            return view(request, *args, **kwargs)
        key = _key(request, generation, kwargs.get("council"))
        kept = cache.get(key)
        if kept is not None:
            etag, content, content_type = kept
            response = HttpResponse(content, content_type=content_type)
            response["ETag"] = etag
            return _for_visitor(request, response)
        response = view(request, *args, **kwargs)
        shareable = (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            # A page with a CSRF token is one visitor's own.
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        )
        if not shareable:
            return response
        etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        response["ETag"] = etag
        try:
            if _room(generation):
                kept = (etag, response.content, response["Content-Type"])
                cache.set(key, kept, timeout=settings.OFFER_CACHE_SECONDS)
        except RedisError:
            logger.warning("Public offer page not kept: Redis did not answer")
        return _for_visitor(request, response)

    return wrapper
