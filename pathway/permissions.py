"""Who may do what with plans and the record around them."""

from __future__ import annotations

import rules

from portal.permissions import is_care_leaver, is_manager, manages_young_person, works_with

# The young person's PA and the manager of that PA's team read and write the plan,
# contacts, histories, health passport and documents.
rules.add_perm("pathway.view_plan", works_with)
rules.add_perm("pathway.change_plan", works_with)
# Only a manager signs a review off, and only for young people in their teams.
rules.add_perm("pathway.sign_review", is_manager & manages_young_person)
rules.add_perm("pathway.view_reviews_to_sign", is_manager)
# A care leaver reads their own plan and adds their views to it.
rules.add_perm("pathway.view_own_plan", is_care_leaver)
