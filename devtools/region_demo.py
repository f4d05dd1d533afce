"""The demo's region: Northmoor and two neighbouring councils with offers and schemes of
their own, two shared regional items, and a Northmoor care leaver living in a neighbour's
area. Only what the region's pages need: the neighbours have staff for their offers, and
no young people of their own (so seed_demo stays quick)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Case, Count, When
from django.utils.text import slugify

from dashboard.regional import figures_make
from finance.demo import seed_neighbour_schemes
from offer import cache as public_pages
from offer.demo import seed_neighbour_offer, seed_regional_offer
from pathway.demo import place_out_of_area
from people.demo import DEMO_SLUG, sign_ins
from people.models import Authority, Region, Role, User, YoungPerson

# slug: (name, short name, duty line, scheme changes: code -> (pounds or None, age limit))
NEIGHBOURS = {
    "wolds": (
        "Wolds District Council",
        "Wolds",
        "01632 960 410",
        {
            "setting-up-home-allowance": (3500, 25),
            "driving-lessons": (800, 25),
            "christmas-gift": (None, 25),
        },
    ),
    "eastmarsh": (
        "Eastmarsh Borough Council",
        "Eastmarsh",
        "01632 960 520",
        {
            "higher-education-bursary": (2500, 25),
            "birthday-gift": (75, 25),
            "council-tax-exemption": (1800, 21),
            "driving-lessons": (None, 25),
        },
    ),
}


def seed_region(*, northmoor: Authority, today: dt.date, seed: int) -> Region:
    demo = sign_ins(northmoor)
    lead = User.objects.get(email=demo["Manager"])
    region = Region.objects.create(name="Moors and Marshes", slug="moors-and-marshes", lead=lead)
    northmoor.region = region
    northmoor.save(update_fields=["region"])
    for slug, (name, short, phone, schemes) in NEIGHBOURS.items():
        council = Authority.objects.create(
            name=name,
            slug=slug,
            region=region,
            duty_phone=phone,
            contact_email=f"leaving.care@{slug}.example.org",
        )
        for role, who in ((Role.MANAGER, "manager"), (Role.OFFER_EDITOR, "offer.editor")):
            person = User(
                email=f"{who}@{slug}.example.org",
                first_name=short,
                last_name=role.label,
                role=role,
                authority=council,
            )
            person.set_unusable_password()
            person.save()
        seed_neighbour_schemes(authority=council, today=today, changes=schemes)
        seed_neighbour_offer(authority=council, short_name=short, today=today, seed=seed)
    editor = User.objects.get(email=demo["Offer editor"])
    seed_regional_offer(region=region, editor=editor, today=today)
    care_leaver = YoungPerson.objects.get(user__email=demo["Care leaver"])
    place_out_of_area(person=care_leaver, area=Authority.objects.get(slug="wolds"), today=today)
    # Last night's figures, as the nightly task keeps them, for the regional dashboard.
    figures_make(region, today - dt.timedelta(days=1))
    return region


# A generated population's regions: councils in tens, as England's regions have about ten
# councils that work together. The first is the demo's region, with Northmoor in it.
REGION_SIZE = 10
REGION_NAMES = [
    "Moors and Marshes",
    "Vale and Coast",
    "Fells and Forest",
    "Downs and Rivers",
    "Heath and Harbour",
    "Dales and Estuary",
]


def seed_generated_regions(*, today: dt.date) -> list[Region]:
    """Put a generated population's councils that have no region (the demo's, then oldest
    first) in regions
    of REGION_SIZE, the newest region first while it has room; each new region led by its
    first council's manager, with the demo's regional items. The regions made."""
    # The demo council first, so that its manager (the demo sign-in) leads its region.
    loose = list(
        Authority.objects.filter(region__isnull=True).order_by(
            Case(When(slug=DEMO_SLUG, then=0), default=1), "pk"
        )
    )
    newest = Region.objects.annotate(size=Count("councils")).order_by("-pk").first()
    if newest is not None and newest.size < REGION_SIZE:
        room, loose = loose[: REGION_SIZE - newest.size], loose[REGION_SIZE - newest.size :]
        Authority.objects.filter(pk__in=[council.pk for council in room]).update(region=newest)
    made = []
    for start in range(0, len(loose), REGION_SIZE):
        members = loose[start : start + REGION_SIZE]
        number = Region.objects.count()
        name = REGION_NAMES[number % len(REGION_NAMES)]
        if number >= len(REGION_NAMES):
            name += f" {number // len(REGION_NAMES) + 1}"
        demo = sign_ins(members[0])
        region = Region.objects.create(
            name=name, slug=slugify(name), lead=User.objects.get(email=demo["Manager"])
        )
        Authority.objects.filter(pk__in=[council.pk for council in members]).update(region=region)
        editor = User.objects.get(email=demo["Offer editor"])
        seed_regional_offer(region=region, editor=editor, today=today)
        made.append(region)
    public_pages.clear()  # the councils' pages name their regions (`update` sends no signal)
    return made
