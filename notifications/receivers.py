"""What the notifications app does when the people app says something happened."""

from __future__ import annotations

from django.dispatch import receiver

from notifications.outbox import email_record
from notifications.texts import text_record
from people.signals import invitation_made, staff_set_up_started


@receiver(invitation_made, dispatch_uid="notifications-invitation-email")
def email_the_invitation(sender, invitation, **kwargs) -> None:
    """Inside the invitation's own transaction, so the email (or the text, when the PA chose
    to text the link) is recorded only if it is."""
    if invitation.phone:
        text_record(
            kind="invitation",
            key=f"invitation:{invitation.pk}",
            to=invitation.phone,
            object_id=invitation.pk,
            young_person_id=invitation.young_person_id,
        )
        return
    email_record(
        kind="invitation",
        key=f"invitation:{invitation.pk}",
        to=invitation.email,
        object_id=invitation.pk,
    )


@receiver(staff_set_up_started, dispatch_uid="notifications-staff-set-up-email")
def email_the_set_up_link(sender, user, started_at, **kwargs) -> None:
    """One email per link asked for; it is written (with the link) when it is sent."""
    email_record(
        kind="staff-set-up",
        key=f"staff-set-up:{user.pk}:{started_at.isoformat()}",
        to=user.email,
        object_id=user.pk,
    )
