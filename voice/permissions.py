"""Who may do what with the young person's voice. No rule lets staff read one person's
survey answers: results are counts for groups (voice.surveys)."""

from __future__ import annotations

import rules

from people.permissions import is_care_leaver, is_manager, works_with

# Checklists, check-ins and skills: the young person's PA and that PA's manager.
rules.add_perm("voice.view_voice", works_with)
rules.add_perm("voice.change_voice", works_with)
rules.add_perm("voice.use_own", is_care_leaver)
rules.add_perm("voice.view_survey_results", is_manager)
rules.add_perm("voice.write_you_said", is_manager)
