"""Safety pages for staff and for the young person. Thin: parse, authorize, call, render."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from rules.contrib.views import permission_required

from common.csvfile import csv_text
from common.errors import form_error
from common.pdf import pdf_from_template
from people.selectors import dashboard_teams
from people.views import form_page, own_record_or_404, young_person_read
from safety import selectors, services
from safety.forms import (
    AgreeForm,
    AssessmentForm,
    CloseForm,
    CustodyReleaseForm,
    HomeAtRiskForm,
    ReferralForm,
    StayingCloseForm,
)
from safety.models import RiskArea
from safety.sufficiency import csv_rows
from safety.sufficiency import sufficiency as sufficiency_report

VIEW, CHANGE = "safety.view_safety", "safety.change_safety"


def _today():
    return timezone.localdate()


@login_required
@require_GET
@never_cache
def person(request, pk: int):
    person = young_person_read(request, pk, VIEW)
    today = _today()
    context = {
        "person": person,
        "today": today,
        "latest": selectors.latest(person),
        "in_force": selectors.in_force(person),
        "versions": selectors.versions(person),
        "homes": selectors.homes_at_risk(person),
        "releases": selectors.custody_releases(person),
        "without_home": selectors.nights_without_home(person, today),
        "staying_close": selectors.staying_close(person),
        "staying_close_due": selectors.staying_close_due(person, today),
        "can_agree": services.can_agree_high_risk(request.user, person),
    }
    return render(request, "safety/person.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def assessment_save(request, pk: int):
    person = young_person_read(request, pk, CHANGE)
    areas = list(RiskArea.objects.filter(is_active=True))
    form = AssessmentForm(request.POST or None, areas=areas, before=selectors.latest(person))
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.assessment_save(young_person=person, by=request.user, **form.answers())
        except services.SafetyError as error:
            form_error(form, error)
        else:
            if saved.is_in_force:
                messages.success(request, f"Saved as version {saved.number}.")
            else:
                messages.success(
                    request,
                    f"Saved as version {saved.number}. A high level needs a manager's "
                    "agreement: their manager has been asked.",
                )
            return redirect("safety:person", pk=person.pk)
    return form_page(
        request,
        form,
        title="Risk assessment and safety plan",
        back=reverse("safety:person", args=[person.pk]),
        caption=person.full_name,
        intro="Saving makes a new version. Earlier versions are kept.",
    )


def _version_or_404(person, number: int):
    found = selectors.version(person, number)
    if found is None:
        raise Http404("No such version")
    return found


@login_required
@require_GET
@never_cache
def version(request, pk: int, number: int):
    person = young_person_read(request, pk, VIEW)
    assessment = _version_or_404(person, number)
    context = {
        "person": person,
        "assessment": assessment,
        "is_latest": not person.risk_assessments.filter(number__gt=number).exists(),
        "can_agree": services.can_agree_high_risk(request.user, person),
        "form": AgreeForm(),
    }
    return render(request, "safety/version.html", context)


@login_required
@require_GET
@never_cache
def version_compare(request, pk: int, number: int):
    """Version `number` against the one before it (or `?with=` another)."""
    person = young_person_read(request, pk, VIEW)
    new = _version_or_404(person, number)
    try:
        other = int(request.GET.get("with", number - 1))
    except ValueError:
        other = number - 1
    old = selectors.version(person, other) if other != number else None
    context = {
        "person": person,
        "new": new,
        "old": old,
        "changes": selectors.compare(old, new) if old else [],
        "others": [v.number for v in selectors.versions(person) if v.number != number],
    }
    return render(request, "safety/version_compare.html", context)


@login_required
@require_POST
def version_agree(request, pk: int, number: int):
    person = young_person_read(request, pk, VIEW)
    assessment = _version_or_404(person, number)
    try:
        services.assessment_agree(assessment=assessment, by=request.user)
    except services.SafetyError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Agreed. The pathway plan review has been brought forward.")
    return redirect("safety:version", pk=person.pk, number=number)


def _person_form(
    request, pk: int, form_class, save, *, title: str, done: str, check=None, **form_kwargs
):
    """A form about one young person that saves through `save(person, data)`; `check(person)`
    first finds (or 404s) the record the form is about."""
    person = young_person_read(request, pk, CHANGE)
    if check is not None:
        check(person)
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            save(person, form.cleaned_data)
        except services.SafetyError as error:
            form_error(form, error)
        else:
            messages.success(request, done)
            return redirect("safety:person", pk=person.pk)
    return form_page(
        request,
        form,
        title=title,
        back=reverse("safety:person", args=[person.pk]),
        caption=person.full_name,
        **form_kwargs,
    )


@login_required
@require_http_methods(["GET", "POST"])
def home_at_risk_create(request, pk: int):
    def save(person, data):
        services.home_at_risk_record(young_person=person, by=request.user, **data)

    return _person_form(
        request,
        pk,
        HomeAtRiskForm,
        save,
        title="A home at risk",
        done="Saved. The 56 days have started.",
        intro="Rent arrears, a notice to leave or an eviction date start 56 days in which to "
        "refer them to a housing authority, with their agreement.",
    )


def _home_or_404(person, home_pk: int):
    home = selectors.home_at_risk_for(person, home_pk)
    if home is None:
        raise Http404("No such home at risk")
    return home


@login_required
@require_http_methods(["GET", "POST"])
def referral_create(request, pk: int, home_pk: int):
    def save(person, data):
        services.referral_record(
            home_at_risk=_home_or_404(person, home_pk), by=request.user, **data
        )

    return _person_form(
        request,
        pk,
        ReferralForm,
        save,
        title="Duty to refer",
        done="Referral saved.",
        check=lambda person: _home_or_404(person, home_pk),
        intro="Record the referral to the housing authority, made with their agreement.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def home_at_risk_close(request, pk: int, home_pk: int):
    def save(person, data):
        services.home_at_risk_close(
            home_at_risk=_home_or_404(person, home_pk), by=request.user, **data
        )

    return _person_form(
        request,
        pk,
        CloseForm,
        save,
        title="The home is no longer at risk",
        done="Saved.",
        check=lambda person: _home_or_404(person, home_pk),
        intro="If they became homeless, also record the move on the Home and activity page, "
        "with its date, so the nights without a home are counted.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def custody_release_create(request, pk: int):
    def save(person, data):
        services.custody_release_record(young_person=person, by=request.user, **data)

    return _person_form(
        request,
        pk,
        CustodyReleaseForm,
        save,
        title="A release from custody",
        done="Saved. Planning where they will live starts eight weeks before the release.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def staying_close_create(request, pk: int):
    def save(person, data):
        services.staying_close_record(young_person=person, by=request.user, **data)

    return _person_form(
        request,
        pk,
        StayingCloseForm,
        save,
        title="Staying Close assessment",
        done="Saved.",
        intro="Assess what support they need to find and keep a home, wherever they live.",
    )


@login_required
@permission_required("safety.view_staying_close", raise_exception=True)
@require_GET
@never_cache
def staying_close_list(request):
    today = _today()
    rows = selectors.staying_close_rows(request.user, today)
    context = {
        "today": today,
        "late": [row for row in rows if row.is_late(today)],
        "soon": [row for row in rows if not row.is_late(today)],
    }
    return render(request, "safety/staying_close_list.html", context)


def _report(request):
    team_ids = list(dashboard_teams(request.user).values_list("pk", flat=True))
    return sufficiency_report(team_ids, _today())


@login_required
@permission_required("safety.view_sufficiency", raise_exception=True)
@require_GET
@never_cache
def sufficiency(request):
    context = {"report": _report(request), "stay_months": settings.SAFETY_SUPPORTED_STAY_MONTHS}
    return render(request, "safety/sufficiency.html", context)


@login_required
@permission_required("safety.view_sufficiency", raise_exception=True)
@require_GET
@never_cache
def sufficiency_csv(request):
    report = _report(request)
    response = HttpResponse(csv_text(csv_rows(report)), content_type="text/csv; charset=utf-8")
    filename = f"accommodation-sufficiency-{report.today:%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _own_plan(request):
    person = own_record_or_404(request)
    return person, selectors.shared_plan(person)


@login_required
@permission_required("safety.view_own_safety", raise_exception=True)
@require_GET
@never_cache
def my_safety(request):
    person, plan = _own_plan(request)
    return render(request, "safety/my_safety.html", {"person": person, "plan": plan})


@login_required
@permission_required("safety.view_own_safety", raise_exception=True)
@require_GET
def my_safety_pdf(request):
    person, plan = _own_plan(request)
    if plan is None:
        raise Http404("No safety plan yet")
    content = pdf_from_template(
        "safety/my_safety_pdf.html", {"person": person, "plan": plan, "printed_on": _today()}
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="safety-plan.pdf"'
    response["Cache-Control"] = "no-store"
    return response
