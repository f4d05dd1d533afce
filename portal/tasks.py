"""Background work for people: thin tasks that load by id and call a service."""

from __future__ import annotations

from celery import shared_task

from portal import services


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=8,
)
def send_invitation_email(self, invitation_id: int, link: str) -> bool:
    """Email an invitation link; safe to run twice because the service records the send."""
    return services.invitation_email_send(invitation_id=invitation_id, link=link)
