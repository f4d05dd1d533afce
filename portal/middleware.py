"""Request rules for staff: MFA before any staff page, and a short idle timeout."""

from __future__ import annotations

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

# Paths a staff member without MFA may still open: setting MFA up, and leaving.
MFA_SETUP_PREFIXES = (
    "/accounts/2fa/",
    "/accounts/reauthenticate/",
    "/accounts/logout/",
    "/static/",
)


class RequireStaffMFAMiddleware:
    """Send any staff member without an authenticator app to set one up first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and user.is_staff_role
            and not request.path.startswith(MFA_SETUP_PREFIXES)
            and not is_mfa_enabled(user, types=[Authenticator.Type.TOTP])
        ):
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)


class StaffSessionMiddleware:
    """Staff sessions end after a spell of inactivity; each request starts the clock again."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and user.is_staff_role:
            request.session.set_expiry(int(settings.STAFF_IDLE_TIMEOUT.total_seconds()))
        return self.get_response(request)
