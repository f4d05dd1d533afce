"""Good endings' figure on the managers' dashboard: handovers and endings open."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from common.figures import Figure, Scope, counts, register_figures
from handovers.selectors import in_teams, open_by_month


def _late_handovers(team_ids, as_at: dt.date) -> str:
    open_now = in_teams(team_ids).filter(closed_at__isnull=True).select_related("to_allocation")
    late = sum(1 for handover in open_now if handover.late_steps(as_at))
    return f"{late} open with a late step."


def handover_figures(scope: Scope) -> list[Figure]:
    return [
        Figure(
            slug="handovers",
            title="Handovers and endings open",
            what="Handovers between PAs and endings of support, open at the end of the month.",
            points=counts(scope.days, open_by_month(scope.team_ids, scope.days)),
            is_share=False,
            list_url=reverse("handovers:list"),
            now=_late_handovers(scope.team_ids, scope.as_at),
        )
    ]


register_figures(handover_figures, order=110)
