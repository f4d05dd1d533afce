"""Rota pages. Thin: parse, authorize, call a service or selector, render."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from rules.contrib.views import permission_required

from common.errors import form_error
from common.paging import Paginator
from common.urls import site_url
from people.audit import record_access
from people.models import Authority, Role, User
from people.selectors import current_allocation, with_pa_names, young_people_matching
from people.views import PAGE_SIZE, form_page, remember_search, remembered_search
from rota import selectors, services
from rota.calendar import shifts_calendar
from rota.forms import (
    EnquiryForm,
    FillForm,
    FindForm,
    GenerateForm,
    LeaveForm,
    ShiftForm,
    SwapOfferForm,
)
from rota.models import DutyEnquiry, Shift, SwapOffer

# The most young people one duty search shows: enough to pick from, never the council.
FOUND_AT_MOST = 20


def _authority(request) -> Authority:
    return get_object_or_404(Authority, pk=request.user.authority_id)


def _pas(request):
    """The council's PAs who can still take shifts (not those whose last day has passed)."""
    return (
        User.objects.filter(authority_id=request.user.authority_id, role=Role.PA, is_active=True)
        .exclude(leaving_on__lt=timezone.localdate())
        .order_by("first_name", "last_name")
    )


def _act(request, action, done: str, to: str):
    """Run a one-button action: its refusal or `done` as a message, then back to `to`."""
    try:
        action()
    except services.RotaError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, done)
    return redirect(to)


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _date_param(request, name: str, default: dt.date) -> dt.date:
    try:
        value = dt.date.fromisoformat(request.GET.get(name, ""))
    except ValueError:
        return default
    # Far-off dates would overflow the previous/next links; nobody's rota is there.
    return value if 2000 <= value.year <= 2100 else default


@login_required
@permission_required("rota.view_rota", raise_exception=True)
@require_GET
def rota(request):
    """The rota by week (default) or by month, with links to move between them."""
    today = timezone.localdate()
    month = request.GET.get("view") == "month"
    if month:
        first = _date_param(request, "from", today).replace(day=1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        previous = (first - dt.timedelta(days=1)).replace(day=1)
        following = last + dt.timedelta(days=1)
    else:
        first = _monday(_date_param(request, "from", today))
        last = first + dt.timedelta(days=6)
        previous, following = first - dt.timedelta(days=7), first + dt.timedelta(days=7)
    shown = first <= today <= last
    days = selectors.coverage(_authority(request), first, (last - first).days + 1)
    context = {
        "days": days,
        "first": first,
        "last": last,
        "month": month,
        "previous": previous,
        "following": following,
        "today": today,
        # The other view opens on today when it is shown; else on the month most of the week
        # is in (its Thursday's), or on the month's first week.
        "other_from": today if shown else (first if month else first + dt.timedelta(days=3)),
    }
    return render(request, "rota/rota.html", context)


@login_required
@permission_required("rota.take_shifts", raise_exception=True)
@require_GET
@never_cache
def mine(request):
    context = {
        "shifts": selectors.upcoming_for(request.user)[:60],
        "offers": selectors.open_offers(request.user.authority_id, but_not=request.user),
        "leave": request.user.leave.filter(ends_on__gte=timezone.localdate()),
        "feed_url": request.session.pop("new_feed_url", None),
        "has_feed": request.user.calendar_feeds.filter(revoked_at__isnull=True).exists(),
    }
    return render(request, "rota/mine.html", context)


@login_required
@permission_required("rota.take_shifts", raise_exception=True)
@require_POST
def swap_offer(request, shift_pk: int):
    shift = get_object_or_404(Shift, pk=shift_pk, pa=request.user)
    form = SwapOfferForm(request.POST)
    if not form.is_valid():
        messages.error(request, f"Your shift is not offered. {form.errors['note'][0]}")
        return redirect("rota:mine")
    return _act(
        request,
        lambda: services.swap_offer(shift=shift, note=form.cleaned_data["note"], by=request.user),
        "Your shift is offered to your colleagues.",
        "rota:mine",
    )


@login_required
@permission_required("rota.take_shifts", raise_exception=True)
@require_POST
def swap_take(request, offer_pk: int):
    offer = get_object_or_404(SwapOffer, pk=offer_pk, shift__authority_id=request.user.authority_id)
    return _act(
        request,
        lambda: services.swap_take(offer=offer, by=request.user),
        "The shift is yours. You and your colleague will get an email.",
        "rota:mine",
    )


@login_required
@permission_required("rota.take_shifts", raise_exception=True)
@require_POST
def swap_withdraw(request, offer_pk: int):
    offer = get_object_or_404(SwapOffer, pk=offer_pk, offered_by=request.user)
    return _act(
        request,
        lambda: services.swap_withdraw(offer=offer, by=request.user),
        "Your offer is withdrawn. The shift is still yours.",
        "rota:mine",
    )


@login_required
@permission_required("rota.take_shifts", raise_exception=True)
@require_http_methods(["GET", "POST"])
def leave_create(request):
    form = LeaveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.leave_record(pa=request.user, by=request.user, **form.cleaned_data)
        except services.RotaError as error:
            form_error(form, error, "starts_on")
        else:
            messages.success(request, "Your leave is saved. You will not be put on duty then.")
            return redirect("rota:mine")
    return form_page(request, form, title="Add leave", back=reverse("rota:mine"))


@login_required
@permission_required("rota.take_shifts", raise_exception=True)
@require_POST
def feed_create(request):
    token = services.feed_create(pa=request.user)
    request.session["new_feed_url"] = site_url(reverse("rota:feed", args=[token]))
    messages.success(
        request, "Your calendar address is ready. Any earlier one has stopped working."
    )
    return redirect("rota:mine")


@login_required
@permission_required("rota.take_shifts", raise_exception=True)
@require_POST
def feed_revoke(request):
    services.feed_revoke(pa=request.user)
    messages.success(request, "Your calendar address no longer works.")
    return redirect("rota:mine")


@require_GET
def feed(request, token: str):
    """The secret calendar address: no sign-in, so a calendar app can read it."""
    pa = selectors.feed_pa(token)
    if pa is None:
        raise Http404("No such calendar")
    response = HttpResponse(shifts_calendar(pa), content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=900"
    return response


@login_required
@permission_required("rota.manage_rota", raise_exception=True)
@require_GET
def coverage(request):
    today = timezone.localdate()
    days = selectors.coverage(_authority(request), today, 28)
    after = today + dt.timedelta(days=28)
    # Gaps further ahead (a leaving PA's later shifts): the first few, and how many.
    later = selectors.unfilled_from(request.user.authority_id, after)
    context = {
        "days": [d for d in days if d.shifts or d.missing or d.bank_holiday],
        "gaps": sum(d.gaps for d in days),
        "later": later[:FOUND_AT_MOST],
        "later_count": later.count(),
        "late": selectors.late_follow_ups(request.user.authority_id)[:20],
        "today": today,
    }
    return render(request, "rota/coverage.html", context)


@login_required
@permission_required("rota.manage_rota", raise_exception=True)
@require_http_methods(["GET", "POST"])
def shift_create(request):
    """A manager adds a shift by hand: on a bank holiday, which the pattern leaves empty."""
    day = _date_param(request, "day", timezone.localdate())
    form = ShiftForm(
        request.POST or None,
        pas=_pas(request),
        initial={"day": day, "starts": "09:00", "ends": "17:00"},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.shift_create(
                authority=_authority(request),
                role=data["role"],
                starts_at=data["starts_at"],
                ends_at=data["ends_at"],
                pa=data["pa"],
                by=request.user,
            )
        except services.RotaError as error:
            form_error(form, error, "day")
        else:
            messages.success(request, "The shift is on the rota.")
            return redirect("rota:coverage")
    return form_page(request, form, title="Add a shift", back=reverse("rota:coverage"))


@login_required
@permission_required("rota.manage_rota", raise_exception=True)
@require_http_methods(["GET", "POST"])
def generate(request):
    form = GenerateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            made = services.rota_generate(
                authority=_authority(request), by=request.user, **form.cleaned_data
            )
        except services.RotaError as error:
            form_error(form, error, "start")
        else:
            unfilled = sum(1 for s in made if s.pa_id is None)
            messages.success(
                request,
                f"{len(made)} shifts made"
                + (f"; {unfilled} could not be filled." if unfilled else ", all filled."),
            )
            return redirect("rota:coverage")
    return form_page(
        request,
        form,
        title="Fill the rota from the weekly pattern",
        back=reverse("rota:coverage"),
        intro="Shifts already on the rota stay as they are. Leave is respected.",
    )


@login_required
@permission_required("rota.manage_rota", raise_exception=True)
@require_http_methods(["GET", "POST"])
def fill(request, shift_pk: int):
    shift = get_object_or_404(Shift, pk=shift_pk, authority_id=request.user.authority_id)
    form = FillForm(request.POST or None, pas=_pas(request), initial={"pa": shift.pa_id})
    if request.method == "POST" and form.is_valid():
        try:
            services.shift_assign(shift=shift, pa=form.cleaned_data["pa"], by=request.user)
        except services.RotaError as error:
            form_error(form, error, "pa")
        else:
            messages.success(request, "The rota is updated.")
            return redirect("rota:coverage")
    start = timezone.localtime(shift.starts_at)
    return form_page(
        request,
        form,
        title=f"{shift.get_role_display()} shift, {start:%A %-d %B}",
        back=reverse("rota:coverage"),
        intro=f"{start:%H:%M} to {timezone.localtime(shift.ends_at):%H:%M}.",
    )


@login_required
@permission_required("rota.log_enquiry", raise_exception=True)
@require_GET
def duty_log(request):
    enquiries = selectors.enquiries(request.user.authority_id)
    page = Paginator(enquiries, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "rota/duty_log.html", {"page": page, "now": timezone.now()})


@login_required
@permission_required("rota.log_enquiry", raise_exception=True)
@require_http_methods(["GET", "POST"])
def enquiry_find(request):
    """Find the young person an enquiry is about: anyone of the council while covering the
    service (the duty worker, a manager), else only the PA's own young people."""
    if request.method == "POST":
        return remember_search(request)
    search = remembered_search(request)
    everyone = selectors.covers_the_service(request.user)
    found = []
    if search:
        people = young_people_matching(selectors.enquiry_people(request.user), search)
        found = list(
            with_pa_names(people).order_by("last_name", "first_name", "pk")[: FOUND_AT_MOST + 1]
        )
    context = {
        "form": FindForm(initial={"q": search}),
        "search": search,
        "found": found[:FOUND_AT_MOST],
        "more": len(found) > FOUND_AT_MOST,
        "at_most": FOUND_AT_MOST,
        "everyone": everyone,
    }
    return render(request, "rota/enquiry_find.html", context)


@login_required
@permission_required("rota.log_enquiry", raise_exception=True)
@require_http_methods(["GET", "POST"])
def enquiry_create(request):
    """An enquiry from someone who is not a young person we know (or an unknown caller)."""
    return _enquiry_page(request, None)


@login_required
@permission_required("rota.log_enquiry", raise_exception=True)
@require_http_methods(["GET", "POST"])
def enquiry_create_for(request, young_person_pk: int):
    """An enquiry about one young person, chosen by id from the duty search; the read of
    their details is audited, as every staff read is."""
    people = selectors.enquiry_people(request.user).select_related("authority")
    person = get_object_or_404(people.prefetch_related("allocations__pa"), pk=young_person_pk)
    record_access(person)
    return _enquiry_page(request, person)


def _enquiry_page(request, person):
    now = timezone.localtime()
    form = EnquiryForm(
        request.POST or None,
        about_young_person=person is not None,
        initial={"day": now.date(), "time": now.strftime("%H:%M")},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.enquiry_log(
                authority=_authority(request),
                received_at=data["received_at"],
                channel=data["channel"],
                young_person=person,
                caller=data["caller"],
                about=data["about"],
                action=data["action"],
                follow_up_by=data["follow_up_by"],
                by=request.user,
            )
        except services.RotaError as error:
            form_error(form, error, None)
        else:
            messages.success(request, "The enquiry is logged.")
            return redirect("rota:duty-log")
    if person is None:
        return form_page(
            request,
            form,
            title="Log a duty enquiry",
            back=reverse("rota:duty-log"),
            intro="For a call from someone who is not a young person we support.",
        )
    return render(
        request,
        "rota/enquiry_form.html",
        {
            "form": form,
            "person": person,
            "current": current_allocation(person),
            "title": f"Log a duty enquiry about {person.full_name}",
            "back": reverse("rota:enquiry-find"),
        },
    )


@login_required
@permission_required("rota.log_enquiry", raise_exception=True)
@require_POST
def enquiry_done(request, enquiry_pk: int):
    enquiry = get_object_or_404(DutyEnquiry, pk=enquiry_pk, authority_id=request.user.authority_id)
    return _act(
        request,
        lambda: services.enquiry_followed_up(enquiry=enquiry, by=request.user),
        "Marked as followed up.",
        "rota:duty-log",
    )
