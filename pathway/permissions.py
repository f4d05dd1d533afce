"""Who may do what with plans and the record around them."""

from __future__ import annotations

import rules

from people.permissions import is_care_leaver, is_manager, is_service_manager, works_with

# The young person's PA and the manager of that PA's team read and write the plan,
# contacts, histories, health passport and documents.
rules.add_perm("pathway.view_plan", works_with)
rules.add_perm("pathway.change_plan", works_with)


@rules.predicate
def manages_current_pa(user, young_person) -> bool:
    """The young person's current PA is in a team this user manages."""
    current = young_person.allocations.filter(ended_on__isnull=True).select_related("pa").first()
    return (
        current is not None
        and current.pa.team_id is not None
        and user.managed_teams.filter(pk=current.pa.team_id).exists()
    )


# Only the manager of the young person's PA signs a review off. (Any manager of the
# council may see a young person without a PA, to allocate one, but not sign for them.)
rules.add_perm("pathway.sign_review", is_manager & manages_current_pa)
rules.add_perm("pathway.view_reviews_to_sign", is_manager)
# A care leaver reads their own plan and adds their views to it.
rules.add_perm("pathway.view_own_plan", is_care_leaver)
# The statutory returns cover the whole council, so they are for its service managers.

rules.add_perm("pathway.make_returns", is_manager & is_service_manager)
# A care leaver reads their own health passport and documents, and adds documents.
rules.add_perm("pathway.view_own_health", is_care_leaver)
rules.add_perm("pathway.add_own_document", is_care_leaver)
