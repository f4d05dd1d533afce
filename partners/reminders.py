"""Reminder rules for referrals: one reminder to the PA when a service has not answered in
its expected days."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from notifications.kinds import register_kinds
from notifications.services import Reminder, register_rule
from partners.models import NotificationKind, Referral, ReferralStatus
from people.models import Allocation


def waiting_rows(day: dt.date):
    """Referrals with no answer yet (the sweep pages them); which are late is worked out
    per batch from each service's expected days."""
    return Referral.objects.filter(status__in=(ReferralStatus.SENT, ReferralStatus.RECEIVED))


def no_answer(referrals: list[Referral], day: dt.date):
    late = Referral.objects.filter(pk__in=[r.pk for r in referrals]).select_related("service")
    pas = dict(
        Allocation.objects.filter(
            young_person_id__in={r.young_person_id for r in referrals}, ended_on__isnull=True
        ).values_list("young_person_id", "pa_id")
    )
    for referral in late:
        if referral.answer_due_on >= day:
            continue
        # Keyed by the referral alone: it reminds once, however long it stays unanswered.
        yield Reminder(
            recipient_id=pas.get(referral.young_person_id, referral.made_by_id),
            key=f"referral-no-answer:{referral.pk}",
            kind=NotificationKind.REFERRAL_NO_ANSWER,
            message=(
                f"{referral.service.name} has not answered a referral sent on "
                f"{referral.sent_at:%-d %B %Y}. It was due an answer by "
                f"{referral.answer_due_on:%-d %B %Y}."
            ),
            link=reverse("partners:referral", args=[referral.young_person_id, referral.pk]),
            young_person_id=referral.young_person_id,
            due_on=referral.answer_due_on,
        )


register_rule("referral_no_answer", rows=waiting_rows, reminders=no_answer)


register_kinds(NotificationKind)
