"""Local offer pages: public ones anyone can read, and the editors' and managers' pages."""

from __future__ import annotations

from itertools import groupby
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from rules.contrib.views import permission_required

from common.confirm import confirmed
from common.errors import form_error
from common.paging import Paginator
from offer import eligibility, providers, selectors, services
from offer import search as offer_search
from offer.cache import public_page
from offer.compare import compare_versions
from offer.forms import (
    CheckerForm,
    ItemForm,
    LocalNoteForm,
    ReturnForm,
    SignOffForm,
    VersionNumberForm,
)
from offer.models import Category, VersionState
from people.models import Role
from people.views import confirm_page

SEARCH_PAGE_SIZE = 20
CHANGE_ANSWERS = "change"
MANAGE_PAGE_SIZE = 50


def _public_context(request, council: str | None) -> tuple:
    """The council whose offer this is, and what every public page of it shows."""
    authority = selectors.offer_authority(council=council, host=request.get_host())
    context = {
        "sign_off": selectors.latest_sign_off(authority),
        "offer_council": council,
        "offer_authority": authority,
    }
    return authority, context


@require_GET
@public_page
def home(request, council: str | None = None):
    authority, public = _public_context(request, council)
    context = {
        "categories": selectors.categories_with_counts(authority),
        "sessions": providers.upcoming_sessions(authority.pk) if authority else [],
        **public,
    }
    return render(request, "offer/home.html", context)


@require_GET
@public_page
def category(request, slug: str, council: str | None = None):
    authority, public = _public_context(request, council)
    chosen = selectors.category_for_slug(slug)
    context = {
        "category": chosen,
        "items": selectors.category_items(authority, chosen),
        **public,
    }
    return render(request, "offer/category.html", context)


@require_GET
@public_page
def item_detail(request, slug: str, council: str | None = None):
    authority, public = _public_context(request, council)
    version = selectors.published_item(authority, slug)
    context = {
        "version": version,
        "who_for": eligibility.who_it_is_for(version),
        "provider": providers.provider_for(version),
        "in_sign_off": version.item.is_regional
        or selectors.is_in_sign_off(version, public["sign_off"]),
        "local_note": selectors.local_note(version.item, authority),
        **public,
    }
    return render(request, "offer/item_detail.html", context)


@require_GET
@public_page
def search(request, council: str | None = None):
    authority, public = _public_context(request, council)
    text = request.GET.get("q", "").strip()[:200]
    page = None
    if offer_search.search_words(text):
        results = selectors.search(authority, text)
        paginator = Paginator(results.versions, SEARCH_PAGE_SIZE, count=results.count)
        page = paginator.get_page(request.GET.get("page"))
    context = {
        "q": text,
        "q_query": urlencode({"q": text}),
        "page": page,
        # Sent, but with no words in it (nothing, or only spaces and symbols).
        "no_words": page is None and "q" in request.GET,
        **public,
    }
    return render(request, "offer/search.html", context)


@never_cache
@csrf_exempt
@require_http_methods(["GET", "POST"])
@public_page
def check(request, council: str | None = None):
    """The "what can I get?" questions. POSTed, so nothing said here is kept in a URL.

    It changes nothing and knows nobody, so it needs no CSRF token, and without one its
    empty form can be shared from the cache like the other public pages. The answers are
    never kept (offer/cache.py keeps only GETs)."""
    authority, public = _public_context(request, council)
    form = CheckerForm(request.POST or None)
    context = {"form": form, "results": None, **public}
    # "Change my answers" sends the answers back in hidden fields: the form, filled in.
    changing = CHANGE_ANSWERS in request.POST
    if request.method == "POST" and not changing and form.is_valid():
        found = selectors.eligible_items(authority, form.person())
        context.update(results=_checker_groups(found), found=len(found), answers=form.answers())
    return render(request, "offer/check.html", context)


def _checker_groups(found: list) -> list[tuple[Category, list]]:
    """(category, [(version, why)]) for the answer page; items come in category order."""
    return [
        (category, [(version, " ".join(why)) for version, why in items])
        for category, items in groupby(found, key=lambda pair: pair[0].category)
    ]


# --- Editors and managers -----------------------------------------------------------


def _item(request, pk: int):
    return selectors.item_for_user(request.user, pk)


@login_required
@permission_required("offer.manage_offer", raise_exception=True)
@require_GET
def manage(request):
    authority = request.user.authority
    items = selectors.items_for_editors(authority)
    sign_off = selectors.latest_sign_off(authority)
    stale = selectors.stale_items(authority, timezone.localdate())
    context = {
        "stale": stale,
        "stale_mine": sum(1 for item in stale if item.owner_id == request.user.pk),
        "waiting": items.filter(open_state=VersionState.SUBMITTED),
        "drafts": items.filter(open_state=VersionState.DRAFT),
        "page": Paginator(items, MANAGE_PAGE_SIZE).get_page(request.GET.get("page")),
        "sign_off": sign_off,
        "changes_since_sign_off": selectors.changes_since_sign_off(authority, sign_off),
        "regional": selectors.regional_items_for(request.user),
        "regions": selectors.regions_writable_by(request.user),
    }
    return render(request, "offer/manage.html", context)


@login_required
@permission_required("offer.manage_offer", raise_exception=True)
@require_http_methods(["GET", "POST"])
def item_create(request):
    return _create(request, authority=request.user.authority, region=None)


@login_required
@permission_required("offer.manage_offer", raise_exception=True)
@require_http_methods(["GET", "POST"])
def regional_item_create(request, region: str):
    """A regional item: written once, shown on every member council's offer once its
    region's lead approves it."""
    chosen = {r.slug: r for r in selectors.regions_writable_by(request.user)}.get(region)
    if chosen is None:
        raise Http404("No such region")
    return _create(request, authority=None, region=chosen)


def _create(request, *, authority, region):
    initial = {
        "owner": request.user.pk,
        "review_by": services.review_date_after(timezone.localdate()),
    }
    form = ItemForm(
        request.POST or None, authority=authority, region=region, is_new=True, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            item = services.item_create(
                authority=authority,
                region=region,
                slug=form.cleaned_data["slug"],
                owner=form.cleaned_data["owner"],
                review_by=form.cleaned_data["review_by"],
                content=form.content(),
                change_note=form.cleaned_data["change_note"],
                by=request.user,
            )
        except services.OfferError as error:
            form_error(form, error, "slug")
        else:
            messages.success(request, "The draft is saved. Check it, then send it for approval.")
            return redirect("offer:item-preview", pk=item.pk)
    return render(request, "offer/item_form.html", {"form": form, "item": None, "region": region})


@login_required
@permission_required("offer.manage_offer", raise_exception=True)
@require_http_methods(["GET", "POST"])
def item_edit(request, pk: int):
    item = _item(request, pk)
    latest = selectors.latest_version(item)
    initial = {
        "owner": item.owner_id,
        "review_by": item.review_by,
        "based_on": services.edit_token(item, latest),
    }
    form = ItemForm(
        request.POST or None,
        instance=latest,
        authority=item.authority,
        region=item.region,
        is_new=False,
        initial=initial,
    )
    context = {"item": item, "latest": latest}
    if request.method == "POST" and form.is_valid():
        try:
            draft = services.item_draft_save(
                item=item,
                content=form.content(),
                owner=form.cleaned_data["owner"],
                review_by=form.cleaned_data["review_by"],
                based_on=form.cleaned_data["based_on"],
                change_note=form.cleaned_data["change_note"],
                by=request.user,
            )
        except services.StaleDraftError as error:
            # Keep what they typed, point to what changed, and carry the new state so that
            # saving again is a choice made knowing both.
            opened = form.cleaned_data["based_on"].partition(":")[0]
            item.refresh_from_db()
            current = selectors.latest_version(item)
            data = request.POST.copy()
            data["based_on"] = services.edit_token(item, current)
            form = ItemForm(
                data,
                instance=current,
                authority=item.authority,
                region=item.region,
                is_new=False,
                initial=initial,
            )
            form.is_valid()
            context.update(
                stale=str(error),
                latest=current,
                opened_number=int(opened) if opened.isdigit() else current.number,
            )
            return render(request, "offer/item_form.html", {"form": form, **context}, status=409)
        if draft is None:
            messages.success(request, "The owner and review date are saved.")
        elif latest.state == VersionState.SUBMITTED:
            messages.success(
                request,
                "Your change is saved as a new draft. It replaces the one that was waiting "
                "for approval, so send it for approval again when it is ready.",
            )
        else:
            messages.success(request, "The draft is saved. The public page has not changed yet.")
        return redirect("offer:item-preview", pk=item.pk)
    return render(request, "offer/item_form.html", {"form": form, **context})


def _preview_context(request, item, return_form=None) -> dict:
    version = selectors.latest_version(item)
    return {
        "item": item,
        "version": version,
        "who_for": eligibility.who_it_is_for(version),
        "provider": providers.provider_for(version),
        "is_live": item.versions.filter(state=VersionState.PUBLISHED).exists(),
        "return_form": return_form
        or ReturnForm(
            action=reverse("offer:item-return", args=[item.pk]),
            initial={"number": version.number},
        ),
        "can_approve": services.may_approve(item=item, by=request.user, author=version.created_by),
        "note_form": _note_form(request, item),
    }


def _note_form(request, item, data=None):
    """The council's local note on a regional item of its region, or None."""
    authority = request.user.authority
    if not item.is_regional or authority is None or authority.region_id != item.region_id:
        return None
    if request.user.role != Role.MANAGER:  # they approve what the council's offer shows
        return None
    note = selectors.local_note(item, authority)
    return LocalNoteForm(
        data,
        action=reverse("offer:item-note", args=[item.pk]),
        initial={"text": note.text if note else ""},
    )


@login_required
@permission_required("offer.manage_offer", raise_exception=True)
@require_GET
def item_preview(request, pk: int):
    """The newest version as the public would see it, with what can be done next."""
    item = _item(request, pk)
    return render(request, "offer/item_preview.html", _preview_context(request, item))


def _posted_number(request) -> int:
    """The version number a manager's decision is about, as the page they read showed it."""
    form = VersionNumberForm(request.POST)
    return form.cleaned_data["number"] if form.is_valid() else 0


def _act(request, pk: int, action, done: str):
    item = _item(request, pk)
    try:
        action(item)
    except services.OfferError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, done)
    return redirect("offer:item-preview", pk=item.pk)


@login_required
@permission_required("offer.manage_offer", raise_exception=True)
@require_POST
def item_submit(request, pk: int):
    return _act(
        request,
        pk,
        lambda item: services.item_submit(item=item, by=request.user),
        "Sent for approval. A manager will check it.",
    )


@login_required
@permission_required("offer.approve_offer", raise_exception=True)
@require_http_methods(["GET", "POST"])
def item_approve(request, pk: int):
    """What approving publishes: the changes from the version the public sees now. Only
    this page's button approves, and only the version it showed (its number)."""
    if request.method == "POST" and confirmed(request.POST):
        return _act(
            request,
            pk,
            lambda item: services.item_approve(
                item=item, number=_posted_number(request), by=request.user
            ),
            "Approved. The public page now shows this version.",
        )
    item = _item(request, pk)
    version = selectors.latest_version(item)
    if version.state != VersionState.SUBMITTED:
        messages.info(request, "There is nothing waiting for approval on this item.")
        return redirect("offer:item-preview", pk=item.pk)
    live = selectors.item_versions(item).filter(state=VersionState.PUBLISHED).first()
    return confirm_page(
        request,
        title=f"Approve and publish version {version.number}",
        back=reverse("offer:item-preview", args=[item.pk]),
        caption=version.title,
        summary="offer/_approve_summary.html",
        version=version,
        live=live,
        changes=compare_versions(live, version) if live else None,
        seen=str(version.number),
        carry=[("number", version.number)],
        button="Approve and publish",
        warning="The public page changes as soon as you approve.",
    )


@login_required
@permission_required("offer.approve_offer", raise_exception=True)
@require_POST
def item_return(request, pk: int):
    item = _item(request, pk)
    form = ReturnForm(request.POST, action=reverse("offer:item-return", args=[item.pk]))
    if form.is_valid():
        return _act(
            request,
            pk,
            lambda item: services.item_return(
                item=item,
                number=_posted_number(request),
                by=request.user,
                note=form.cleaned_data["note"],
            ),
            "Sent back to the editor with your note.",
        )
    context = _preview_context(request, item, return_form=form)
    return render(request, "offer/item_preview.html", context, status=400)


@login_required
@permission_required("offer.manage_offer", raise_exception=True)
@require_POST
def item_reviewed(request, pk: int):
    return _act(
        request,
        pk,
        lambda item: services.item_mark_reviewed(item=item, by=request.user),
        "Marked as checked. The next review date has moved on.",
    )


@login_required
@permission_required("offer.sign_off_offer", raise_exception=True)  # a council's managers
@require_POST
def item_note(request, pk: int):
    """Save the council's local note on a regional item (shown only on its own offer)."""
    item = _item(request, pk)
    form = _note_form(request, item, request.POST)
    if form is None:
        raise Http404("No local note here")
    if form.is_valid():
        return _act(
            request,
            pk,
            lambda item: services.local_note_save(
                item=item,
                authority=request.user.authority,
                text=form.cleaned_data["text"],
                by=request.user,
            ),
            "Your council's note is saved. It shows only on your council's offer.",
        )
    context = _preview_context(request, item)
    context["note_form"] = form
    return render(request, "offer/item_preview.html", context, status=400)


@login_required
@permission_required("offer.manage_offer", raise_exception=True)
@require_GET
def item_history(request, pk: int):
    item = _item(request, pk)
    versions = list(selectors.item_versions(item).order_by("-number"))
    return render(request, "offer/item_history.html", {"item": item, "versions": versions})


@login_required
@permission_required("offer.manage_offer", raise_exception=True)
@require_GET
def item_compare(request, pk: int):
    item = _item(request, pk)
    versions = {v.number: v for v in selectors.item_versions(item)}
    try:
        new = versions[int(request.GET.get("to", max(versions)))]
        old = versions[int(request.GET.get("from", new.number - 1))]
    except (KeyError, ValueError) as error:
        raise Http404("No such version") from error
    context = {"item": item, "old": old, "new": new, "changes": compare_versions(old, new)}
    return render(request, "offer/item_compare.html", context)


@login_required
@permission_required("offer.sign_off_offer", raise_exception=True)
@require_http_methods(["GET", "POST"])
def sign_off(request):
    authority = request.user.authority
    form = SignOffForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.offer_sign_off(
                authority=authority, by=request.user, note=form.cleaned_data["note"]
            )
        except services.OfferError as error:
            form_error(form, error, None)
        else:
            messages.success(request, "You have signed off the local offer as it is published now.")
            return redirect("offer:manage")
    latest = selectors.latest_sign_off(authority)
    items = selectors.items_for_editors(authority)
    context = {
        "form": form,
        "sign_off": latest,
        "changes_since_sign_off": selectors.changes_since_sign_off(authority, latest),
        "published_count": selectors.own_published_versions(authority).count(),
        "waiting_count": items.filter(open_state=VersionState.SUBMITTED).count(),
        "stale_count": selectors.stale_items(authority, timezone.localdate()).count(),
        "empty_areas": selectors.areas_without_published_items(authority),
    }
    return render(request, "offer/sign_off.html", context)
