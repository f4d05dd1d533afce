"""Who may do what with safety records."""

from __future__ import annotations

import rules

from pathway.permissions import manages_current_pa
from people.permissions import is_care_leaver, is_manager, is_pa, works_with

# The young person's PA and the manager of that PA's team read and write safety records.
rules.add_perm("safety.view_safety", works_with)
rules.add_perm("safety.change_safety", works_with)
# A high level comes into force only with the agreement of the manager of their PA's team.
rules.add_perm("safety.agree_risk", is_manager & manages_current_pa)
# A care leaver reads what of their own safety plan is shared with them.
rules.add_perm("safety.view_own_safety", is_care_leaver)
# Staying Close assessments due and late: a PA's own young people, a manager's teams'.
rules.add_perm("safety.view_staying_close", is_pa | is_manager)
# Accommodation sufficiency, for commissioning: managers, for their teams.
rules.add_perm("safety.view_sufficiency", is_manager)
