"""The public offer pages, kept whole for visitors who are not signed in.

Most people reading the local offer are not signed in, and every one of them sees the same
page, so it is made once and kept. A page is used only for a visitor with no session and
no messages (anything personal to a visitor would come from those), and only while:

- nothing in the offer has changed: every save or delete of an item, a version, a sign-off,
  a category, a scheme or a council moves the offer's *generation* (in the shared cache) on,
  and a page made under an older generation is not used. Each process reads the
  generation at most once a second (RECHECK_SECONDS), so a change made in another
  process shows there within a second. A change to a manager's name on
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
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import urlencode

from portal import freshness

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


OFFER = freshness.Generation(GENERATION_KEY)
# The generation as this process last read it from Redis, and when (time.monotonic()).
RECHECK_SECONDS = 1.0
_last_read: list = [None, 0.0]


def _forget_read() -> None:
    _last_read[0] = None


def changed(**_) -> None:
    """The offer changed: no page made before now is used again (within RECHECK_SECONDS;
    in this process, at once unless a page read the generation before the commit)."""
    _forget_read()
    OFFER.changed()
    transaction.on_commit(_forget_read)


_request = threading.local()


def generation() -> int:
    """The offer's generation now: it moves on whenever anything in the offer changes.

    Read once for a whole public page (see `public_page`), so its parts agree."""
    read = getattr(_request, "generation", None)
    if read is not None:
        return read
    # Redis is asked at most once every RECHECK_SECONDS: a round trip is a tenth of a
    # public page's time.
    value, at = _last_read
    now = time.monotonic()
    if value is None or now - at >= RECHECK_SECONDS:
        value = freshness.current(OFFER)[0]
        _last_read[:] = [value, now]
    return value


_stores: list[dict] = []


def per_generation(reader):
    """Keep what `reader` returns in this process until the offer changes.

    For reads of the public offer that every visitor shares (the council, its published
    items, the latest sign-off): the same rules as the kept pages, so a change is seen at
    once and a kept answer is never older than OFFER_CACHE_SECONDS. Arguments must be
    few and hashable (a council); there is one kept answer for each.
    """
    answers: dict = {}
    lock = threading.Lock()
    _stores.append(answers)

    @wraps(reader)
    def wrapper(*args):
        current = generation()
        key = (settings.OFFER_AUTHORITY, args)
        with lock:
            answer = answers.get(key)
        if (
            answer is not None
            and answer[0] == current
            and time.monotonic() - answer[1] < settings.OFFER_CACHE_SECONDS
        ):
            return answer[2]
        value = reader(*args)
        # The generation was read first, so a change while reading retires the answer.
        with lock:
            answers[key] = (current, time.monotonic(), value)
        return value

    return wrapper


def forget() -> None:
    """Drop everything this process keeps (the tests start each one empty)."""
    _forget_read()
    kept.clear()
    for answers in _stores:
        answers.clear()


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
        _request.generation = generation()
        try:
            return _page(request, *args, **kwargs)
        finally:
            _request.generation = None

    def _page(request, *args, **kwargs):
        key = _key(request)
        if key is None:
            return view(request, *args, **kwargs)
        current = generation()
        page = kept.get(key)
        if (
            page is not None
            and page[0] == current
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
            kept.put(key, (current, time.monotonic(), response.content, response["Content-Type"]))
        return response

    return wrapper
