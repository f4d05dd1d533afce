"""Who may do what with referrals and sessions."""

from __future__ import annotations

import rules

from people.models import Role
from people.permissions import is_care_leaver, is_manager, is_pa, works_with


@rules.predicate
def is_partner(user) -> bool:
    return user.is_authenticated and user.role == Role.PARTNER


# The young person's PA and that PA's manager refer them and book them on sessions.
rules.add_perm("partners.refer", works_with)
rules.add_perm("partners.view_referrals", works_with)
# Transitions to adult services due or late: PAs for their caseload, managers their teams.
rules.add_perm("partners.view_transitions", is_pa | is_manager)
# A care leaver reads their own referrals.
rules.add_perm("partners.view_own_referrals", is_care_leaver)
# A partner worker answers the referrals sent to their own service (the selector scopes them).
rules.add_perm("partners.answer_referrals", is_partner)
