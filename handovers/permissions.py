"""Who may do what with handovers. Which ones a person sees is scoped in selectors."""

from __future__ import annotations

import rules

from people.permissions import is_manager, is_pa

rules.add_perm("handovers.view_handovers", is_pa | is_manager)
