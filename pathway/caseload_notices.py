"""What apps above pathway add to the top of a PA's caseload, registered from their
AppConfig.ready() (partners: transition referrals that are late), so pathway never
imports them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from people.models import User


@dataclass(frozen=True)
class NoticeLine:
    url: str
    link_text: str
    rest: str


@dataclass(frozen=True)
class Notice:
    heading: str
    lines: list[NoticeLine]
    footnote: str = ""


_notices: dict[str, Callable[[User, dt.date], Notice | None]] = {}


def register_caseload_notice(name: str, notice: Callable[[User, dt.date], Notice | None]) -> None:
    _notices[name] = notice


def caseload_notices(user: User, today: dt.date) -> list[Notice]:
    found = (notice(user, today) for _, notice in sorted(_notices.items()))
    return [notice for notice in found if notice is not None and notice.lines]
