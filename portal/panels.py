"""Sections other apps add to a care leaver's home page (`/my/`).

The apps register here from their AppConfig.ready(), so `portal` never imports them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from portal.models import YoungPerson


@dataclass(frozen=True)
class MyPanel:
    template: str
    context: Callable[[YoungPerson, dt.date], dict]
    order: int


_panels: dict[str, MyPanel] = {}


def register_my_panel(
    *, template: str, context: Callable[[YoungPerson, dt.date], dict], order: int = 100
) -> None:
    _panels[template] = MyPanel(template=template, context=context, order=order)


def render_my_panels(request, person: YoungPerson, today: dt.date) -> list[SafeString]:
    panels = sorted(_panels.values(), key=lambda panel: panel.order)
    return [
        render_to_string(panel.template, panel.context(person, today), request=request)
        for panel in panels
    ]
