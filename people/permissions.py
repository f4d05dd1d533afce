"""Who may do what, as rules predicates. Lists are scoped in selectors to match."""

from __future__ import annotations

import rules

from people.models import LEAD_ROLES, Role, YoungPerson
from people.selectors import current_allocation


@rules.predicate
def is_care_leaver(user) -> bool:
    return user.is_authenticated and user.role == Role.CARE_LEAVER


@rules.predicate
def is_pa(user) -> bool:
    return user.is_authenticated and user.role == Role.PA


@rules.predicate
def is_manager(user) -> bool:
    return user.is_authenticated and user.role == Role.MANAGER


@rules.predicate
def is_service_manager(user) -> bool:
    """A manager of the whole council's service, not of one team."""
    return user.is_authenticated and user.sees_all_teams


@rules.predicate
def is_regional_lead(user) -> bool:
    """The lead of a region of councils (Region.lead): approves its shared offer items and
    reads its councils' figures side by side."""
    return (
        user.is_authenticated
        and user.role in LEAD_ROLES
        and user.led_regions.filter(councils=user.authority_id).exists()
    )


@rules.predicate
def leads_region(user, region) -> bool:
    return user.is_authenticated and region is not None and region.lead_id == user.pk


@rules.predicate
def is_admin(user) -> bool:
    return user.is_authenticated and user.role == Role.ADMIN


@rules.predicate
def is_own_record(user, young_person: YoungPerson) -> bool:
    return young_person.user_id is not None and young_person.user_id == user.pk


def _once_per_record(predicate):
    """A predicate answered once for each user on a record as loaded: a page asks several
    permissions of one young person (view, change, invite...), and each asked the database.
    A new instance is asked again; `refresh_from_db()` keeps the answers, so code that
    changes an allocation and then asks again must load the record anew."""

    def answer(user, young_person: YoungPerson) -> bool:
        answers = young_person.__dict__.setdefault("_permission_answers", {})
        key = (predicate.__name__, user.pk)
        if key not in answers:
            answers[key] = predicate(user, young_person)
        return answers[key]

    answer.__name__ = predicate.__name__
    answer.__doc__ = predicate.__doc__
    return rules.predicate(answer)


def _current_allocation(young_person: YoungPerson):
    """The running allocation, from the prefetched allocations when the page has them."""
    if "allocations" in getattr(young_person, "_prefetched_objects_cache", {}):
        return current_allocation(young_person)
    return young_person.allocations.filter(ended_on__isnull=True).select_related("pa").first()


@_once_per_record
def is_allocated_pa(user, young_person: YoungPerson) -> bool:
    current = _current_allocation(young_person)
    return current is not None and current.pa_id == user.pk


@_once_per_record
def manages_young_person(user, young_person: YoungPerson) -> bool:
    """A manager sees young people allocated in their teams, and the unallocated ones to place."""
    if young_person.authority_id != user.authority_id:
        return False
    current = _current_allocation(young_person)
    if current is None:
        return True
    return (
        current.pa.team_id is not None and user.managed_teams.filter(pk=current.pa.team_id).exists()
    )


rules.add_perm("portal.view_caseload", is_pa)
rules.add_perm("portal.view_team", is_manager)
rules.add_perm("portal.allocate", is_manager)
# The people who work with a young person: their PA, and the manager of that PA's team.
works_with = (is_pa & is_allocated_pa) | (is_manager & manages_young_person)
rules.add_perm("portal.view_young_person", works_with)
rules.add_perm("portal.change_young_person", works_with)
rules.add_perm("portal.invite_young_person", works_with)
rules.add_perm("portal.add_young_person", is_manager)
rules.add_perm("portal.view_own_record", is_care_leaver)
# The dashboard and its lists: managers, for their teams (a service manager for all).
rules.add_perm("portal.view_dashboard", is_manager)
rules.add_perm("portal.lead_region", is_regional_lead & leads_region)
# A copy of everything held about a young person (a subject access request often comes by
# letter): the people who work with them make it; a care leaver downloads their own.
rules.add_perm("portal.make_subject_access_pack", works_with)
