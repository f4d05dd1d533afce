"""The portal's own signals, and receivers that tie allauth's events to the portal's rules.

Other apps listen to these signals (handovers start when an allocation ends or a PA
is leaving), so `people` never imports them. Each is sent inside the transaction of the
write, so whatever a receiver records commits or rolls back with it.
"""

from __future__ import annotations

from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authentication_failed, authenticator_added
from django.conf import settings
from django.dispatch import Signal, receiver
from django.utils import timezone

from people.models import CodeFailure

# allocation: the Allocation just started / just ended
allocation_started = Signal()
allocation_ended = Signal()
# pa: the User whose last working day was set; leaving_on: that day
pa_leaving = Signal()
# pa: the User whose leaving date was cancelled; leaving_on: the date that was set; by: who
pa_leaving_cancelled = Signal()
# invitation: the Invitation just made, to be emailed (the notifications app sends it)
invitation_made = Signal()
# user: the staff member who needs a set-up link emailed (the notifications app sends it)
staff_set_up_started = Signal()


@receiver(authenticator_added)
def count_setting_up_an_app_as_passing_mfa(sender, request, user, authenticator, **kwargs):
    """Entering a valid code to activate an app proves it as well as signing in with it does."""
    if request is not None and authenticator.type == Authenticator.Type.TOTP:
        record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)


@receiver(authentication_failed)
def count_a_wrong_code_in_the_database(sender, user, **kwargs):
    """Every wrong authenticator code is counted against its account where an outage of
    Redis cannot forget it (people.forms.AuthenticateForm refuses the next at the limit)."""
    CodeFailure.objects.filter(
        user=user, at__lt=timezone.now() - settings.CODE_FAILURE_WINDOW
    ).delete()
    CodeFailure.objects.create(user=user)
