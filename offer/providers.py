"""What apps above the offer add to its public pages, registered from their AppConfig.ready():
who provides an item (a service in the partners' directory) and the sessions coming up.

The offer never imports those apps; with nothing registered its pages show the item's own
words and no sessions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

# (item ids) -> {item id: provider}, where a provider has `name`, `phone`, `email`, `url`,
# `opening_times` (lines of words) and `places` (lines of words).
_provider_lookups: list[Callable[[Iterable[int]], dict]] = []
# (authority id) -> a list of sessions coming up, each with `title`, `when`, `where`,
# `for_whom`, `provider`.
_upcoming: list[Callable[[int], list]] = []


def register_provider_lookup(lookup: Callable[[Iterable[int]], dict]) -> None:
    _provider_lookups[:] = [lookup]


def register_upcoming_sessions(upcoming: Callable[[int], list]) -> None:
    _upcoming[:] = [upcoming]


def provider_for(version) -> dict:
    """Who provides this version's item: the directory's service where one is linked, else
    the words the version itself holds."""
    for lookup in _provider_lookups:
        found = lookup([version.item_id]).get(version.item_id)
        if found is not None:
            return found
    return {
        "name": version.provider_name,
        "phone": version.provider_phone,
        "email": version.provider_email,
        "url": version.provider_website,
        "opening_times": [],
        "places": [],
    }


def upcoming_sessions(authority_id: int) -> list:
    return [session for upcoming in _upcoming for session in upcoming(authority_id)]
