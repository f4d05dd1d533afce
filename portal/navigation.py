"""The service navigation, by role."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from portal.models import Role


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    is_current: bool


_BY_ROLE: dict[str, list[tuple[str, str]]] = {
    Role.CARE_LEAVER: [("Home", "portal:my-home")],
    Role.PA: [("My caseload", "portal:caseload")],
    Role.MANAGER: [("Team", "portal:team")],
    Role.OFFER_EDITOR: [("Home", "portal:staff-home")],
    Role.ADMIN: [("Home", "portal:staff-home"), ("Accounts and teams", "admin:index")],
}


def navigation_for(request) -> list[NavItem]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    items = []
    for label, name in _BY_ROLE.get(user.role, []):
        url = reverse(name)
        is_current = request.path == url or (url != "/" and request.path.startswith(url))
        items.append(NavItem(label=label, url=url, is_current=is_current))
    return items
