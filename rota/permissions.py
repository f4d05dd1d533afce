"""Who may do what with the duty rota."""

from __future__ import annotations

import rules

from people.permissions import is_care_leaver, is_manager, is_pa

rules.add_perm("rota.view_rota", is_pa | is_manager)
rules.add_perm("rota.take_shifts", is_pa)
rules.add_perm("rota.manage_rota", is_manager)
rules.add_perm("rota.log_enquiry", is_pa | is_manager)
rules.add_perm("rota.see_who_is_on_duty", is_care_leaver)
