"""The local offer's figure on the managers' dashboard: items past their review date."""

from __future__ import annotations

from django.urls import reverse

from common.figures import Figure, Scope, counts, register_figures
from offer.selectors import stale_by_month


def offer_figures(scope: Scope) -> list[Figure]:
    return [
        Figure(
            slug="offer-stale",
            title="Local offer items past their review date",
            what="Items whose owner should have checked them by then.",
            points=counts(scope.days, stale_by_month(scope.authority, scope.days)),
            is_share=False,
            target=0,
            is_lower_better=True,
            list_url=reverse("offer:manage"),
        )
    ]


register_figures(offer_figures, order=100)
