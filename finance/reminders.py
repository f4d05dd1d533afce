"""Reminder rules for money: awards with money left as their use-by date comes near."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db.models import OuterRef, QuerySet
from django.urls import reverse

from common.dates import add_months
from finance.models import Award, LedgerEntry, NotificationKind
from finance.selectors import _sum
from finance.templatetags.finance_tags import pounds
from notifications.kinds import register_kinds
from notifications.services import Reminder, register_rule
from people.selectors import with_current_pa


def award_unspent_rows(day: dt.date) -> QuerySet[Award]:
    """Awards with money left whose use-by date is within three months (the day itself too)."""
    ahead = add_months(day, settings.REMINDER_AWARD_MONTHS_AHEAD)
    awards = (
        Award.objects.filter(expires_on__gte=day, expires_on__lte=ahead)
        .annotate(left=_sum(LedgerEntry.objects.filter(award=OuterRef("pk"))))
        .filter(left__gt=0)
    )
    return with_current_pa(awards, "young_person").select_related("scheme", "young_person")


def award_unspent(awards: list[Award], day: dt.date):
    """The young person (if they have an account) and their PA, once per award and date."""
    for award in awards:
        person = award.young_person
        left, until = pounds(award.left), f"{award.expires_on:%-d %B %Y}"
        key = f"award-unspent:{award.pk}:{award.expires_on}"
        yield Reminder(
            recipient_id=award.current_pa_id,
            key=key,
            kind=NotificationKind.AWARD_UNSPENT,
            message=(
                f"{person.full_name} has {left} of their {award.scheme.name} left to use by "
                f"{until}."
            ),
            link=reverse("finance:person-money", args=[person.pk]),
            young_person_id=person.pk,
            due_on=award.expires_on,
        )
        if person.user_id is not None:
            yield Reminder(
                recipient_id=person.user_id,
                key=key,
                kind=NotificationKind.AWARD_UNSPENT,
                message=(
                    f"You have {left} of your {award.scheme.name} left. Use it by {until}, "
                    "or it ends. Ask your PA if you are not sure how."
                ),
                link=reverse("finance:my-money"),
                young_person_id=person.pk,
                due_on=award.expires_on,
            )


register_rule("award_unspent", rows=award_unspent_rows, reminders=award_unspent)


register_kinds(NotificationKind)
