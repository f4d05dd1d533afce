"""Generations: numbers in the shared cache that move on whenever what they stand for changes.

Something worked out from many records and asked for again and again is kept, named with
the generation it was worked out under; once the generation moves on, it is never used
again. The local offer's public pages have one generation (`offer.cache`). A council's
records have another: the dashboard's figures and the statutory return files are kept
until anything in the council changes (`kept`).

The council's records move on with every save or delete of a record in the service's own
apps (post_save and post_delete; notifications and the record of each return downloaded
do not count). A change made by a signed-in member of staff moves on their council's
generation only; a change made anywhere else (a Celery task, a command, an administrator)
moves on every council's. Writes that skip Django's signals (a queryset's `update()`,
`bulk_create`) must say so (`people_changed`, or `records(...).changed()`); anything they
miss shows within KEPT_SECONDS, the longest anything is kept. So do a renamed scheme or a
member of staff's new name on a young person's pages (they are not the young person's
records).

Redis not answering never fails a save or a page: the number is not moved (what is kept
is then used for at most KEPT_SECONDS) and the page is worked out without keeping it.
"""

from __future__ import annotations

import logging
import time
from contextvars import ContextVar

from django.core.cache import caches
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

KEPT_SECONDS = 10 * 60
RECORD_APPS = frozenset({"portal", "pathway", "finance", "rota", "handovers", "offer"})
# Written by reading: reminders (the nightly sweep) and the record of each return downloaded.
NOT_RECORDS = frozenset({"portal.notification", "pathway.returndownload"})


class Generation:
    """`timeout`: seconds the number is kept after its last move (None: for ever). A number
    that has gone is made afresh, as if it had moved on, so it may go once nothing kept
    under it is used any more."""

    def __init__(self, key: str, timeout: int | None = None):
        self.key = key
        self.timeout = timeout

    def move_on(self) -> None:
        try:
            caches["default"].set(self.key, time.time_ns(), timeout=self.timeout)
        except RedisError:
            # A save must not fail because Redis did: what was kept under the old number
            # is used for at most KEPT_SECONDS.
            logger.warning("Could not move %s on: Redis did not answer", self.key)

    def changed(self, **_) -> None:
        """What it stands for changed: nothing worked out before now is used again.

        Moved on at once and again on commit: a result worked out in between, from what
        was there before the commit, would otherwise be kept under the new generation."""
        self.move_on()
        transaction.on_commit(self.move_on, robust=True)


def current(*generations: Generation) -> tuple[int, ...]:
    """Each generation now, in one round trip (two the first time after the cache empties).

    Raises RedisError when Redis does not answer."""
    cache = caches["default"]
    keys = [generation.key for generation in generations]
    found = cache.get_many(keys)
    missing = [generation for generation in generations if generation.key not in found]
    if missing:
        for generation in missing:
            cache.add(generation.key, time.time_ns(), timeout=generation.timeout)
        found = cache.get_many(keys)
    return tuple(found[key] for key in keys)


# Longer than anything is kept under them (KEPT_SECONDS).
RECORDS_TIMEOUT = 2 * 24 * 60 * 60
EVERY_COUNCIL = Generation("records:generation:all", RECORDS_TIMEOUT)


def records(authority_id: int | None) -> Generation:
    """The generation of one council's records (of every council's, for None)."""
    if authority_id is None:
        return EVERY_COUNCIL
    return Generation(f"records:generation:{authority_id}", RECORDS_TIMEOUT)


def person_records(young_person_id: int) -> Generation:
    """The generation of one young person's records: their plan, contacts, money, and so on."""
    return Generation(f"records:person:{young_person_id}", RECORDS_TIMEOUT)


def people_changed(young_person_ids) -> None:
    """For writes that send no signals (`update()`, `bulk_create`): these young people's
    records changed, and so did their councils' (every council's: the ids say no more)."""
    EVERY_COUNCIL.changed()
    for young_person_id in set(young_person_ids):
        person_records(young_person_id).changed()


def kept(name: str, work, *generations: Generation, using: str = "default"):
    """What `work()` gives, kept in the cache `using` until any of `generations` moves on.

    `name` says what it is, whose, and everything it depends on besides the records (the
    day, the teams, the year). The generations are read before the work, so a change made
    while it is being worked out retires it. None is never kept."""
    store = caches[using]
    try:
        numbers = current(*generations)
        key = f"kept:{name}:" + ":".join(str(number) for number in numbers)
        value = store.get(key)
    except RedisError:
        logger.warning("Could not read what is kept of %s: Redis did not answer", name)
        return work()
    if value is None:
        value = work()
        if value is not None:
            try:
                store.set(key, value, timeout=KEPT_SECONDS)
            except RedisError:
                logger.warning("Could not keep %s: Redis did not answer", name)
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


# Saves that only record a sign-in: no figure or page kept here shows them.
SIGNING_IN = frozenset({"last_login"})
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


def record_changed(sender, instance, update_fields=None, **_) -> None:
    """post_save and post_delete, for every model: move on the writer's council, and the
    young person the record is about."""
    meta = sender._meta
    if meta.app_label not in RECORD_APPS or meta.label_lower in NOT_RECORDS:
        return
    if update_fields is not None and set(update_fields) <= SIGNING_IN:
        return
    request = _request.get()
    user = getattr(request, "user", None)
    authority_id = None
    # An administrator may change any council's records: they move every council on.
    if user is not None and user.is_authenticated and not user.is_superuser:
        authority_id = user.authority_id
    records(authority_id).changed()
    young_person_id = _person_of(instance)
    if young_person_id is not None:
        person_records(young_person_id).changed()
