"""People pages: thin views that parse, authorize, call a selector or service, render."""

from __future__ import annotations

from allauth.account.internal.flows.login import record_authentication
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import Http404, HttpResponse, HttpResponseForbidden, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from rules.contrib.views import permission_required

from common.confirm import confirmed
from common.errors import form_error
from common.paging import Paginator
from common.phones import uk_mobile
from people import selectors, services
from people.audit import record_access
from people.forms import (
    AllocationForm,
    InvitationForm,
    LeavingForm,
    SearchForm,
    SetPasswordForm,
    YoungPersonForm,
)
from people.models import Role
from people.panels import PROFILE, render_my_panels, render_panels
from people.setup_links import (
    LINK_DAYS,
    SET_UP_LINK_SESSION_KEY,
    SET_UP_SESSION_KEY,
    user_for_link,
)

PAGE_SIZE = 25


@require_GET
def home(request):
    """Send each person to where they start; show the front page to everyone else."""
    user = request.user
    if user.is_authenticated:
        start = {
            Role.CARE_LEAVER: "portal:my-home",
            Role.PA: "pathway:caseload",
            Role.MANAGER: "portal:team",
            # An editor starts where the items past their review date are listed.
            Role.OFFER_EDITOR: "offer:manage",
            # A partner worker starts at the referrals sent to their service.
            Role.PARTNER: "partners:worker-home",
        }.get(user.role, "portal:staff-home")
        return redirect(start)
    return render(request, "portal/home.html")


@require_GET
def health(request):
    """For load balancers: answers only when the database does."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def csrf_failure(request, reason: str = ""):
    """A form sent without its page's token (settings.CSRF_FAILURE_VIEW): usually a page left
    open too long. Drawn without the person or what they sent; Django logs the reason."""
    return HttpResponseForbidden(render_to_string("403_csrf.html"))


@login_required
@require_GET
def staff_home(request):
    if not request.user.is_staff_role:
        raise PermissionDenied
    return render(request, "portal/staff_home.html")


def form_page(request, form, *, title: str, back: str, caption: str = "", status=200, **extra):
    """The one page a simple form uses: back link, caption, heading, intro, the form.

    `stale` and `clashes` (label, saved, typed) show a refused out-of-date save.
    """
    context = {"form": form, "title": title, "back": back, "caption": caption, **extra}
    return render(request, "form_page.html", context, status=status)


def own_record_or_404(request):
    """The signed-in care leaver's own record, or 404 while their account is not linked."""
    person = selectors.own_record(request.user)
    if person is None:
        raise Http404("No record linked to this account")
    return person


def confirm_page(
    request,
    *,
    title: str,
    back: str,
    summary: str,
    seen: str | None,
    button: str,
    status: int = 200,
    **extra,
):
    """The one page that confirms an irreversible step (see `common.confirm`): the summary
    template `summary`, then a button posting `seen` (no button when `seen` is None)."""
    context = {"title": title, "back": back, "summary": summary, "seen": seen, "button": button}
    return render(request, "confirm_page.html", context | extra, status=status)


def young_person_read(request, pk: int, perm: str):
    """The young person if this user may see them and `perm` allows it; the read is audited."""
    person = selectors.young_person_for_user(request.user, pk)
    if not request.user.has_perm(perm, person):
        raise PermissionDenied
    record_access(person)
    return person


def _search_key(request) -> str:
    return f"search:{request.resolver_match.url_name}"


def remember_search(request):
    """Keep a name search in the session, not the URL, so no name reaches logs or history."""
    form = SearchForm(request.POST)
    request.session[_search_key(request)] = form.cleaned_data["q"] if form.is_valid() else ""
    return redirect(request.path)


def remembered_search(request) -> str:
    """The name search kept by `remember_search` for this page, unless the person cleared it."""
    if "clear" in request.GET:
        request.session.pop(_search_key(request), None)
    return request.session.get(_search_key(request), "")


def _searched_page(request, select) -> dict:
    """The search form, and the page of `select(user, search=...)` for the remembered search."""
    search = remembered_search(request)
    form = SearchForm(initial={"q": search})
    people = select(request.user, search=search)
    page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
    return {"form": form, "page": page, "search": search}


@login_required
@require_GET
@never_cache
def young_person_detail(request, pk: int):
    person = young_person_read(request, pk, "portal.view_young_person")
    today = timezone.localdate()
    context = {
        "person": person,
        "current": selectors.current_allocation(person),
        "allocations": person.allocations.all(),
        "can_invite": request.user.has_perm("portal.invite_young_person", person),
        "can_change": request.user.has_perm("portal.change_young_person", person),
        "can_allocate": request.user.has_perm("portal.allocate"),
        "can_make_pack": request.user.has_perm("portal.make_subject_access_pack", person),
        "panels": render_panels(PROFILE, request, person, today),
    }
    return render(request, "portal/young_person_detail.html", context)


@login_required
@permission_required("portal.add_young_person", raise_exception=True)
@require_http_methods(["GET", "POST"])
def young_person_create(request):
    form = YoungPersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person = services.young_person_create(
            authority_id=request.user.authority_id, details=form.cleaned_data, by=request.user
        )
        messages.success(request, f"{person.full_name} has been added. Now allocate a PA.")
        return redirect("portal:allocation-create", pk=person.pk)
    return render(request, "portal/young_person_form.html", {"form": form, "person": None})


@login_required
@require_http_methods(["GET", "POST"])
def young_person_edit(request, pk: int):
    person = young_person_read(request, pk, "portal.change_young_person")
    form = YoungPersonForm(request.POST or None, instance=person)
    if request.method == "POST" and form.is_valid():
        try:
            services.young_person_update(
                person=person,
                details=form.cleaned_data,
                version=form.cleaned_data["version"],
                by=request.user,
            )
        except services.StaleEditError as error:
            # Keep what they typed, show what the other person saved, and carry the new
            # version so that saving again is a choice made knowing both.
            person.refresh_from_db()
            clashes = form.clashes_with(person)
            data = request.POST.copy()
            data["version"] = person.updated_at.isoformat()
            context = {
                "form": YoungPersonForm(data, instance=person),
                "person": person,
                "stale": str(error),
                "clashes": clashes,
            }
            return render(request, "portal/young_person_form.html", context, status=409)
        messages.success(request, f"{person.full_name}'s details are saved.")
        return redirect(person.get_absolute_url())
    return render(request, "portal/young_person_form.html", {"form": form, "person": person})


@login_required
@permission_required("portal.view_team", raise_exception=True)
@require_http_methods(["GET", "POST"])
def team(request):
    if request.method == "POST":
        return remember_search(request)
    context = _searched_page(request, selectors.team_young_people)
    context["teams"] = selectors.teams_for_manager(request.user)
    return render(request, "portal/team.html", context)


@login_required
@permission_required("portal.allocate", raise_exception=True)
@require_http_methods(["GET", "POST"])
def allocation_create(request, pk: int):
    person = young_person_read(request, pk, "portal.view_young_person")
    current = selectors.current_allocation(person)
    pas = selectors.pas_for_manager(request.user)
    form = AllocationForm(request.POST or None, pas=pas)
    if request.method == "POST" and form.is_valid():
        try:
            allocation = services.allocation_change(
                young_person=person, pa=form.cleaned_data["pa"], by=request.user
            )
        except services.AllocationError as error:
            form_error(form, error, "pa")
        else:
            messages.success(request, f"{person.full_name} is now allocated to {allocation.pa}.")
            return redirect(person.get_absolute_url())
    return render(
        request, "portal/allocation_form.html", {"person": person, "current": current, "form": form}
    )


@login_required
@require_http_methods(["GET", "POST"])
def invitation_create(request, pk: int):
    person = young_person_read(request, pk, "portal.invite_young_person")
    mobile = person.phone if settings.TEXTS_ENABLED and uk_mobile(person.phone) else ""
    form = InvitationForm(request.POST or None, initial={"email": person.email}, mobile=mobile)
    if request.method == "POST" and form.is_valid():
        try:
            services.invitation_create(
                young_person=person,
                email=form.cleaned_data["email"],
                by=request.user,
                by_text=form.by_text,
            )
        except services.InvitationError as error:
            form_error(form, error, "send_by" if form.by_text else "email")
        else:
            how = "texted" if form.by_text else "sent"
            messages.success(
                request, f"We have {how} {person.known_as} a link to make their account."
            )
            return redirect(person.get_absolute_url())
    return render(request, "portal/invitation_form.html", {"person": person, "form": form})


INVITATION_SESSION_KEY = "invitation_token"


@never_cache
@require_GET
def invitation_open(request, token: str):
    """The emailed link: keep its secret in the session and continue on a URL without it."""
    if request.user.is_authenticated:
        messages.info(request, "You are already signed in.")
        return redirect("portal:home")
    try:
        services.invitation_for_token(token)
    except services.InvitationError as error:
        return render(request, "portal/invitation_invalid.html", {"reason": str(error)}, status=410)
    request.session[INVITATION_SESSION_KEY] = token
    return redirect("portal:invitation-accept")


@never_cache
@require_http_methods(["GET", "POST"])
def invitation_accept(request):
    if request.user.is_authenticated:
        messages.info(request, "You are already signed in.")
        return redirect("portal:home")
    token = request.session.get(INVITATION_SESSION_KEY, "")
    try:
        invitation = services.invitation_for_token(token)
    except services.InvitationError as error:
        return render(request, "portal/invitation_invalid.html", {"reason": str(error)}, status=410)
    form = SetPasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.invitation_accept(token=token, password=form.cleaned_data["password1"])
        except services.InvitationError as error:
            form_error(form, error, "password1")
        else:
            request.session.pop(INVITATION_SESSION_KEY, None)
            messages.success(
                request, "Your account is ready. Sign in with your email address and password."
            )
            return redirect("account_login")
    return render(
        request, "portal/invitation_accept.html", {"invitation": invitation, "form": form}
    )


LINK_GONE = (
    "The link has run out or was used already. Ask your administrator to send you a new one."
)


@never_cache
@require_GET
def staff_set_up_open(request, uidb64: str, token: str):
    """The emailed set-up link: keep its parts in the session, continue on a URL without them."""
    if user_for_link(uidb64, token) is None:
        return render(request, "portal/invitation_invalid.html", {"reason": LINK_GONE}, status=410)
    request.session[SET_UP_LINK_SESSION_KEY] = [uidb64, token]
    return redirect("portal:staff-set-up")


@never_cache
@require_http_methods(["GET", "POST"])
def staff_set_up(request):
    """Choose a password; then, signed in by the link, add an authenticator app."""
    uidb64, token = request.session.get(SET_UP_LINK_SESSION_KEY, ["", ""])
    user = user_for_link(uidb64, token)
    if user is None:
        return render(request, "portal/invitation_invalid.html", {"reason": LINK_GONE}, status=410)
    form = SetPasswordForm(request.POST or None, submit="Choose this password")
    if request.method == "POST" and form.is_valid():
        try:
            user = services.staff_set_up_finish(user=user, password=form.cleaned_data["password1"])
        except services.SetUpError as error:
            form_error(form, error, "password1")
        else:
            login(request, user, backend="allauth.account.auth_backends.AuthenticationBackend")
            # allauth asks for the password again before an app is added; it was just chosen.
            record_authentication(request, user, "password", email=user.email, reauthenticated=True)
            request.session[SET_UP_SESSION_KEY] = user.pk
            return redirect("mfa_activate_totp")
    return render(request, "portal/staff_set_up.html", {"form": form, "set_up_user": user})


@login_required
@require_GET
def email_address(request):
    """The address this person signs in with, and who can change it.

    Not allauth's page, which let anyone add any address to their account (and gave an
    error when one that belonged to someone else was made the main one). A care leaver's
    address is checked by their PA, a member of staff's by an administrator.
    """
    return render(request, "portal/email_address.html")


@require_GET
def staff_not_set_up(request):
    """Where a staff member with no authenticator app lands if they came without their link."""
    return render(request, "portal/staff_not_set_up.html", {"days": LINK_DAYS})


@login_required
@permission_required("portal.view_own_record", raise_exception=True)
@require_GET
def my_home(request):
    person = selectors.own_record(request.user)
    current = selectors.current_allocation(person) if person else None
    panels = render_my_panels(request, person, timezone.localdate()) if person else []
    return render(
        request, "portal/my_home.html", {"person": person, "current": current, "panels": panels}
    )


@login_required
@permission_required("portal.allocate", raise_exception=True)
@require_http_methods(["GET", "POST"])
def pa_leaving(request, pk: int):
    """A manager sets the last working day of a PA in their teams; handovers start from it.

    The date is asked first; the next page lists the young people it hands over, and only
    its button saves the date."""
    pa = selectors.pas_for_manager(request.user).filter(pk=pk).first()
    if pa is None:
        raise Http404
    form = LeavingForm(request.POST or None, initial={"leaving_on": pa.leaving_on})
    if request.method == "POST" and form.is_valid():
        leaving_on, refused = form.cleaned_data["leaving_on"], None
        seen = confirmed(request.POST)
        if seen:
            try:
                services.pa_leaving_set(pa=pa, leaving_on=leaving_on, by=request.user, seen=seen)
            except services.AllocationError as error:
                refused = error.message
            else:
                messages.success(
                    request,
                    f"{pa.get_full_name()} is leaving. Each young person they support has a "
                    "handover.",
                )
                return redirect("handovers:list")
        summary = selectors.leaving_summary(pa, leaving_on, request.user)
        if leaving_on < timezone.localdate():
            form.add_error("leaving_on", "Their last working day must be today or later.")
        else:
            return confirm_page(
                request,
                title=f"{pa.get_full_name()} is leaving on {leaving_on:%-d %B %Y}",
                back=reverse("portal:pa-leaving", args=[pa.pk]),
                caption="Good endings",
                summary="portal/_leaving_summary.html",
                leaving=summary,
                seen=summary["seen"],
                carry=[(k, v) for k, v in request.POST.items() if k.startswith("leaving_on")],
                button="Set the leaving date and start handovers",
                refused=refused,
                status=409 if refused else 200,
            )
    return form_page(
        request,
        form,
        title=f"{pa.get_full_name()} is leaving",
        back=reverse("portal:team"),
        caption="Good endings",
        intro="You can check the young people it hands over before anything is saved.",
    )


@login_required
@permission_required("portal.allocate", raise_exception=True)
@require_http_methods(["GET", "POST"])
def pa_leaving_cancel(request, pk: int):
    """A manager takes back a leaving date; the handovers it opened that have not started
    are cancelled (closed, with the reason), not deleted."""
    pa = selectors.pas_for_manager(request.user).filter(pk=pk).first()
    if pa is None:
        raise Http404
    refused = None
    seen = confirmed(request.POST) if request.method == "POST" else None
    if seen:
        try:
            services.pa_leaving_cancel(pa=pa, by=request.user, seen=seen)
        except services.AllocationError as error:
            refused = error.message
        else:
            messages.success(
                request,
                f"{pa.get_full_name()}'s leaving date is cancelled. Handovers not started yet "
                "are cancelled; any under way carry on.",
            )
            return redirect("portal:team")
    summary = selectors.leaving_summary(pa, pa.leaving_on, request.user)
    return confirm_page(
        request,
        title=f"Cancel {pa.get_full_name()}'s leaving date",
        back=reverse("portal:team"),
        caption="Good endings",
        summary="portal/_leaving_cancel_summary.html",
        leaving=summary,
        seen=summary["seen"] if pa.leaving_on else None,
        button="Cancel the leaving date",
        refused=refused,
        status=409 if refused else 200,
    )


# --- A copy of everything held about a young person (a subject access request) ----------


def _pack_response(person, user) -> HttpResponse:
    content = services.subject_access_pack_make(young_person=person, by=user)
    response = HttpResponse(content, content_type="application/zip")
    # No name in the file name: downloads lists on shared computers are not private.
    filename = f"information-we-hold-{timezone.localdate():%Y-%m-%d}.zip"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@permission_required("portal.view_own_record", raise_exception=True)
@require_GET
def my_information(request):
    """What the young person's download holds, and the link to it."""
    return render(request, "portal/my_information.html", {"person": own_record_or_404(request)})


@login_required
@permission_required("portal.view_own_record", raise_exception=True)
@require_GET
def my_information_download(request):
    return _pack_response(own_record_or_404(request), request.user)


@login_required
@require_GET
@never_cache
def subject_access(request, pk: int):
    person = young_person_read(request, pk, "portal.make_subject_access_pack")
    context = {"person": person, "packs": person.subject_access_packs.select_related("made_by")}
    return render(request, "portal/subject_access.html", context)


@login_required
@require_GET
def subject_access_download(request, pk: int):
    person = young_person_read(request, pk, "portal.make_subject_access_pack")
    return _pack_response(person, request.user)
