"""Who may do what with money."""

from __future__ import annotations

import rules

from people.permissions import is_care_leaver, is_manager, is_pa, works_with

# A young person's PA and their team's manager see the money tab, give awards and
# claim on the young person's behalf; deciding a claim is checked against the limits.
rules.add_perm("finance.view_money", works_with)
rules.add_perm("finance.change_money", works_with)
rules.add_perm("finance.decide_claims", is_pa | is_manager)
rules.add_perm("finance.run_payments", is_manager)
rules.add_perm("finance.view_budget", is_manager)
rules.add_perm("finance.view_own_money", is_care_leaver)
