"""The service navigation, by role."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from people.models import Role


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    is_current: bool


ANONYMOUS = "anonymous"
_BY_ROLE: dict[str, list[tuple[str, str]]] = {
    ANONYMOUS: [("What you can get", "offer:home")],
    Role.CARE_LEAVER: [
        ("Home", "portal:my-home"),
        ("Your plan", "pathway:my-plan"),
        ("Your money", "finance:my-money"),
        ("Your health", "pathway:my-health"),
        ("Your documents", "pathway:my-documents"),
        ("Other services", "partners:my-referrals"),
        ("What you can get", "offer:home"),
    ],
    Role.PA: [
        ("My caseload", "pathway:caseload"),
        ("Adult services", "partners:transitions"),
        ("Claims", "finance:claims-waiting"),
        ("Duty", "rota:mine"),
        ("Duty log", "rota:duty-log"),
        ("Handovers", "handovers:list"),
        ("Staying Close", "safety:staying-close"),
        ("Local offer", "offer:home"),
    ],
    Role.MANAGER: [
        ("Dashboard", "dashboard:home"),
        ("Team", "portal:team"),
        ("Reviews to sign", "pathway:reviews-to-sign"),
        ("Claims", "finance:claims-waiting"),
        ("Payments", "finance:payments"),
        ("Budgets", "finance:budget"),
        ("Rota", "rota:coverage"),
        ("Handovers", "handovers:list"),
        ("Adult services", "partners:transitions"),
        ("Staying Close", "safety:staying-close"),
        ("Housing", "safety:sufficiency"),
        ("Returns", "pathway:returns"),
        ("Local offer", "offer:manage"),
    ],
    Role.OFFER_EDITOR: [("Home", "portal:staff-home"), ("Local offer", "offer:manage")],
    Role.ADMIN: [("Home", "portal:staff-home"), ("Accounts and teams", "admin:index")],
    Role.AUDITOR: [("Home", "portal:staff-home"), ("Audit trail", "admin:index")],
    Role.PARTNER: [("Referrals", "partners:worker-home"), ("Local offer", "offer:home")],
}


# The statutory returns cover the whole council: only its service managers see them.
SERVICE_MANAGERS_ONLY = {"pathway:returns"}


def navigation_for(request) -> list[NavItem]:
    user = getattr(request, "user", None)
    role = user.role if user is not None and user.is_authenticated else ANONYMOUS
    links = [
        (label, reverse(name))
        for label, name in _BY_ROLE.get(role, [])
        if name not in SERVICE_MANAGERS_ONLY or user.sees_all_teams
    ]
    # The longest address the page is under is current: on /my/money/, "Your money", not
    # "Home" (/my/) as well.
    path = request.path
    under = [url for _, url in links if path == url or (url != "/" and path.startswith(url))]
    current = max(under, key=len, default=None)
    return [NavItem(label=label, url=url, is_current=url == current) for label, url in links]
