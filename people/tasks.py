"""Background work for people. Each task lives beside the service it calls."""

from people.invitations import send_invitation_email

__all__ = ["send_invitation_email"]
