"""Partners' figures on the managers' dashboard: referrals answered in time, transitions to
adult services on time, and sessions attended."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from common.figures import Figure, Scope, counts, during, kept_by_month, register_figures, shares
from partners import selectors
from partners.models import TRANSITION_DUE_AFTER, Booking, Referral
from people.models import YoungPerson

MONTH_END_SLACK = dt.timedelta(days=4)


def _in_teams(scope: Scope) -> Q:
    """Young people of the council whose current PA is in one of the scope's teams."""
    return Q(
        authority=scope.authority,
        allocations__ended_on__isnull=True,
        allocations__pa__team_id__in=scope.team_ids,
    )


def _month_of(day, months):
    return next((last for first, last in months if first <= day <= last), None)


def _answered_in_time(scope: Scope, months) -> list[tuple[int, int]]:
    """(answered in time, answered) for each of `months`."""
    answered = Referral.objects.filter(
        during("answered_at", months[0][0], months[-1][1]),
        young_person__in=YoungPerson.objects.filter(_in_teams(scope)),
    ).select_related("service")
    tally = {last: [0, 0] for _, last in months}
    for referral in answered:
        month = _month_of(timezone.localdate(referral.answered_at), months)
        if month is not None:
            tally[month][1] += 1
            tally[month][0] += bool(referral.was_answered_in_time)
    return [tuple(tally[last]) for _, last in months]


def _transitions_on_time(scope: Scope, months) -> list[tuple[int, int]]:
    """(referred by the day, due) for each of `months`."""
    tally = {last: [0, 0] for _, last in months}
    # Only those whose transition could fall due in these months (a few days either side,
    # as months are uneven): the others count nowhere.
    people = YoungPerson.objects.filter(
        _in_teams(scope),
        date_of_birth__gte=months[0][0] - TRANSITION_DUE_AFTER - MONTH_END_SLACK,
        date_of_birth__lte=months[-1][1] - TRANSITION_DUE_AFTER + MONTH_END_SLACK,
    )
    for due in selectors.transitions_for(people):
        month = _month_of(due.due_on, months)
        if month is not None and due.due_on <= scope.as_at:
            tally[month][1] += 1
            tally[month][0] += due.sent_on_time
    return [tuple(tally[last]) for _, last in months]


def _sessions_attended(scope: Scope, months) -> list[int]:
    tally = {last: 0 for _, last in months}
    for starts_at in Booking.objects.filter(
        during("session__starts_at", months[0][0], months[-1][1]),
        attended=True,
        session__service__organization__authority=scope.authority,
    ).values_list("session__starts_at", flat=True):
        month = _month_of(timezone.localdate(starts_at), months)
        if month is not None:
            tally[month] += 1
    return [tally[last] for _, last in months]


def partners_figures(scope: Scope) -> list[Figure]:
    """Kept by month, as the other figures: each month's counts change only when something
    is recorded late, and then show the next morning."""
    answered = kept_by_month(
        "partners:answered", scope, lambda months: _answered_in_time(scope, months)
    )
    transitions = kept_by_month(
        "partners:transitions", scope, lambda months: _transitions_on_time(scope, months)
    )
    sessions = kept_by_month(
        f"partners:sessions:{scope.authority.pk}",
        scope,
        lambda months: _sessions_attended(scope, months),
        [],
    )
    return [
        Figure(
            slug="referrals-answered",
            title="Referrals answered in time",
            what="Of referrals a service accepted or declined in each month, the share it "
            "answered within its expected days.",
            points=shares(scope.days, answered),
            target=90,
            list_url=reverse("partners:transitions"),
        ),
        Figure(
            slug="transitions-on-time",
            title="Transitions to adult services on time",
            what="Of young people due a transition referral (CAMHS, EHC plan, ADHD) by 17 "
            "and a half in each month, the share referred by then.",
            points=shares(scope.days, transitions),
            target=100,
            list_url=reverse("partners:transitions"),
        ),
        Figure(
            slug="sessions-attended",
            title="Places taken up at sessions",
            what="Young people who came to a workshop or drop-in, in each month.",
            points=counts(scope.days, sessions),
            is_share=False,
        ),
    ]


register_figures(partners_figures, order=95)
