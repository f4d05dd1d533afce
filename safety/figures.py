"""Safety's figures on the managers' dashboard: homes, high risks, Staying Close, referrals."""

from __future__ import annotations

from django.urls import reverse

from common.figures import (
    Figure,
    Scope,
    counts,
    kept_by_day,
    kept_by_month,
    register_figures,
    shares,
)
from safety.selectors import high_risks_reviewed_on_time, referrals_in_time, staying_close_on_time
from safety.sufficiency import waiting_by_month

EVERY_ONE = 100


def safety_figures(scope: Scope) -> list[Figure]:
    team_ids, days = scope.team_ids, scope.days
    without = kept_by_month(
        "safety:without-home",
        scope,
        lambda months: [m.without_home for m in waiting_by_month(team_ids, months)],
    )
    high = kept_by_day(
        "safety:high-risk",
        team_ids,
        days,
        lambda missing: high_risks_reviewed_on_time(team_ids, missing),
    )
    close = kept_by_day(
        "safety:staying-close",
        team_ids,
        days,
        lambda missing: staying_close_on_time(team_ids, missing),
    )
    referred = kept_by_month(
        "safety:referred", scope, lambda months: referrals_in_time(team_ids, months)
    )
    sufficiency = reverse("safety:sufficiency")
    return [
        Figure(
            slug="without-home",
            title="Care leavers without a home",
            what="Young people who spent at least one night of the month with no fixed abode, "
            "as their home history records it.",
            points=counts(days, without),
            is_share=False,
            target=0,
            is_lower_better=True,
            list_url=sufficiency,
        ),
        Figure(
            slug="high-risk-reviewed",
            title="High risks reviewed on time",
            what="Young people whose risk assessment has a high level agreed, and whose review "
            "date had not passed.",
            points=shares(days, high),
            target=EVERY_ONE,
        ),
        Figure(
            slug="staying-close-on-time",
            title="Staying Close assessments done on time",
            what="Former relevant young people under 25 whose Staying Close assessment was "
            "done by the day it was due (at 18, or soon after joining) and is not past review.",
            points=shares(days, close),
            target=EVERY_ONE,
            list_url=reverse("safety:staying-close"),
        ),
        Figure(
            slug="referred-in-time",
            title="Homes at risk referred within 56 days",
            what="Homes at risk in the month with a referral to a housing authority made "
            "within the 56 days.",
            points=shares(days, referred),
            target=EVERY_ONE,
        ),
    ]


register_figures(safety_figures, order=60)
