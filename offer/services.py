"""Writes to the local offer. Each is one transaction, under a row lock on the item.

An editor's save makes a new version (the old one is kept); a manager's approval
publishes it and retires the version the public saw before.
"""

from __future__ import annotations

import datetime as dt

from auditlog.context import set_actor
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from common.dates import add_months
from common.errors import DomainError
from offer import cache as public_pages
from offer.models import (
    CONTENT_FIELDS,
    RESERVED_SLUGS,
    Circumstance,
    OfferItem,
    OfferItemVersion,
    OfferSignOff,
    RegionalNote,
    VersionState,
)
from people.models import Authority, LegalStatus, Region, Role, User


class OfferError(DomainError):
    """A change to the offer that breaks a rule; the message is shown to the person."""


class StaleDraftError(OfferError):
    """Someone else saved a newer version after this form was opened."""


EDITOR_ROLES = (Role.OFFER_EDITOR, Role.MANAGER)


def review_date_after(day: dt.date, months: int | None = None) -> dt.date:
    """`day` moved on by the review interval, on the last day of a shorter month if need be."""
    return add_months(day, settings.OFFER_REVIEW_MONTHS if months is None else months)


def edit_token(item: OfferItem, latest: OfferItemVersion) -> str:
    """What an edit form was opened from: the newest version, the owner and the review date."""
    return f"{latest.number}:{item.owner_id}:{item.review_by.isoformat()}"


def _lock(item: OfferItem) -> OfferItem:
    return OfferItem.objects.select_for_update().get(pk=item.pk)


def _open_draft(item: OfferItem) -> OfferItemVersion | None:
    return item.versions.filter(state__in=(VersionState.DRAFT, VersionState.SUBMITTED)).first()


def _check_editor(by: User, item: OfferItem | None = None) -> None:
    """A council's items are its offer editors' and managers'; a regional item is also its
    region's lead's (being a lead gives no say over a council's own items)."""
    if item is not None and item.is_regional:
        if not may_write_regional(region=item.region, by=by):
            raise OfferError("Only the region's lead and its councils' editors write its items.")
    elif by.role not in EDITOR_ROLES:
        raise OfferError("Only offer editors and managers can change the offer.")


def may_write_regional(*, region: Region, by: User) -> bool:
    """The region's lead, or an offer editor or manager of one of its councils."""
    if region.lead_id == by.pk:
        return True
    return by.role in EDITOR_ROLES and region.councils.filter(pk=by.authority_id).exists()


def may_approve(*, item: OfferItem, by: User, author: User | None = None) -> bool:
    """A regional item is approved by its region's lead; a council's by its managers.

    No one approves a version they wrote, so a version the lead wrote (`author`) is
    approved by a manager of one of the region's councils instead."""
    if item.is_regional:
        region = Region.objects.filter(pk=item.region_id).first()
        if region is None:
            return False
        if author is not None and region.lead_id is not None and author.pk == region.lead_id:
            return (
                by.pk != author.pk
                and by.role == Role.MANAGER
                and region.councils.filter(pk=by.authority_id).exists()
            )
        return region.lead_id == by.pk
    return by.role == Role.MANAGER and by.authority_id == item.authority_id


def _check_approver(item: OfferItem, by: User, doing: str, author: User | None = None) -> None:
    if not may_approve(item=item, by=by, author=author):
        who = "the region's lead" if item.is_regional else "a manager"
        raise OfferError(f"Only {who} can {doing}.")


def _slug_taken_nearby(*, authority: Authority | None, region: Region | None, slug: str) -> bool:
    """Whether a council item and a regional item its offer shows would share an address."""
    if region is not None:
        return OfferItem.objects.filter(authority__region=region, slug=slug).exists()
    if authority is not None and authority.region_id is not None:
        return OfferItem.objects.filter(region_id=authority.region_id, slug=slug).exists()
    return False


def item_create(
    *,
    authority: Authority | None,
    slug: str,
    owner: User,
    review_by: dt.date,
    content: dict,
    by: User,
    change_note: str = "",
    region: Region | None = None,
) -> OfferItem:
    """A new item with its first draft; nothing is public until it is approved. With a
    `region` (and no authority) it is a regional item, for every council of the region."""
    if region is not None:
        if authority is not None or not may_write_regional(region=region, by=by):
            raise OfferError("Only the region's lead and its councils' editors write its items.")
    else:
        _check_editor(by)
    if slug in RESERVED_SLUGS:
        raise OfferError("Choose another web address: that one is used by the offer's own pages.")
    if _slug_taken_nearby(authority=authority, region=region, slug=slug):
        raise OfferError("Another item already uses that web address. Choose another.")
    try:
        with transaction.atomic(), set_actor(by):
            item = OfferItem.objects.create(
                authority=authority, region=region, slug=slug, owner=owner, review_by=review_by
            )
            _new_version(item, content, by=by, number=1, change_note=change_note)
    except IntegrityError as error:
        raise OfferError("Another item already uses that web address. Choose another.") from error
    return item


def _new_version(
    item: OfferItem, content: dict, *, by: User, number: int, change_note: str
) -> OfferItemVersion:
    fields = {name: content.get(name) for name in CONTENT_FIELDS}
    # Kept in the order the choices are listed, so lists read the same everywhere.
    for name, order in (
        ("legal_statuses", LegalStatus.values),
        ("circumstances", Circumstance.values),
    ):
        fields[name] = sorted(set(fields[name] or []), key=order.index)
    for name in ("provider_phone", "provider_email", "provider_website", "keywords"):
        fields[name] = fields[name] or ""
    if fields["amount_pence"] is None:
        fields["amount_period"] = ""
    return OfferItemVersion.objects.create(
        item=item,
        number=number,
        state=VersionState.DRAFT,
        created_by=by,
        change_note=change_note,
        **fields,
    )


def item_draft_save(
    *,
    item: OfferItem,
    content: dict,
    owner: User,
    review_by: dt.date,
    based_on: str,
    by: User,
    change_note: str = "",
) -> OfferItemVersion | None:
    """Save an edit as a new draft version, leaving the published one as it is.

    `based_on` is the `edit_token` the form was opened with: if anyone has saved a
    version, or changed the owner or review date since, the edit is refused rather
    than overwriting theirs. Returns the new draft, or None when only the owner or
    review date changed.
    """
    _check_editor(by, item)
    with transaction.atomic(), set_actor(by):
        item = _lock(item)
        latest = item.versions.order_by("-number").first()
        if edit_token(item, latest) != based_on:
            raise StaleDraftError(
                "Someone changed this item while you were editing it. Nothing you typed is "
                "saved yet: check it against the latest version, then save again."
            )
        if (item.owner_id, item.review_by) != (owner.pk, review_by):
            item.owner, item.review_by = owner, review_by
            item.save(update_fields=["owner", "review_by"])
        if _same_content(latest, content):
            return None
        draft = _open_draft(item)
        if draft is not None:
            draft.state = VersionState.SUPERSEDED
            draft.save(update_fields=["state"])
        number = item.versions.aggregate(Max("number"))["number__max"] + 1
        return _new_version(item, content, by=by, number=number, change_note=change_note)


def _same_content(version: OfferItemVersion, content: dict) -> bool:
    current = version.content()
    for name in CONTENT_FIELDS:
        saved, typed = current[name], content.get(name)
        if name in ("legal_statuses", "circumstances"):
            saved, typed = sorted(saved or []), sorted(typed or [])
        if (saved or None) != (typed or None):
            return False
    return True


def item_submit(*, item: OfferItem, by: User) -> OfferItemVersion:
    """Ask a manager to approve the item's draft."""
    _check_editor(by, item)
    with transaction.atomic(), set_actor(by):
        item = _lock(item)
        draft = _open_draft(item)
        if draft is None or draft.state != VersionState.DRAFT:
            raise OfferError("There is no draft of this item to send for approval.")
        draft.state = VersionState.SUBMITTED
        draft.submitted_at = timezone.now()
        draft.return_note = ""
        draft.save(update_fields=["state", "submitted_at", "return_note"])
        return draft


def _submitted(item: OfferItem, number: int) -> OfferItemVersion:
    """The version waiting for approval, if it is still the one (`number`) the manager read."""
    draft = _open_draft(item)
    if draft is None or draft.state != VersionState.SUBMITTED:
        raise OfferError("There is nothing waiting for approval on this item.")
    if draft.number != number:
        raise OfferError(
            "The item changed after you opened it. Read the latest version before you decide."
        )
    return draft


def item_approve(*, item: OfferItem, number: int, by: User) -> OfferItemVersion:
    """Publish the submitted draft; the version the public saw before is kept as history.

    A manager (the region's lead, for a regional item) approves version `number` as they
    read it, and never a version they wrote.
    """
    with transaction.atomic(), set_actor(by):
        item = _lock(item)
        draft = _submitted(item, number)
        _check_approver(item, by, "approve changes to this item", author=draft.created_by)
        if draft.created_by_id == by.pk:
            raise OfferError("You wrote this version, so another manager must approve it.")
        for old in item.versions.filter(state=VersionState.PUBLISHED):
            old.state = VersionState.SUPERSEDED
            old.save(update_fields=["state"])
        draft.state = VersionState.PUBLISHED
        draft.published_by = by
        draft.published_at = timezone.now()
        draft.save(update_fields=["state", "published_by", "published_at"])
        item.checked_on = timezone.localdate()
        item.save(update_fields=["checked_on"])
        public_pages.clear()
        return draft


def item_return(*, item: OfferItem, number: int, by: User, note: str) -> OfferItemVersion:
    """Send submitted version `number` back to its editor with what needs changing."""
    if not note.strip():
        raise OfferError("Say what needs changing, so the editor knows what to do.")
    with transaction.atomic(), set_actor(by):
        item = _lock(item)
        draft = _submitted(item, number)
        _check_approver(item, by, "send this draft back", author=draft.created_by)
        draft.state = VersionState.DRAFT
        draft.return_note = note.strip()
        draft.submitted_at = None
        draft.save(update_fields=["state", "return_note", "submitted_at"])
        return draft


def item_mark_reviewed(*, item: OfferItem, by: User, today: dt.date | None = None) -> OfferItem:
    """The owner checked the item and it is still right: move its review date on."""
    _check_editor(by, item)
    today = today or timezone.localdate()
    with transaction.atomic(), set_actor(by):
        item = _lock(item)
        item.review_by = review_date_after(today)
        item.checked_on = today
        item.save(update_fields=["review_by", "checked_on"])
        public_pages.clear()
        return item


def offer_sign_off(*, authority: Authority, by: User, note: str = "") -> OfferSignOff:
    """A manager signs off the offer as published now, recording exactly which versions."""
    if by.role != Role.MANAGER:
        raise OfferError("Only a manager can sign off the offer.")
    with transaction.atomic(), set_actor(by):
        # Locking the items waits for any approval under way, so none is half counted.
        list(OfferItem.objects.select_for_update().filter(authority=authority).values("pk"))
        # The council signs off its own items; its region's are the regional lead's to approve.
        published = list(
            OfferItemVersion.objects.filter(
                state=VersionState.PUBLISHED, item__authority=authority
            ).values_list("pk", flat=True)
        )
        if not published:
            raise OfferError("Nothing is published yet, so there is nothing to sign off.")
        sign_off = OfferSignOff.objects.create(authority=authority, signed_off_by=by, note=note)
        sign_off.versions.set(published)
        public_pages.clear()
        return sign_off


def local_note_save(*, item: OfferItem, authority: Authority, text: str, by: User) -> None:
    """A council's own words on a regional item, shown only on its offer; empty removes it.
    Its managers write it: they approve everything else their offer shows."""
    if by.role != Role.MANAGER:
        raise OfferError("Only your council's managers can change its local notes.")
    if not item.is_regional or authority.region_id != item.region_id:
        raise OfferError("A local note can only be added to a regional item of your region.")
    if by.authority_id != authority.pk:
        raise OfferError("Only your own council's note can be changed.")
    with transaction.atomic(), set_actor(by):
        text = text.strip()
        if text:
            RegionalNote.objects.update_or_create(
                item=item,
                authority=authority,
                defaults={"text": text, "updated_by": by, "updated_at": timezone.now()},
            )
        else:
            RegionalNote.objects.filter(item=item, authority=authority).delete()
        public_pages.clear()
