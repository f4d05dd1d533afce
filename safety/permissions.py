"""Who may do what with safety records."""

from __future__ import annotations

import rules

from pathway.permissions import manages_current_pa
from people.permissions import is_care_leaver, is_manager, is_pa, works_with
from people.selectors import current_allocation


@rules.predicate
def asked_for_want_of_a_team_manager(user, young_person) -> bool:
    """A service manager of their council, when no team manager can agree: the young person
    has no PA, or their PA's team has no manager (safety.services asks them then)."""
    if young_person is None or not (user.is_manager and user.sees_all_teams):
        return False
    if user.authority_id != young_person.authority_id:
        return False
    current = current_allocation(young_person)
    return not (current and current.pa.team_id and current.pa.team.manager_id)


# The young person's PA and the manager of that PA's team read and write safety records.
rules.add_perm("safety.view_safety", works_with)
rules.add_perm("safety.change_safety", works_with)
# A high level comes into force only with the agreement of the manager of their PA's team,
# or of a service manager when there is no such manager to ask.
rules.add_perm(
    "safety.agree_risk", is_manager & (manages_current_pa | asked_for_want_of_a_team_manager)
)
# A care leaver reads what of their own safety plan is shared with them.
rules.add_perm("safety.view_own_safety", is_care_leaver)
# Staying Close assessments due and late: a PA's own young people, a manager's teams'.
rules.add_perm("safety.view_staying_close", is_pa | is_manager)
# Accommodation sufficiency, for commissioning: managers, for their teams.
rules.add_perm("safety.view_sufficiency", is_manager)
