"""Money's figures on the managers' dashboard: paid to young people, and claims made."""

from __future__ import annotations

from django.urls import reverse

from common.figures import Figure, Scope, counts, kept_by_month, register_figures
from finance.selectors import claims_by_month, paid_by_month


def _claims_waiting(waiting: int) -> str:
    return f"{waiting} claim{'s' if waiting != 1 else ''} waiting for a decision now."


def finance_figures(scope: Scope) -> list[Figure]:
    authority, team_ids, days = scope.authority, scope.team_ids, scope.days
    paid = kept_by_month(
        f"paid:{authority.pk}", scope, lambda months: paid_by_month(authority.pk, months), []
    )
    counted = {}  # the claims waiting, counted with this month's claims (today is never kept)

    def made(months):
        by_month, counted["waiting"] = claims_by_month(team_ids, months)
        return by_month

    claims = kept_by_month("claims", scope, made)
    waiting = counted["waiting"] if counted else claims_by_month(team_ids, [])[1]
    return [
        Figure(
            slug="paid",
            title="Money paid to young people",
            what="Payments from every scheme in the council each month, less any reversed.",
            points=counts(days, paid),
            is_share=False,
            is_money=True,
            list_url=reverse("finance:payments"),
        ),
        Figure(
            slug="claims",
            title="Claims made",
            what="Claims for money made each month.",
            points=counts(days, claims),
            is_share=False,
            list_url=reverse("finance:claims-waiting"),
            now=_claims_waiting(waiting),
        ),
    ]


register_figures(finance_figures, order=70)
