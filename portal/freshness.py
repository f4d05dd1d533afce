"""Generations: numbers in the shared cache that move on whenever what they stand for changes.

Something worked out from many records and asked for again and again is kept, named with
the generation it was worked out under; once the generation moves on, it is never used
again. The local offer's public pages have one generation (`offer.cache`). A council's
records have another: the dashboard's figures and the statutory return files are kept
until anything in the council changes (`kept`).

The council's records move on with every save or delete of a record in the service's own
apps (post_save and post_delete; notifications and the record of each return downloaded
do not count). A change made by a signed-in member of staff moves on their council's
generation only; a change made anywhere else (a Celery task, a command, an administrator
with no council) moves on every council's. Writes that skip Django's signals (a queryset's
`update()`, `bulk_create`) do not move it on, so a kept result is used for at most
KEPT_SECONDS: those show within that time.
"""

from __future__ import annotations

import time
from contextvars import ContextVar

from django.core.cache import caches
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction

KEPT_SECONDS = 10 * 60
RECORD_APPS = frozenset({"portal", "pathway", "finance", "rota", "handovers", "offer"})
# Written by reading: reminders (the nightly sweep) and the record of each return downloaded.
NOT_RECORDS = frozenset({"portal.notification", "pathway.returndownload"})


class Generation:
    def __init__(self, key: str):
        self.key = key

    def move_on(self) -> None:
        caches["default"].set(self.key, time.time_ns(), timeout=None)

    def changed(self, **_) -> None:
        """What it stands for changed: nothing worked out before now is used again.

        Moved on at once and again on commit: a result worked out in between, from what
        was there before the commit, would otherwise be kept under the new generation."""
        self.move_on()
        transaction.on_commit(self.move_on)


def current(*generations: Generation) -> tuple[int, ...]:
    """Each generation now, in one round trip (two the first time after the cache empties)."""
    cache = caches["default"]
    keys = [generation.key for generation in generations]
    found = cache.get_many(keys)
    missing = [key for key in keys if key not in found]
    if missing:
        for key in missing:
            cache.add(key, time.time_ns(), timeout=None)
        found = cache.get_many(keys)
    return tuple(found[key] for key in keys)


EVERY_COUNCIL = Generation("records:generation:all")


def records(authority_id: int | None) -> Generation:
    """The generation of one council's records (of every council's, for None)."""
    if authority_id is None:
        return EVERY_COUNCIL
    return Generation(f"records:generation:{authority_id}")


def person_records(young_person_id: int) -> Generation:
    """The generation of one young person's records: their plan, contacts, money, and so on."""
    return Generation(f"records:person:{young_person_id}")


def kept(name: str, work, *generations: Generation, using: str = "default"):
    """What `work()` gives, kept in the cache `using` until any of `generations` moves on.

    `name` says what it is, whose, and everything it depends on besides the records (the
    day, the teams, the year). The generations are read before the work, so a change made
    while it is being worked out retires it. None is never kept."""
    key = f"kept:{name}:" + ":".join(str(number) for number in current(*generations))
    store = caches[using]
    value = store.get(key)
    if value is None:
        value = work()
        if value is not None:
            store.set(key, value, timeout=KEPT_SECONDS)
    return value


def council_kept(name: str, authority_id: int, work, *, using: str = "default"):
    """What `work()` gives, kept until anything in the council changes."""
    return kept(f"{authority_id}:{name}", work, EVERY_COUNCIL, records(authority_id), using=using)


def person_kept(name: str, young_person_id: int, work):
    """What `work()` gives, kept in this process until the young person's records change.

    Only ever in the web process's own memory ("local"): it holds what their record says."""
    return kept(
        f"person:{young_person_id}:{name}", work, person_records(young_person_id), using="local"
    )


# The request being answered, so that a change knows whose council it is in.
_request: ContextVar = ContextVar("freshness_request", default=None)


class WriterMiddleware:
    """Remembers the request while it is answered (its user is read only on a change)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)


# What a record hangs from, on the way to the young person it is about.
PARENTS = ("plan", "section", "award")


def _person_of(instance) -> int | None:
    if instance._meta.label_lower == "portal.youngperson":
        return instance.pk
    if getattr(instance, "young_person_id", None) is not None:
        return instance.young_person_id
    for parent in PARENTS:
        if getattr(instance, f"{parent}_id", None) is not None:
            try:
                return _person_of(getattr(instance, parent))
            except ObjectDoesNotExist:  # deleted with it: its own delete moves the person on
                return None
    return None


def record_changed(sender, instance, **_) -> None:
    """post_save and post_delete, for every model: move on the writer's council, and the
    young person the record is about."""
    meta = sender._meta
    if meta.app_label not in RECORD_APPS or meta.label_lower in NOT_RECORDS:
        return
    request = _request.get()
    user = getattr(request, "user", None)
    authority_id = user.authority_id if user is not None and user.is_authenticated else None
    records(authority_id).changed()
    young_person_id = _person_of(instance)
    if young_person_id is not None:
        person_records(young_person_id).changed()
