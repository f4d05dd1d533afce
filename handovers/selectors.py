"""Reads about handovers and endings, scoped to who is asking."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from handovers.models import Handover
from people.models import Team, User, YoungPerson


def handovers_visible_to(user: User) -> QuerySet[Handover]:
    """A PA sees the handovers they give or take; a manager those of their teams' PAs."""
    # Only while the young person is their council's (a move of council takes them away).
    handovers = Handover.objects.filter(
        young_person__authority_id=user.authority_id
    ).select_related("young_person", "from_pa", "to_allocation__pa", "summary_by")
    if user.is_manager:
        teams = user.managed_teams.values("pk")
        return handovers.filter(Q(from_pa__team__in=teams) | Q(to_allocation__pa__team__in=teams))
    if user.is_pa:
        return handovers.filter(Q(from_pa=user) | Q(to_allocation__pa=user))
    return handovers.none()


def open_handovers(user: User) -> QuerySet[Handover]:
    return handovers_visible_to(user).filter(closed_at__isnull=True).order_by("due_on", "pk")


def recently_closed(user: User, limit: int = 20) -> QuerySet[Handover]:
    return handovers_visible_to(user).filter(closed_at__isnull=False).order_by("-closed_at")[:limit]


def handover_for_user(user: User, pk: int) -> Handover:
    """The handover if this user may see it; 404 alike for missing and for someone else's."""
    handover = handovers_visible_to(user).filter(pk=pk).first()
    if handover is None:
        raise Http404
    return handover


def in_teams(team_ids) -> QuerySet[Handover]:
    return Handover.objects.filter(
        Q(from_pa__team__in=team_ids) | Q(to_allocation__pa__team__in=team_ids)
    ).distinct()


def open_by_month(team_ids, days: list) -> list[int]:
    """Handovers and endings open at the end of each day, in one query."""
    counts = Handover.objects.filter(pk__in=in_teams(team_ids).values("pk")).aggregate(
        **{
            f"m{index}": Count(
                "pk",
                filter=Q(started_at__date__lte=day)
                & (Q(closed_at__isnull=True) | Q(closed_at__date__gt=day)),
            )
            for index, day in enumerate(days)
        }
    )
    return [counts[f"m{index}"] for index in range(len(days))]


def teams_elsewhere(person: YoungPerson) -> QuerySet[Team]:
    """The teams of the portal's other councils, where the young person's support may move."""
    return (
        Team.objects.exclude(authority_id=person.authority_id)
        # Someone must be there to allocate a PA as the support arrives.
        .filter(manager__isnull=False, manager__is_active=True)
        .select_related("authority")
        .order_by("authority__name", "name")
    )
