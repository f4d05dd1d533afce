"""Signal receivers that tie allauth's events to the portal's rules."""

from __future__ import annotations

from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added
from django.dispatch import receiver


@receiver(authenticator_added)
def count_setting_up_an_app_as_passing_mfa(sender, request, user, authenticator, **kwargs):
    """Entering a valid code to activate an app proves it as well as signing in with it does."""
    if request is not None and authenticator.type == Authenticator.Type.TOTP:
        record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)
