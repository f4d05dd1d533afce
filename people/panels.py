"""Sections other apps add to pages `people` owns: a care leaver's home page (`/my/`) and
a young person's profile for staff.

The apps register here from their AppConfig.ready(), so `people` never imports them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from people.models import User, YoungPerson

MY_HOME = "my"
PROFILE = "profile"


@dataclass(frozen=True)
class Panel:
    template: str
    # (young person, the person looking, today) -> template context
    context: Callable[[YoungPerson, User, dt.date], dict]
    order: int


_panels: dict[str, dict[str, Panel]] = {MY_HOME: {}, PROFILE: {}}


def register_panel(
    page: str,
    *,
    template: str,
    context: Callable[[YoungPerson, User, dt.date], dict],
    order: int = 100,
) -> None:
    _panels[page][template] = Panel(template=template, context=context, order=order)


def register_my_panel(
    *, template: str, context: Callable[[YoungPerson, dt.date], dict], order: int = 100
) -> None:
    """A section of the care leaver's home page; `context(person, today)`."""
    register_panel(
        MY_HOME,
        template=template,
        context=lambda person, user, today: context(person, today),
        order=order,
    )


def render_panels(page: str, request, person: YoungPerson, today: dt.date) -> list[SafeString]:
    panels = sorted(_panels[page].values(), key=lambda panel: panel.order)
    return [
        render_to_string(
            panel.template, panel.context(person, request.user, today), request=request
        )
        for panel in panels
    ]


def render_my_panels(request, person: YoungPerson, today: dt.date) -> list[SafeString]:
    return render_panels(MY_HOME, request, person, today)
