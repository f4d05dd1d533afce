"""The demo local offer: the items in demo_content.py, approved and signed off over past months.

Called by `seed_demo` through OfferConfig.seed_demo, after the council and its staff exist.
"""

from __future__ import annotations

import datetime as dt
import random

from django.db.models import Max
from django.utils import timezone

from finance.models import Scheme
from offer import services
from offer.demo_content import ITEMS
from offer.models import Category, OfferItem, OfferItemVersion, OfferSignOff, VersionState
from people.models import Authority, Role, User

# Items that have a change waiting for a manager, so the demo shows the publishing flow.
PENDING_CHANGES = {
    "driving-lessons": "The contribution goes up to £700 from April.",
    "free-leisure-pass": "The pass now includes the climbing wall at the leisure centre.",
}


def seed_offer(*, authority: Authority, today: dt.date, seed: int) -> None:
    rng = random.Random(seed)
    staff = {
        "editor": User.objects.filter(authority=authority, role=Role.OFFER_EDITOR).first(),
        "manager": User.objects.filter(authority=authority, role=Role.MANAGER).first(),
    }
    categories = {category.slug: category for category in Category.objects.all()}
    for entry in ITEMS:
        item = _publish(entry, authority, staff, categories, today, rng)
        if entry["slug"] in PENDING_CHANGES:
            _propose_change(item, entry, staff, PENDING_CHANGES[entry["slug"]])
    _sign_off(authority, staff["manager"], today, rng)


def _scheme(authority: Authority, entry: dict) -> Scheme | None:
    if not entry["scheme"]:
        return None
    scheme, _ = Scheme.objects.get_or_create(
        authority=authority,
        code=entry["scheme"],
        defaults={
            "name": entry["title"],
            "description": entry["summary"],
            "cap_pence": entry["amount_pence"],
        },
    )
    return scheme


def _content(entry: dict, authority: Authority, categories: dict) -> dict:
    content = {key: entry[key] for key in entry if key not in ("slug", "owner", "review_in_days")}
    content["category"] = categories[entry["category"]]
    content["scheme"] = _scheme(authority, entry)
    content["legal_statuses"] = entry["statuses"]
    del content["statuses"]
    return content


def _publish(entry, authority, staff, categories, today, rng) -> OfferItem:
    """Write, submit and approve an item through the services, then date it in the past."""
    editor, manager = staff["editor"], staff["manager"]
    item = services.item_create(
        authority=authority,
        slug=entry["slug"],
        owner=staff[entry["owner"]],
        review_by=today + dt.timedelta(days=entry["review_in_days"]),
        content=_content(entry, authority, categories),
        by=editor,
    )
    services.item_submit(item=item, by=editor)
    services.item_approve(item=item, number=1, by=manager)
    # Checked one review interval (six months, or a year for the slower-changing items)
    # before its review date, give or take, and never in the last ten days.
    interval = 365 if entry["review_in_days"] > 150 else 182
    published = timezone.now() - dt.timedelta(
        days=max(10, interval - entry["review_in_days"] + rng.randint(-7, 7))
    )
    OfferItemVersion.objects.filter(item=item).update(
        created_at=published - dt.timedelta(days=rng.randint(1, 6)), published_at=published
    )
    return item


def _propose_change(item: OfferItem, entry: dict, staff: dict, note: str) -> None:
    version = item.versions.get(state=VersionState.PUBLISHED)
    content = version.content()
    content["body"] = f"{content['body']}\n\n{note}"
    services.item_draft_save(
        item=item,
        content=content,
        owner=item.owner,
        review_by=item.review_by,
        based_on=services.edit_token(item, version),
        by=staff["editor"],
        change_note=note,
    )
    services.item_submit(item=item, by=staff["editor"])


def _sign_off(authority: Authority, manager: User, today: dt.date, rng) -> None:
    """The manager signed the offer off a few days after the last approvals."""
    sign_off = services.offer_sign_off(
        authority=authority, by=manager, note="Quarterly check of the whole offer."
    )
    latest = OfferItemVersion.objects.filter(item__authority=authority).aggregate(
        Max("published_at")
    )["published_at__max"]
    OfferSignOff.objects.filter(pk=sign_off.pk).update(
        signed_off_at=min(latest + dt.timedelta(days=rng.randint(1, 5)), timezone.now())
    )
