"""The public offer pages, kept whole for visitors who are not signed in.

Most people reading the local offer are not signed in, and every one of them sees the same
page, so it is made once and kept. A page is used only for a visitor with no session and
no messages (anything personal to a visitor would come from those), and only while:

- nothing in the offer has changed: every save or delete of an item, a version, a sign-off,
  a category, a scheme or a council moves the offer's *generation* (in the shared cache) on,
  and a page made under an older generation is not used. A change to a manager's name on
  the sign-off shows when the page is next made (within OFFER_CACHE_SECONDS);
- it is the same day (dates on the page say "review by" and "checked on");
- it is younger than OFFER_CACHE_SECONDS.

Pages are kept in each web process's own memory, at most PAGES of them, the least recently
used going first: however many different searches anyone asks for, the memory they take
is bounded, and nothing goes into the Redis that Celery's queues share. Only the
parameters the pages read (`q`, `page`) make a page different. The checker's answers are
never kept: they are POSTed, and the page promises not to keep them.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import urlencode

GENERATION_KEY = "offer:generation"
PAGES = 200  # about 40 KB each: 8 MB a process at most
PARAMETERS = ("q", "page")


class _Pages:
    """The kept pages of this process: key -> (generation, made at, body, content type)."""

    def __init__(self, most: int):
        self.most = most
        self.pages: OrderedDict = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            page = self.pages.get(key)
            if page is not None:
                self.pages.move_to_end(key)
            return page

    def put(self, key, page) -> None:
        with self.lock:
            self.pages[key] = page
            self.pages.move_to_end(key)
            while len(self.pages) > self.most:
                self.pages.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.pages.clear()


kept = _Pages(PAGES)


def _next_generation() -> None:
    cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def changed(**_) -> None:
    """The offer changed: no page made before now is used again.

    Moved on at once and again on commit: a page made in between, from what was there
    before the commit, would otherwise be kept under the new generation."""
    _next_generation()
    transaction.on_commit(_next_generation)


def _key(request) -> tuple | None:
    if request.method != "GET":
        return None
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return None
    asked = [(name, request.GET[name][:200]) for name in PARAMETERS if name in request.GET]
    return (settings.OFFER_AUTHORITY, request.path, urlencode(asked), timezone.localdate())


def public_page(view):
    """Serve the view's page from this process's kept pages when it can be shared."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        key = _key(request)
        if key is None:
            return view(request, *args, **kwargs)
        generation = cache.get(GENERATION_KEY)
        if generation is None:  # the first page since the cache was emptied
            cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
            generation = cache.get(GENERATION_KEY)
        page = kept.get(key)
        if (
            page is not None
            and page[0] == generation
            and time.monotonic() - page[1] < settings.OFFER_CACHE_SECONDS
        ):
            return HttpResponse(page[2], content_type=page[3])
        response = view(request, *args, **kwargs)
        shareable = (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            # A page with a CSRF token is one visitor's own.
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        )
        # The generation was read before the page was made, so a change while it was
        # made retires it.
        if shareable:
            kept.put(
                key, (generation, time.monotonic(), response.content, response["Content-Type"])
            )
        return response

    return wrapper
