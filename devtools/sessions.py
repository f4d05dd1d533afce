"""A signed-in session made directly, as after a password and an authenticator code.

The benchmark's simulated people and the tests that try every page as every role use it:
one row in the session table, without the sign-in's own work (its lockout record, the last
sign-in date, a new session key), which those measures are not about."""

from __future__ import annotations

import time

from allauth.account.internal.flows.login import AUTHENTICATION_METHODS_SESSION_KEY
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, load_backend
from django.contrib.sessions.backends.db import SessionStore

from people.models import User


def signed_in_session(user: User) -> str:
    """A new session of `user`'s; its key, for the session cookie."""
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = next(  # the first that can load a user (not axes)
        path for path in settings.AUTHENTICATION_BACKENDS if hasattr(load_backend(path), "get_user")
    )
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    if user.is_staff_role:
        passed_mfa(store)
    store.create()
    return store.session_key


def passed_mfa(session) -> None:
    """Record in `session` a sign-in by password and authenticator code, just now, as
    allauth does: staff pages ask for both."""
    now = time.time()
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "password", "at": now},
        {"method": "mfa", "at": now, "type": "totp"},
    ]
