"""How allauth and axes fit the portal: no open sign-up, MFA kept for staff."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.adapter import get_adapter as get_account_adapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.core.exceptions import ImproperlyConfigured, PermissionDenied


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request) -> str:
        # allauth refuses an X-Forwarded-For shorter than TRUSTED_PROXY_COUNT (someone
        # reached the portal past a proxy): count the address they came from instead.
        try:
            return super().get_client_ip(request)
        except ImproperlyConfigured:
            address = request.META.get("REMOTE_ADDR")
            if not address:
                raise PermissionDenied("Unable to determine client IP address") from None
            return address

    def is_open_for_signup(self, request) -> bool:
        # Staff accounts are made by an admin; care leavers join by their PA's invitation.
        return False


class MFAAdapter(DefaultMFAAdapter):
    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        # Staff must keep an authenticator app; they may replace recovery codes, not drop MFA.
        if authenticator.type == Authenticator.Type.TOTP and authenticator.user.is_staff_role:
            return False
        return super().can_delete_authenticator(authenticator)


def client_ip(request) -> str | None:
    """The visitor's address, by allauth's rule (settings.TRUSTED_PROXY_COUNT), for axes too.

    None when the request carries none (a sign-in made in code, as tests do)."""
    try:
        return get_account_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return None


def axes_username(request, credentials: dict | None) -> str | None:
    """The email address a sign-in attempt names, from allauth's form or Django's."""
    credentials = credentials or {}
    posted = request.POST if request is not None else {}
    for key in ("email", "login", "username"):
        value = credentials.get(key) or posted.get(key)
        if value:
            # Axes keeps it in a column of 255 characters, where a NUL could not go at all.
            return str(value).strip().lower().replace("\x00", "")[:255]
    return None
