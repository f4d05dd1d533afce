"""People's figure on the managers' dashboard: PAs holding more than their team's limit."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, F

from common.figures import Figure, Scope, counts, each, kept_by_day, register_figures
from people.models import Role, User
from people.selectors import running_on


def over_limit(team_ids, day: dt.date) -> int:
    """How many PAs held more young people than their team's limit on `day` (one query)."""
    running = running_on(day, "allocations__")
    return (
        User.objects.filter(role=Role.PA, team__in=team_ids)
        .annotate(caseload=Count("allocations", filter=running))
        .filter(caseload__gt=F("team__caseload_limit"))
        .count()
    )


def people_figures(scope: Scope) -> list[Figure]:
    work = each(lambda day: over_limit(scope.team_ids, day))
    return [
        Figure(
            slug="over-limit",
            title="PAs over their team's caseload limit",
            what="PAs holding more young people than their team's limit at the end of the month.",
            points=counts(scope.days, kept_by_day("over-limit", scope.team_ids, scope.days, work)),
            is_share=False,
            target=0,
            is_lower_better=True,
            list_url=scope.list_url("over-limit"),
        )
    ]


register_figures(people_figures, order=60)
