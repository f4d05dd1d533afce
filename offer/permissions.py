"""Who may do what with the local offer. Reading the published offer needs no sign-in."""

from __future__ import annotations

import rules

from people.models import Role
from people.permissions import is_manager, is_regional_lead


@rules.predicate
def is_offer_editor(user) -> bool:
    return user.is_authenticated and user.role == Role.OFFER_EDITOR


rules.add_perm("offer.manage_offer", is_offer_editor | is_manager | is_regional_lead)
# Which items: a council's by its managers, a regional one by its lead (services.may_approve).
rules.add_perm("offer.approve_offer", is_manager | is_regional_lead)
rules.add_perm("offer.sign_off_offer", is_manager)
