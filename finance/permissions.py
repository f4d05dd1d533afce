"""Who may do what with money."""

from __future__ import annotations

import rules

from people.permissions import is_care_leaver, is_manager, is_pa, is_service_manager, works_with

# A young person's PA and their team's manager see the money tab, give awards and
# claim on the young person's behalf; deciding a claim is checked against the limits.
rules.add_perm("finance.view_money", works_with)
rules.add_perm("finance.change_money", works_with)
rules.add_perm("finance.decide_claims", is_pa | is_manager)
# Every manager sees the council's payment runs; only a service manager makes one or
# downloads its file, which names young people of every team.
rules.add_perm("finance.view_payments", is_manager)
rules.add_perm("finance.run_payments", is_manager & is_service_manager)
# A young person's team manager reverses a payment made to them (on their money tab).
rules.add_perm("finance.reverse_payments", is_manager)
rules.add_perm("finance.view_budget", is_manager)
rules.add_perm("finance.view_own_money", is_care_leaver)
