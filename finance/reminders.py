"""Reminder rules for money: awards with money left as their use-by date comes near."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db.models import F, OuterRef, QuerySet
from django.urls import reverse

from common.dates import add_months
from finance.models import Award, LedgerEntry, NotificationKind
from finance.selectors import _sum
from finance.templatetags.finance_tags import pounds
from notifications.kinds import register_kinds
from notifications.services import Reminder, links, register_rule
from people.selectors import with_current_pa


def award_unspent_rows(day: dt.date) -> QuerySet[Award]:
    """Awards with money left whose use-by date is within three months (the day itself too)."""
    ahead = add_months(day, settings.REMINDER_AWARD_MONTHS_AHEAD)
    awards = (
        Award.objects.filter(expires_on__gte=day, expires_on__lte=ahead)
        .annotate(left=_sum(LedgerEntry.objects.filter(award=OuterRef("pk"))))
        .filter(left__gt=0)
    )
    # Named rows of what the reminders say, not whole records.
    return (
        with_current_pa(awards, "young_person")
        .annotate(
            scheme_name=F("scheme__name"),
            first_name=F("young_person__first_name"),
            last_name=F("young_person__last_name"),
            user_id=F("young_person__user_id"),
        )
        .values_list(
            "pk",
            "expires_on",
            "left",
            "young_person_id",
            "current_pa_id",
            "scheme_name",
            "first_name",
            "last_name",
            "user_id",
            named=True,
        )
    )


def award_unspent(awards: list, day: dt.date):
    """The young person (if they have an account) and their PA, once per award and date."""
    person_money, my_money = links("finance:person-money"), reverse("finance:my-money")
    for award in awards:
        person_id, scheme = award.young_person_id, award.scheme_name
        left, until = pounds(award.left), f"{award.expires_on:%-d %B %Y}"
        key = f"award-unspent:{award.pk}:{award.expires_on}"
        yield Reminder(
            recipient_id=award.current_pa_id,
            key=key,
            kind=NotificationKind.AWARD_UNSPENT,
            message=(
                f"{award.first_name} {award.last_name} has {left} of their {scheme} left to "
                f"use by {until}."
            ),
            link=person_money(person_id),
            young_person_id=person_id,
            due_on=award.expires_on,
        )
        if award.user_id is not None:
            yield Reminder(
                recipient_id=award.user_id,
                key=key,
                kind=NotificationKind.AWARD_UNSPENT,
                message=(
                    f"You have {left} of your {scheme} left. Use it by {until}, "
                    "or it ends. Ask your PA if you are not sure how."
                ),
                link=my_money,
                young_person_id=person_id,
                due_on=award.expires_on,
            )


register_rule("award_unspent", rows=award_unspent_rows, reminders=award_unspent)


register_kinds(NotificationKind)
