"""Reads of the local offer: the public pages, search, "what can I get?" and the editors' lists."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery
from django.http import Http404
from django.urls import reverse

from offer import eligibility, regional
from offer import search as offer_search
from offer.models import (
    OPEN_STATES,
    Category,
    OfferItem,
    OfferItemVersion,
    OfferSignOff,
    RegionalNote,
    VersionState,
)
from people.models import Authority, Region, Role, User, YoungPerson


def offer_authority(*, council: str | None = None, host: str = "") -> Authority | None:
    """The council whose offer a public page shows: the one in its address
    (/<council>/offer/), else the one whose own host name it was asked on, else
    OFFER_AUTHORITY or the only council. A council in the address that does not exist is
    404."""
    if council is not None:
        found = Authority.objects.select_related("region").filter(slug=council).first()
        if found is None:
            raise Http404("No such council")
        return found
    if host:
        found = Authority.objects.select_related("region").filter(offer_host=host.lower()).first()
        if found is not None:
            return found
    return public_authority()


def public_authority() -> Authority | None:
    """The council whose offer the public pages show: OFFER_AUTHORITY, or the only one."""
    if settings.OFFER_AUTHORITY:
        return Authority.objects.filter(slug=settings.OFFER_AUTHORITY).first()
    authorities = list(Authority.objects.order_by("pk")[:2])
    if len(authorities) > 1:
        raise ImproperlyConfigured(
            "This database holds more than one council: set OFFER_AUTHORITY to the slug of "
            "the one whose local offer /offer/ shows."
        )
    return authorities[0] if authorities else None


def _offered_by(authority: Authority | None, prefix: str = "") -> Q:
    """Items a council's offer shows: its own, and its region's."""
    own = Q(**{f"{prefix}item__authority": authority})
    if authority is not None and authority.region_id is not None:
        return own | Q(**{f"{prefix}item__region_id": authority.region_id})
    return own


def published_versions(authority: Authority | None) -> QuerySet[OfferItemVersion]:
    """What the public may read: one approved version per item, never a draft; a council's
    own items and its region's."""
    return OfferItemVersion.objects.filter(
        _offered_by(authority), state=VersionState.PUBLISHED
    ).select_related("item", "category")


def own_published_versions(authority: Authority | None) -> QuerySet[OfferItemVersion]:
    """The council's own published items, without its region's (what its manager signs off)."""
    return published_versions(authority).filter(item__authority=authority)


def categories_with_counts(authority: Authority | None) -> QuerySet[Category]:
    published = Q(versions__state=VersionState.PUBLISHED) & _offered_by(authority, "versions__")
    return Category.objects.annotate(item_count=Count("versions", filter=published))


def areas_without_published_items(authority: Authority | None) -> list[Category]:
    """The offer's areas (each one the law asks the offer to cover) with nothing published."""
    return list(categories_with_counts(authority).filter(item_count=0).order_by("position"))


def category_for_slug(slug: str) -> Category:
    category = Category.objects.filter(slug=slug).first()
    if category is None:
        raise Http404("No such category")
    return category


def category_items(authority: Authority | None, category: Category) -> QuerySet[OfferItemVersion]:
    return published_versions(authority).filter(category=category).order_by("title")


def published_item(authority: Authority | None, slug: str) -> OfferItemVersion:
    # A council's own item comes before a regional one with the same address.
    version = (
        published_versions(authority)
        .select_related("item__region")
        .filter(item__slug=slug)
        .order_by(F("item__region_id").asc(nulls_first=True))
        .first()
    )
    if version is None:
        raise Http404("No such item")
    return version


def search(authority: Authority | None, text: str) -> offer_search.SearchResults:
    """Published items for `text`, best first, with their number (offer/search.py)."""
    return offer_search.ranked(published_versions(authority), text)


def published_by_category(authority: Authority | None) -> list[OfferItemVersion]:
    return list(published_versions(authority).order_by("category__position", "title"))


def eligible_items(
    authority: Authority | None, person: eligibility.Person, source: str = eligibility.SAID
) -> list:
    """Published items whose rules hold for `person`, by category, each with its reasons.

    Worked out in Python from the council's published items: nothing about the person is
    kept."""
    return [
        (version, eligibility.reasons(version, person, source))
        for version in published_by_category(authority)
        if eligibility.rules_hold(version, person)
    ]


def items_for_young_person(person: YoungPerson, today: dt.date) -> list:
    """What a young person's own record makes them eligible for ("your offer"), from their
    council's offer (its own items and its region's)."""
    profile = eligibility.person_from_record(person, today)
    return eligible_items(person.authority, profile, source=eligibility.ON_RECORD)


def offer_address_council(authority: Authority) -> str | None:
    """The slug to put in links to this council's public offer, or None when today's
    /offer/ addresses show it (OFFER_AUTHORITY, or the only council)."""
    if settings.OFFER_AUTHORITY:
        return None if authority.slug == settings.OFFER_AUTHORITY else authority.slug
    return None if not Authority.objects.exclude(pk=authority.pk).exists() else authority.slug


def my_offer_context(person: YoungPerson, today: dt.date) -> dict:
    """The /my/ panel: "your offer", linked to the council's own offer pages."""
    return {
        "offer": items_for_young_person(person, today),
        "offer_council": offer_address_council(person.authority),
    }


def local_note(item: OfferItem, authority: Authority | None) -> RegionalNote | None:
    """A council's own note on a regional item, for its offer only."""
    if not item.is_regional or authority is None:
        return None
    return RegionalNote.objects.filter(item=item, authority=authority).first()


def council_offer_url(council: Authority) -> str:
    """A council's public offer: at its own host name if it has one, else under this portal
    (today's /offer/ when that is this council's)."""
    if council.offer_host:
        return f"https://{council.offer_host}{reverse('offer:home')}"
    slug = offer_address_council(council)
    return reverse("council_offer:home", args=[slug]) if slug else reverse("offer:home")


def who_pays(home: Authority, area: Authority) -> list[regional.WhoPays]:
    """For a young person of `home` living in `area`'s area: who gives them what."""
    return regional.who_pays(home, area)


def region_for_slug(slug: str) -> Region:
    region = Region.objects.filter(slug=slug).first()
    if region is None:
        raise Http404("No such region")
    return region


def region_councils(region: Region) -> list[Authority]:
    return list(region.councils.order_by("name"))


def regional_published(region: Region) -> QuerySet[OfferItemVersion]:
    return OfferItemVersion.objects.filter(state=VersionState.PUBLISHED, item__region=region)


def categories() -> QuerySet[Category]:
    return Category.objects.order_by("position", "name")


def latest_sign_off(authority: Authority | None) -> OfferSignOff | None:
    return (
        OfferSignOff.objects.filter(authority=authority)
        .select_related("signed_off_by")
        .order_by("-signed_off_at")
        .first()
    )


# --- For editors and managers -----------------------------------------------------------


def _latest_version() -> QuerySet[OfferItemVersion]:
    return OfferItemVersion.objects.filter(item=OuterRef("pk")).order_by("-number")


def items_for_editors(authority: Authority | None) -> QuerySet[OfferItem]:
    """Every item with its newest title and whether it has a draft, a submission or is live."""
    return _for_editors(OfferItem.objects.filter(authority=authority).select_related("owner"))


def _for_editors(items: QuerySet[OfferItem]) -> QuerySet[OfferItem]:
    """Items with their newest title and area, and whether they are open or live."""
    versions = OfferItemVersion.objects.filter(item=OuterRef("pk"))
    return items.annotate(
        title=Subquery(_latest_version().values("title")[:1]),
        category_name=Subquery(_latest_version().values("category__name")[:1]),
        open_state=Subquery(versions.filter(state__in=OPEN_STATES).values("state")[:1]),
        is_published=Exists(versions.filter(state=VersionState.PUBLISHED)),
    ).order_by("title")


def stale_items(authority: Authority | None, today: dt.date) -> QuerySet[OfferItem]:
    return items_for_editors(authority).filter(review_by__lt=today).order_by("review_by", "title")


def regional_items_for(user: User) -> QuerySet[OfferItem]:
    """The regional items a member of staff may write or approve: their council's region's,
    and those of any region they lead."""
    regions = Q(region__lead=user)
    if user.authority_id is not None:
        regions |= Q(region__councils=user.authority_id)
    return _for_editors(
        OfferItem.objects.filter(regions).distinct().select_related("owner", "region")
    )


def item_for_user(user: User, pk: int) -> OfferItem:
    """An item a member of staff may work on: their council's, or a regional one of their
    region (or a region they lead); anything else is 404."""
    item = None
    if user.role in (Role.OFFER_EDITOR, Role.MANAGER):  # a lead of another role: regional only
        item = item_for_editor(user.authority, pk, missing_ok=True)
    if item is None:
        item = regional_items_for(user).filter(pk=pk).first()
    if item is None:
        raise Http404("No such item")
    return item


def regions_writable_by(user: User) -> list[Region]:
    """The regions whose shared items this person may write."""
    mine = Q(lead=user)
    if user.authority_id is not None:
        mine |= Q(councils=user.authority_id)
    return list(Region.objects.filter(mine).distinct())


def item_for_editor(authority: Authority | None, pk: int, missing_ok: bool = False):
    item = OfferItem.objects.filter(authority=authority, pk=pk).select_related("owner").first()
    if item is None and not missing_ok:
        raise Http404("No such item")
    return item


def item_versions(item: OfferItem) -> QuerySet[OfferItemVersion]:
    return item.versions.select_related("category", "created_by", "published_by", "scheme")


def latest_version(item: OfferItem) -> OfferItemVersion:
    return item_versions(item).order_by("-number").first()


def is_in_sign_off(version: OfferItemVersion, sign_off: OfferSignOff | None) -> bool:
    """Whether the manager's last sign-off covered this very version."""
    return sign_off is not None and sign_off.versions.filter(pk=version.pk).exists()


def changes_since_sign_off(authority: Authority | None, sign_off: OfferSignOff | None) -> int:
    """How many published items are not as they were when the offer was last signed off."""
    published = own_published_versions(authority)
    if sign_off is None:
        return published.count()
    return published.exclude(sign_offs=sign_off).count()


def stale_by_month(authority: Authority | None, days: list[dt.date]) -> list[int]:
    """Items past their review date at each day, in one query (from today's review dates:
    earlier review dates are not kept, so months further back may count too few)."""
    counts = OfferItem.objects.filter(authority=authority).aggregate(
        **{
            f"m{index}": Count("pk", filter=Q(review_by__lt=day, created_at__date__lte=day))
            for index, day in enumerate(days)
        }
    )
    return [counts[f"m{index}"] for index in range(len(days))]
