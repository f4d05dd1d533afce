"""Reminder rules for the local offer: items past the date their owner must check them."""

from __future__ import annotations

import datetime as dt

from django.db.models import OuterRef, QuerySet, Subquery
from django.urls import reverse

from notifications.kinds import register_kinds
from notifications.services import Reminder, register_rule
from offer.models import NotificationKind, OfferItem, OfferItemVersion


def stale_item_rows(day: dt.date) -> QuerySet[OfferItem]:
    """Items whose review date has passed (the day itself is not late), with their newest title."""
    title = OfferItemVersion.objects.filter(item=OuterRef("pk")).order_by("-number").values("title")
    return OfferItem.objects.filter(review_by__lt=day).annotate(title=Subquery(title[:1]))


def stale_items(items: list[OfferItem], day: dt.date):
    for item in items:
        yield Reminder(
            recipient_id=item.owner_id,
            key=f"offer-stale:{item.pk}:{item.review_by}",
            kind=NotificationKind.OFFER_STALE,
            message=(
                f"“{item.title}” in the local offer was due to be checked by "
                f"{item.review_by:%-d %B %Y}. Check it is still right."
            ),
            link=reverse("offer:item-preview", args=[item.pk]),
            due_on=item.review_by,
        )


register_rule("offer_stale", rows=stale_item_rows, reminders=stale_items)


register_kinds(NotificationKind)
