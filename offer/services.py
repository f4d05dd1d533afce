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
    VersionState,
)
from people.models import Authority, LegalStatus, Role, User


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


def _check_editor(by: User) -> None:
    if by.role not in EDITOR_ROLES:
        raise OfferError("Only offer editors and managers can change the offer.")


def item_create(
    *,
    authority: Authority,
    slug: str,
    owner: User,
    review_by: dt.date,
    content: dict,
    by: User,
    change_note: str = "",
) -> OfferItem:
    """A new item with its first draft; nothing is public until a manager approves it."""
    _check_editor(by)
    if slug in RESERVED_SLUGS:
        raise OfferError("Choose another web address: that one is used by the offer's own pages.")
    try:
        with transaction.atomic(), set_actor(by):
            item = OfferItem.objects.create(
                authority=authority, slug=slug, owner=owner, review_by=review_by
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
    _check_editor(by)
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
    _check_editor(by)
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

    A manager approves version `number` as they read it, and never a version they wrote.
    """
    if by.role != Role.MANAGER:
        raise OfferError("Only a manager can approve changes to the offer.")
    with transaction.atomic(), set_actor(by):
        item = _lock(item)
        draft = _submitted(item, number)
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
    if by.role != Role.MANAGER:
        raise OfferError("Only a manager can send a draft back.")
    if not note.strip():
        raise OfferError("Say what needs changing, so the editor knows what to do.")
    with transaction.atomic(), set_actor(by):
        item = _lock(item)
        draft = _submitted(item, number)
        draft.state = VersionState.DRAFT
        draft.return_note = note.strip()
        draft.submitted_at = None
        draft.save(update_fields=["state", "return_note", "submitted_at"])
        return draft


def item_mark_reviewed(*, item: OfferItem, by: User, today: dt.date | None = None) -> OfferItem:
    """The owner checked the item and it is still right: move its review date on."""
    _check_editor(by)
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
