"""The public offer pages, kept whole in the cache for visitors who are not signed in.

Most people reading the local offer are not signed in, and every one of them sees the same
page, so it is made once and kept. A page is used only for a visitor with no session and
no messages (anything personal to a visitor would come from those), and only while:

- nothing in the offer has changed: every save or delete of an item, a version, a sign-off,
  a category, a scheme or a council moves the offer's *generation* on, and a page made
  under an older generation is not used;
- it is the same day (dates on the page say "review by" and "checked on");
- it is younger than OFFER_CACHE_SECONDS.

The checker's answers come in a POST. Its answer is kept only when the visitor gave an age
(never a date of birth, which the page promises not to keep), under a key made from the
answers, so nothing said there is in a URL or a log.
"""

from __future__ import annotations

import hashlib
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone

GENERATION_KEY = "offer:generation"


def _next_generation() -> None:
    cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def changed(**_) -> None:
    """The offer changed: no page made before now is used again.

    Moved on at once and again on commit: a page made in between, from what was there
    before the commit, would otherwise be kept under the new generation."""
    _next_generation()
    transaction.on_commit(_next_generation)


def _answers(request) -> str | None:
    """The checker's answers as a key, or None when they should not be kept."""
    data = request.POST
    if any(data.get(f"date_of_birth_{part}", "").strip() for part in range(3)):
        return None
    fields = ("age", "status")
    return "|".join(
        [*(data.get(name, "").strip() for name in fields), *sorted(data.getlist("circumstances"))]
    )


def _key(request) -> str | None:
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return None
    if request.method == "GET":
        what = request.get_full_path()
    elif request.method == "POST":
        answers = _answers(request)
        if answers is None:
            return None
        what = f"{request.path}?answers={answers}"
    else:
        return None
    digest = hashlib.sha256(f"{settings.OFFER_AUTHORITY}|{what}".encode()).hexdigest()
    return f"offer:page:{timezone.localdate():%Y%m%d}:{digest}"


def public_page(view):
    """Serve the view's page from the cache when it can be shared (see the module)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        key = _key(request)
        if key is None:
            return view(request, *args, **kwargs)
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY)
        kept = found.get(key)
        if kept is not None and kept[0] == generation:
            return HttpResponse(kept[1], content_type=kept[2])
        if generation is None:  # the first page since the cache was emptied
            cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
            generation = cache.get(GENERATION_KEY)
        response = view(request, *args, **kwargs)
        shareable = (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            # A page with a CSRF token is one visitor's own.
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        )
        # Taken before the page was made, so a change while it was made retires it.
        if shareable and generation is not None:
            cache.set(
                key,
                (generation, response.content, response["Content-Type"]),
                timeout=settings.OFFER_CACHE_SECONDS,
            )
        return response

    return wrapper
