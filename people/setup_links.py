"""Staff accounts are set up by a single-use link, never by a password alone.

A new staff account has no usable password. Its set-up link (emailed through the outbox)
lets the person choose a password and, in the same session, add their authenticator app.
Someone who learns a staff password cannot enrol their own app with it: without the
link's session, a staff account with no app is signed out (people/middleware.py).

The link is Django's password-reset token under its own salt: it stops working once a
password is set or the person signs in, and after PASSWORD_RESET_TIMEOUT (3 days).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from common.urls import site_url
from people.models import User

# In the session: the id of the staff member who came in by their set-up link.
SET_UP_SESSION_KEY = "staff_set_up_user"
# In the session, between opening the link and choosing a password: the link's parts.
SET_UP_LINK_SESSION_KEY = "staff_set_up_link"
LINK_DAYS = settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60)


class SetUpTokens(PasswordResetTokenGenerator):
    key_salt = "people.setup_links.SetUpTokens"


tokens = SetUpTokens()


def set_up_path(user: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return reverse("portal:staff-set-up-open", args=[uid, tokens.make_token(user)])


def user_for_link(uid: str, token: str) -> User | None:
    """The staff member the link is for, or None if it is not (or no longer) a working link."""
    try:
        pk = int(urlsafe_base64_decode(uid).decode())
    except (ValueError, UnicodeDecodeError):
        return None
    user = User.objects.filter(pk=pk, is_active=True).first()
    if user is None or not user.is_staff_role or not tokens.check_token(user, token):
        return None
    return user


def set_up_address(user_id: int) -> str | None:
    """Where a set-up email for this account should go now."""
    return User.objects.filter(pk=user_id).values_list("email", flat=True).first()


def set_up_email(user_id: int) -> tuple[str, str] | None:
    """(subject, body) of a set-up email, written when it is sent; None once it is of no use."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None or user.has_usable_password():
        return None
    context = {
        "user": user,
        "link": site_url(set_up_path(user)),
        "days": LINK_DAYS,
    }
    return "Set up your leaving care account", render_to_string(
        "portal/email/staff_set_up.txt", context
    )
