"""Demo sign-ins: one password and one authenticator secret for every demo account.

Only `seed_demo` creates these accounts, and the codes are only shown when DEMO_MODE is on.
"""

from __future__ import annotations

import time

from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

DEMO_PASSWORD = "leaving-care-demo"
# Base32; add it to any authenticator app to sign in as a demo member of staff.
DEMO_TOTP_SECRET = "LEAVINGCAREDEMOSECRETKEYJBSWY3DP"
DEMO_SIGN_INS = [
    ("Personal adviser", "pa@example.org"),
    ("Manager", "manager@example.org"),
    ("Offer editor", "editor@example.org"),
    ("Administrator", "admin@example.org"),
    ("Auditor", "auditor@example.org"),
    ("Partner worker", "partner@example.org"),
    ("Care leaver", "care.leaver@example.org"),
]


# The council `seed_demo` creates; its staff sign in with the emails above.
DEMO_SLUG = "northmoor"


def sign_ins(authority) -> dict[str, str]:
    """The demo sign-in email for each role of a generated council, by the labels above.

    The demo council's are the README's; other councils (`generate_dataset`) have their
    own, such as pa.eastbrook@example.org, with the same password and authenticator.
    """
    if authority.slug == DEMO_SLUG:
        return dict(DEMO_SIGN_INS)
    return {label: email.replace("@", f".{authority.slug}@") for label, email in DEMO_SIGN_INS}


def current_totp_code(secret: str = DEMO_TOTP_SECRET, at: float | None = None) -> str:
    counter = int(at if at is not None else time.time()) // mfa_settings.TOTP_PERIOD
    return format_hotp_value(hotp_value(secret, counter))
