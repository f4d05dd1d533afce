"""Referral, transition and session pages for staff, partner workers and care leavers."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from rules.contrib.views import permission_required

from common.errors import form_error
from partners import selectors, services
from partners.forms import AnswerForm, AttendanceForm, BookForm, ReferralForm
from partners.models import NEXT, Booking
from people.audit import record_access
from people.views import form_page, own_record_or_404, young_person_read


def _today():
    return timezone.localdate()


# --- The young person's referrals, for their PA and manager --------------------------------


@login_required
@require_GET
@never_cache
def referrals(request, pk: int):
    person = young_person_read(request, pk, "partners.view_referrals")
    today = _today()
    context = {
        "person": person,
        "referrals": selectors.referrals_for(person),
        "transitions": selectors.transitions_for(person.__class__.objects.filter(pk=person.pk)),
        "bookings": Booking.objects.filter(young_person=person)
        .select_related("session__location", "session__service")
        .order_by("-session__starts_at"),
        "sessions": selectors.bookable_sessions(person.authority_id, person, today),
        "can_refer": request.user.has_perm("partners.refer", person),
        "today": today,
    }
    return render(request, "partners/referrals.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def referral_create(request, pk: int):
    person = young_person_read(request, pk, "partners.refer")
    form = ReferralForm(
        request.POST or None,
        services=selectors.services_to_refer_to(person.authority_id),
        initial={"urgency": "routine", "consent_on": _today()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            referral = services.referral_send(
                young_person=person, by=request.user, **form.cleaned_data
            )
        except services.ReferralError as error:
            form_error(form, error, "consent_given")
        else:
            messages.success(request, f"The referral to {referral.service.name} is sent.")
            return redirect("partners:referral", pk=person.pk, referral_pk=referral.pk)
    return form_page(
        request,
        form,
        title="Refer to a service",
        back=reverse("partners:referrals", args=[person.pk]),
        caption=person.full_name,
        intro="The service sees only the young person's name and what you choose to share.",
    )


@login_required
@require_GET
@never_cache
def referral(request, pk: int, referral_pk: int):
    person = young_person_read(request, pk, "partners.view_referrals")
    found = selectors.referrals_for(person).filter(pk=referral_pk).first()
    if found is None:
        raise Http404("No such referral")
    record_access(found)
    return render(request, "partners/referral.html", {"person": person, "referral": found})


def _book(request, person, back: str):
    """Book `person` on the session the form names; say how it went, and go back."""
    form = BookForm(request.POST)
    session = None
    if form.is_valid():
        session = (
            selectors.upcoming_sessions(person.authority_id)
            .filter(pk=form.cleaned_data["session"])
            .first()
        )
    if session is None:
        messages.error(request, "Choose a session that is coming up and has places.")
        return redirect(back)
    try:
        services.session_book(session=session, young_person=person, by=request.user)
    except services.SessionError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"{person.first_name} has a place on “{session.title}”.")
    return redirect(back)


@login_required
@require_POST
def session_book(request, pk: int):
    person = young_person_read(request, pk, "partners.refer")
    return _book(request, person, reverse("partners:referrals", args=[person.pk]))


@login_required
@permission_required("partners.view_own_referrals", raise_exception=True)
@require_POST
def my_session_book(request):
    """A young person books their own place."""
    return _book(request, own_record_or_404(request), reverse("partners:my-referrals"))


@login_required
@permission_required("partners.view_transitions", raise_exception=True)
@require_GET
@never_cache
def transitions(request):
    """Transitions to adult services for the young people this user works with."""
    today = _today()
    rows = selectors.transitions_for(selectors.young_people_visible_to(request.user))
    context = {
        "late": [row for row in rows if row.is_late_on(today) and row.referral is None],
        "rows": rows,
        "today": today,
    }
    return render(request, "partners/transitions.html", context)


# --- The care leaver's own -----------------------------------------------------------------


@login_required
@permission_required("partners.view_own_referrals", raise_exception=True)
@require_GET
@never_cache
def my_referrals(request):
    person = own_record_or_404(request)
    context = {
        "referrals": selectors.referrals_for(person),
        "bookings": _my_bookings(person),
        "sessions": selectors.bookable_sessions(person.authority_id, person, _today()).filter(
            is_booked=False
        ),
    }
    return render(request, "partners/my_referrals.html", context)


def _my_bookings(person):
    return (
        Booking.objects.filter(young_person=person, session__starts_at__gte=timezone.now())
        .select_related("session__location", "session__service__organization")
        .order_by("session__starts_at")
    )


# --- Partner workers -----------------------------------------------------------------------


@login_required
@permission_required("partners.answer_referrals", raise_exception=True)
@require_GET
@never_cache
def worker_home(request):
    """The referrals sent to this worker's service, and its sessions."""
    service_id = selectors.worker_service_id(request.user)
    referrals_here = list(selectors.referrals_for_service(service_id)[:100])
    for each in referrals_here:
        record_access(each)
    context = {
        "referrals": referrals_here,
        "sessions": selectors.sessions_for_worker(request.user)[:20],
    }
    return render(request, "partners/worker_home.html", context)


@login_required
@permission_required("partners.answer_referrals", raise_exception=True)
@require_http_methods(["GET", "POST"])
@never_cache
def worker_referral(request, pk: int):
    """One referral: who, why, what was shared (what they agreed to), and the answer."""
    found = selectors.referral_for_user(request.user, pk)
    record_access(found)
    allowed = NEXT[found.status]
    form = AnswerForm(request.POST or None, allowed=allowed)
    if request.method == "POST" and form.is_valid():
        try:
            services.referral_answer(referral=found, by=request.user, **form.cleaned_data)
        except services.ReferralError as error:
            form_error(form, error, "status")
        else:
            messages.success(request, "Your answer is saved. Their personal adviser is told.")
            return redirect("partners:worker-referral", pk=found.pk)
    context = {"referral": found, "form": form if allowed else None}
    return render(request, "partners/worker_referral.html", context)


@login_required
@permission_required("partners.answer_referrals", raise_exception=True)
@require_http_methods(["GET", "POST"])
@never_cache
def worker_session(request, pk: int):
    """A session's bookings; record who came and what was noticed."""
    session = selectors.sessions_for_worker(request.user).filter(pk=pk).first()
    if session is None:
        raise Http404("No such session")
    session = selectors.session_with_bookings(session.pk)
    bookings = list(session.bookings.all())
    for booking in bookings:
        record_access(booking)
    form = AttendanceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        booking = next((b for b in bookings if b.pk == form.cleaned_data["booking"]), None)
        if booking is None:
            raise Http404("No such booking")
        try:
            services.attendance_record(
                booking=booking,
                attended=form.cleaned_data["attended"],
                needs_noticed=form.cleaned_data["needs_noticed"],
                by=request.user,
            )
        except services.SessionError as error:
            raise PermissionDenied(error.message) from error
        messages.success(request, f"Saved for {booking.young_person.first_name}.")
        return redirect("partners:worker-session", pk=session.pk)
    forms = [
        (
            booking,
            AttendanceForm(
                initial={
                    "booking": booking.pk,
                    "attended": None
                    if booking.attended is None
                    else ("yes" if booking.attended else "no"),
                    "needs_noticed": booking.needs_noticed,
                },
                prefix=None,
            ),
        )
        for booking in bookings
    ]
    context = {"session": session, "forms": forms, "posted": form if form.is_bound else None}
    return render(request, "partners/worker_session.html", context)
