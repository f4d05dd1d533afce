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


# --- The demo region: two neighbours with offers of their own, and shared items -----------

# The items each neighbour offers (from Northmoor's words, with its own name), and the
# amounts it gives that differ from Northmoor's (pence).
NEIGHBOUR_OFFERS = {
    "wolds": {
        "slugs": [
            "your-health-passport",
            "free-leisure-pass",
            "your-personal-adviser",
            "an-advocate-to-help-you-be-heard",
            "higher-education-bursary",
            "help-to-find-a-course-training-or-a-job",
            "driving-lessons",
            "setting-up-home-allowance",
            "supported-lodgings",
            "join-the-care-leavers-council",
            "no-council-tax-until-you-are-25",
            "birthday-gift",
            "your-pathway-plan",
            "your-personal-housing-plan",
        ],
        "amounts": {"setting-up-home-allowance": 350000, "driving-lessons": 80000},
    },
    "eastmarsh": {
        "slugs": [
            "help-with-prescription-and-health-costs",
            "someone-to-talk-to-about-how-you-feel",
            "your-personal-adviser",
            "a-mentor",
            "16-19-bursary",
            "higher-education-bursary",
            "council-apprenticeships-for-care-leavers",
            "setting-up-home-allowance",
            "help-with-a-deposit-first-rent-and-a-guarantor",
            "volunteering",
            "festive-gift",
            "emergency-hardship-money",
            "your-pathway-plan",
            "moving-on-skills-sessions",
        ],
        "amounts": {"setting-up-home-allowance": 300000, "higher-education-bursary": 250000},
    },
}

REGIONAL_ITEMS = [
    {
        "slug": "staying-close-across-the-region",
        "category": "accommodation",
        "title": "Staying Close across the region",
        "summary": (
            "If you lived in a children's home, a key worker can keep in touch and help you "
            "find and keep a home, wherever in the region you move."
        ),
        "body": (
            "The councils of the region run Staying Close together. If you move from one "
            "council's area to another, your Staying Close worker can stay the same.\n"
            "\n"
            "They can help you:\n"
            "- find a home and settle in\n"
            "- sort out bills and your tenancy\n"
            "- keep in touch with people who matter to you"
        ),
        "how_to_get": "Ask your personal adviser (PA). They will refer you.",
        "provider_name": "The region's Staying Close team",
        "keywords": "staying close, key worker, moving, tenancy",
    },
    {
        "slug": "regional-apprenticeships",
        "category": "employment",
        "title": "Apprenticeships with any council in the region",
        "summary": (
            "Care leavers get a guaranteed interview for apprenticeships with any of the "
            "region's councils."
        ),
        "body": (
            "Every council in the region offers care leavers a guaranteed interview for its "
            "apprenticeships, not only the council that looked after you.\n"
            "\n"
            "Apprenticeships are paid. You learn on the job and get a qualification."
        ),
        "how_to_get": (
            "Look at the councils' job pages, or ask your PA to send you the latest list."
        ),
        "provider_name": "The region's councils",
        "keywords": "apprenticeship, job, work, training",
    },
]


def seed_neighbour_offer(*, authority: Authority, short_name: str, today: dt.date, seed: int):
    """A neighbouring council's offer: some of the demo's items in its own name, with its
    own amounts, approved by its own manager."""
    rng = random.Random(seed)
    plan = NEIGHBOUR_OFFERS[authority.slug]
    staff = {
        "editor": User.objects.get(authority=authority, role=Role.OFFER_EDITOR),
        "manager": User.objects.get(authority=authority, role=Role.MANAGER),
    }
    categories = {category.slug: category for category in Category.objects.all()}
    wanted = set(plan["slugs"])
    for entry in ITEMS:
        if entry["slug"] not in wanted:
            continue
        entry = {
            key: value.replace("Northmoor", short_name) if isinstance(value, str) else value
            for key, value in entry.items()
        }
        entry["owner"] = "editor"
        # Its own editor keeps it current: nothing of a neighbour's is past its review date.
        entry["review_in_days"] = max(entry["review_in_days"], 45)
        if entry["slug"] in plan["amounts"]:
            entry["amount_pence"] = plan["amounts"][entry["slug"]]
        _publish(entry, authority, staff, categories, today, rng)
    _sign_off(authority, staff["manager"], today, rng)


def seed_regional_offer(*, region, editor: User, today: dt.date) -> None:
    """The region's shared items: written by `editor` (of a member council), approved by
    the region's lead, whose council (as its manager) adds a note of its own to the first."""
    categories = {category.slug: category for category in Category.objects.all()}
    for number, entry in enumerate(REGIONAL_ITEMS):
        content = {key: entry[key] for key in entry if key not in ("slug", "category")} | {
            "category": categories[entry["category"]]
        }
        item = services.item_create(
            authority=None,
            region=region,
            slug=entry["slug"],
            owner=editor,
            review_by=today + dt.timedelta(days=150 + 30 * number),
            content=content,
            by=editor,
        )
        services.item_submit(item=item, by=editor)
        services.item_approve(item=item, number=1, by=region.lead)
    council = region.lead.authority
    services.local_note_save(
        item=OfferItem.objects.get(region=region, slug=REGIONAL_ITEMS[0]["slug"]),
        authority=council,
        text=f"In {council.name.removesuffix(' Council')}, the Staying Close team is at the Hub "
        "on Market Street, open on weekdays from 10am to 4pm.",
        by=region.lead,
    )
