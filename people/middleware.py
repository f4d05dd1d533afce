"""Request rules: MFA before any staff page, idle timeouts for everyone signed in, and no
page shown to a signed-in person kept by their browser."""

from __future__ import annotations

import time

from allauth.account.internal.flows.login import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control

from common.queries import QueryCounter
from people.setup_links import SET_UP_SESSION_KEY

# Paths a staff member without MFA may still open: setting MFA up, and leaving.
MFA_SETUP_PREFIXES = (
    "/accounts/2fa/",
    "/accounts/reauthenticate/",
    "/accounts/logout/",
    "/static/",
)


def session_passed_mfa(request) -> bool:
    """Whether this session entered an authenticator code (at sign-in or when setting one up)."""
    records = request.session.get(AUTHENTICATION_METHODS_SESSION_KEY, [])
    return any(record.get("method") == "mfa" for record in records)


class RequireStaffMFAMiddleware:
    """Staff reach a staff page only from a session that has passed MFA.

    Without an authenticator app, only a session that came in by the emailed set-up link
    may add one (people/setup_links.py); anyone else, even with the right password, is
    signed out and told to use their link. With an app, a session that never entered a
    code (say, signed in by some other door) signs in again.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if not (user.is_authenticated and user.is_staff_role) or session_passed_mfa(request):
            return self.get_response(request)
        if not is_mfa_enabled(user, types=[Authenticator.Type.TOTP]):
            if request.session.get(SET_UP_SESSION_KEY) != user.pk:
                logout(request)
                return redirect(reverse("portal:staff-not-set-up"))
            if not request.path.startswith(MFA_SETUP_PREFIXES):
                return redirect(reverse("mfa_activate_totp"))
            return self.get_response(request)
        if request.path.startswith(MFA_SETUP_PREFIXES):
            return self.get_response(request)
        logout(request)
        messages.info(request, "Sign in again with your password and authenticator code.")
        return redirect(reverse("account_login"))


# When the session's idle clock was last started, in the session.
IDLE_CLOCK_KEY = "idle_clock_started"


def idle_timeout(user) -> int | None:
    """Seconds of inactivity after which this person's session ends."""
    if user.is_staff_role:
        return int(settings.STAFF_IDLE_TIMEOUT.total_seconds())
    if user.is_care_leaver:
        return int(settings.CARE_LEAVER_IDLE_TIMEOUT.total_seconds())
    return None


class IdleSessionMiddleware:
    """Sessions end after a spell of inactivity; activity starts the clock again.

    Staff sessions after STAFF_IDLE_TIMEOUT (30 minutes), care leavers' after
    CARE_LEAVER_IDLE_TIMEOUT (an hour: phones are lost, lent and shared).
    The clock is restarted at most once every IDLE_CLOCK_STEP, not on every request:
    restarting it writes the session, and a write on every page view was the single
    largest cost of a signed-in page (docs/benchmarks.md). So the session ends between
    the timeout less that step and the timeout after the last activity.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        timeout = idle_timeout(user) if user.is_authenticated else None
        if timeout is not None:
            now = int(time.time())
            started = request.session.get(IDLE_CLOCK_KEY, 0)
            if now - started >= settings.IDLE_CLOCK_STEP.total_seconds():
                request.session[IDLE_CLOCK_KEY] = now
                request.session.set_expiry(timeout)
        return self.get_response(request)


class ServerTimingMiddleware:
    """For the benchmark only: the server's time and query count on every response.

    `Server-Timing: app;dur=12.3` (milliseconds, the standard header) and `X-Queries: 7`.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        with QueryCounter() as counted:
            response = self.get_response(request)
        response["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.1f}"
        response["X-Queries"] = str(counted.queries)
        return response


class SignedInPagesNotKeptMiddleware:
    """Every response to a signed-in person says `Cache-Control: no-store, private`.

    Their pages hold records about young people (a care leaver's own, or a caseload), so
    no browser or proxy may keep them: on a shared computer the back button or the
    browser's history must not show them to the next person."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response.headers.pop("Cache-Control", None)
            patch_cache_control(response, no_store=True, private=True)
        return response
