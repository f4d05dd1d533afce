"""Absolute links to the portal, for what is read away from it: emails, texts, calendars."""

from __future__ import annotations

from django.conf import settings


def site_url(path: str) -> str:
    """`path` at the portal's public address (`SITE_URL`), never the address a request came
    in on: behind a proxy, or on another port, that is not where a reader can follow it."""
    return settings.SITE_URL.rstrip("/") + path
