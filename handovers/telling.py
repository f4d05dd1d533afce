"""Telling a young person who their new PA is: a notification, an email, or a task for the PA."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from handovers.models import Handover, NotificationKind, ToldHow
from notifications.outbox import email_record
from notifications.services import Reminder, notify
from people.models import ContactMethod

NEW_PA_EMAIL = "new_pa"


def young_person_tell(*, handover_id: int) -> bool:
    """Tell the young person who their new PA is, the way they prefer, once.

    The portal can send what it can itself: a notification if they have an account, an
    email if they prefer email. A text, call or letter is the new PA's to do, so the PA is
    asked to, and records it on the handover.
    """
    with transaction.atomic():
        handover = (
            Handover.objects.select_for_update(of=("self",))
            .select_related("young_person__user", "to_allocation__pa")
            .filter(pk=handover_id, closed_at=None)
            .first()
        )
        if handover is None or handover.told_at is not None or handover.to_allocation is None:
            return False
        person = handover.young_person
        new_pa = handover.to_allocation.pa
        message = _new_pa_message(new_pa)
        if person.user_id is not None:
            notify(
                Reminder(
                    recipient_id=person.user_id,
                    key=f"new-pa:{handover.to_allocation_id}",
                    kind=NotificationKind.NEW_PA,
                    message=message,
                    link="/my/",
                    young_person_id=person.pk,
                )
            )
        told_how = ""
        if person.preferred_contact == ContactMethod.EMAIL:
            if person.user_id is not None:
                # Their account's email setting is their word on emails from the portal.
                told_how = ToldHow.PORTAL_AND_EMAIL if person.user.wants_email else ""
            elif person.email:
                email_record(
                    kind=NEW_PA_EMAIL,
                    key=f"new-pa:{handover.to_allocation_id}",
                    to=person.email,
                    object_id=handover.pk,
                )
                told_how = ToldHow.PORTAL_AND_EMAIL
        if told_how:
            handover.told_at, handover.told_how = timezone.now(), told_how
            handover.save(update_fields=["told_at", "told_how"])
            return True
        notify(
            Reminder(
                recipient_id=new_pa.pk,
                key=f"handover-tell:{handover.pk}",
                kind=NotificationKind.HANDOVER,
                message=(
                    f"You are now {person.full_name}'s PA. Tell them who you are: they prefer "
                    f"a {person.get_preferred_contact_display().lower()}."
                ),
                link=handover.get_absolute_url(),
                young_person_id=person.pk,
            )
        )
        return False


def _new_pa_message(new_pa) -> str:
    return (
        f"Your new personal adviser is {new_pa.get_full_name()}. They will be in touch "
        f"soon to arrange to meet you."
        + (f" You can reach them on {new_pa.phone}." if new_pa.phone else "")
    )


def new_pa_email(handover_id: int) -> tuple[str, str] | None:
    """(subject, body) of the email telling a young person without an account who their new
    PA is, as the outbox writes it; None if the handover no longer has a new PA."""
    handover = (
        Handover.objects.select_related("young_person", "to_allocation__pa")
        .filter(pk=handover_id)
        .first()
    )
    if handover is None or handover.to_allocation is None:
        return None
    person = handover.young_person
    body = render_to_string(
        "handovers/email/new_pa.txt",
        {"name": person.known_as, "message": _new_pa_message(handover.to_allocation.pa)},
    )
    return f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}Your new personal adviser", body


# Named as it was when it lived in handovers/tasks.py, so queued tasks still find it.
@shared_task(
    name="handovers.tasks.handover_tell_young_person",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=8,
)
def handover_tell_young_person(handover_id: int) -> bool:
    """Tell a young person who their new PA is; `told_at` makes a second run do nothing."""
    return young_person_tell(handover_id=handover_id)
