"""Who may do what with the local offer. Reading the published offer needs no sign-in."""

from __future__ import annotations

import rules

from people.models import Role
from people.permissions import is_manager


@rules.predicate
def is_offer_editor(user) -> bool:
    return user.is_authenticated and user.role == Role.OFFER_EDITOR


rules.add_perm("offer.manage_offer", is_offer_editor | is_manager)
rules.add_perm("offer.approve_offer", is_manager)
rules.add_perm("offer.sign_off_offer", is_manager)
