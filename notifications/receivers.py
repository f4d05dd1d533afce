"""What the notifications app does when the people app says something happened."""

from __future__ import annotations

from django.dispatch import receiver

from notifications.outbox import email_record
from people.signals import invitation_made


@receiver(invitation_made, dispatch_uid="notifications-invitation-email")
def email_the_invitation(sender, invitation, **kwargs) -> None:
    """Inside the invitation's own transaction, so the email is recorded only if it is."""
    email_record(
        kind="invitation",
        key=f"invitation:{invitation.pk}",
        to=invitation.email,
        object_id=invitation.pk,
    )
