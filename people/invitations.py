"""The invitation's email or text, as the outbox writes it when it sends it.

The link's secret is worked out again from the invitation (an HMAC under SECRET_KEY,
`Invitation.link_token`), so it is never stored and never passes through the broker.
"""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from common.urls import site_url
from people.models import Invitation


def _invitation_link(invitation_id: int) -> tuple[Invitation, str] | None:
    """The invitation and its link; None once it cannot be used, or once a link was sent
    (an earlier release may have sent it)."""
    # Locked (the outbox sends inside a transaction), as accepting an invitation locks it.
    invitation = Invitation.objects.select_for_update().filter(pk=invitation_id).first()
    if invitation is None or not invitation.is_usable or invitation.emailed_at is not None:
        return None
    token = invitation.link_token()
    if Invitation.hash_token(token) != invitation.token_hash:
        # Made before links were worked out this way, or under an earlier SECRET_KEY: nobody
        # has been sent a link yet, so the one sent now becomes the invitation's link.
        Invitation.objects.filter(pk=invitation.pk).update(token_hash=Invitation.hash_token(token))
    return invitation, site_url(reverse("portal:invitation-open", args=[token]))


def invitation_email(invitation_id: int) -> tuple[str, str] | None:
    """(subject, body) of the invitation's email; None once it cannot be used or was sent."""
    made = _invitation_link(invitation_id)
    if made is None:
        return None
    invitation, link = made
    context = {"invitation": invitation, "link": link, "days": settings.INVITATION_VALID_DAYS}
    return "Your leaving care account", render_to_string("portal/email/invitation.txt", context)


def invitation_text(invitation_id: int) -> str | None:
    """The invitation's text: short, and naming no one, as it can be read on a locked screen."""
    made = _invitation_link(invitation_id)
    if made is None:
        return None
    days = settings.INVITATION_VALID_DAYS
    return (
        "Leaving care: your personal adviser has invited you to make an account. "
        f"The link works once, for {days} days: {made[1]}"
    )


def invitation_emailed(invitation_id: int) -> None:
    Invitation.objects.filter(pk=invitation_id).update(emailed_at=timezone.now())
