"""Reminder rules for referrals: one reminder to the PA when a service has not answered in
its expected days."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from django.db.models import F

from common.lookups import among
from notifications.kinds import register_kinds
from notifications.services import Reminder, links, register_rule
from partners.models import NotificationKind, Referral, ReferralStatus
from people.models import Allocation


def waiting_rows(day: dt.date):
    """Referrals with no answer yet (the sweep pages them), as named rows of what the
    reminder reads; which are late is worked out per batch from each service's expected days."""
    waiting = Referral.objects.filter(status__in=(ReferralStatus.SENT, ReferralStatus.RECEIVED))
    return waiting.annotate(
        service_name=F("service__name"), expected_days=F("service__expected_days")
    ).values_list(
        "pk",
        "young_person_id",
        "made_by_id",
        "sent_at",
        "urgency",
        "service_name",
        "expected_days",
        named=True,
    )


def _answer_due_on(row) -> dt.date:
    """`Referral.answer_due_on`, for a row rather than a record."""
    service = SimpleNamespace(expected_days=row.expected_days)
    return Referral.answer_due_on.fget(
        SimpleNamespace(sent_at=row.sent_at, urgency=row.urgency, service=service)
    )


def no_answer(referrals: list, day: dt.date):
    pas = dict(
        Allocation.objects.filter(
            young_person_id__in=among({r.young_person_id for r in referrals}),
            ended_on__isnull=True,
        ).values_list("young_person_id", "pa_id")
    )
    referral_link = links("partners:referral", 2)
    for referral in referrals:
        due = _answer_due_on(referral)
        if due >= day:
            continue
        # Keyed by the referral alone: it reminds once, however long it stays unanswered.
        yield Reminder(
            recipient_id=pas.get(referral.young_person_id, referral.made_by_id),
            key=f"referral-no-answer:{referral.pk}",
            kind=NotificationKind.REFERRAL_NO_ANSWER,
            message=(
                f"{referral.service_name} has not answered a referral sent on "
                f"{referral.sent_at:%-d %B %Y}. It was due an answer by {due:%-d %B %Y}."
            ),
            link=referral_link(referral.young_person_id, referral.pk),
            young_person_id=referral.young_person_id,
            due_on=due,
        )


register_rule("referral_no_answer", rows=waiting_rows, reminders=no_answer)


register_kinds(NotificationKind)
