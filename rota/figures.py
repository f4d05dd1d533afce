"""The rota's figure on the managers' dashboard: duty shifts nobody was on."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from common.figures import Figure, Scope, counts, register_figures
from rota.selectors import unfilled_between, unfilled_by_month


def _unfilled_soon(authority, as_at: dt.date) -> str:
    soon = unfilled_between(authority.pk, as_at, as_at + dt.timedelta(days=27)).count()
    return f"{soon} shift{'s' if soon != 1 else ''} with nobody on them in the next four weeks."


def rota_figures(scope: Scope) -> list[Figure]:
    return [
        Figure(
            slug="unfilled-shifts",
            title="Duty shifts with nobody on them",
            what="Shifts in each month that no PA was on.",
            points=counts(scope.days, unfilled_by_month(scope.authority.pk, scope.months)),
            is_share=False,
            target=0,
            is_lower_better=True,
            list_url=reverse("rota:coverage"),
            now=_unfilled_soon(scope.authority, scope.as_at),
        )
    ]


register_figures(rota_figures, order=90)
