"""Plan pages for staff and for the young person. Thin: parse, authorize, call, render."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.text import capfirst
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from rules.contrib.views import permission_required

from common.errors import form_error
from common.forms import in_words
from common.paging import Paginator
from common.uploads import private_file_response, uploaded_files
from pathway import due, selectors, services, snapshot, windows
from pathway.extras import render_caseload_boxes, section_notes
from pathway.forms import (
    AccommodationForm,
    ActionForm,
    ActionStatusForm,
    ActivityForm,
    CaseloadForm,
    ContactCorrectForm,
    ContactForm,
    ContactRequestForm,
    DocumentForm,
    DocumentMoveForm,
    DocumentShareForm,
    HealthPassportForm,
    MyDocumentForm,
    MyReviewRequestForm,
    ReturnForm,
    ReviewForm,
    ReviewRequestForm,
    SectionForm,
    SectionViewForm,
    SignForm,
)
from pathway.models import (
    HEALTH_FIELDS,
    HEALTH_FIELDS_FOR_YOUNG_PERSON,
    MATTER_GUIDANCE,
    TRANSITION_FIELDS,
    ActionOwner,
    Contact,
    Document,
    HealthPassport,
    Matter,
    Plan,
    ReviewReason,
    ReviewState,
)
from pathway.pdf import plan_pdf
from people import selectors as people
from people.audit import record_access
from people.forms import SearchForm
from people.views import (
    PAGE_SIZE,
    form_page,
    own_record_or_404,
    remember_search,
    remembered_search,
    young_person_read,
)


def _today():
    return timezone.localdate()


def _plan(person, parts: tuple[str, ...] = selectors.PLAN_PARTS) -> Plan:
    """The plan, with the `parts` the page reads (a form reads fewer than the plan page)."""
    plan = selectors.plan_detail(person.pk, parts)
    if plan is None:
        raise Http404("No plan yet")
    return plan


def _section(plan: Plan, matter: str):
    section = next((s for s in plan.sections.all() if s.matter == matter), None)
    if section is None:
        raise Http404("No such section")
    return section


def _save_or_show_clash(request, form, save, *, rebuild, saved_values, page):
    """Run `save()`; if someone saved first, the form again (409) with both versions shown.

    What they typed stays in the form, now carrying the newer revision, so saving again
    is a choice made knowing both.
    """
    try:
        save()
    except services.StaleEditError as error:
        data = request.POST.copy()
        data["revision"] = error.saved.revision
        return form_page(
            request,
            rebuild(data, error.saved),
            status=409,
            stale=str(error),
            clashes=_clashes(form, saved_values(error.saved)),
            **page,
        )
    return None


def _clashes(form, saved: dict) -> list[tuple[str, str, str]]:
    """(label, saved now, typed) for each field where the two differ."""
    rows = []
    for name, field in form.fields.items():
        if field.widget.is_hidden:  # the revision, and what the form was opened with
            continue
        saved_text = str(saved.get(name) or "").strip()
        typed_text = str(form.cleaned_data.get(name) or "").strip()
        if saved_text != typed_text:
            shown = (in_words(field, saved_text), in_words(field, typed_text))
            rows.append((str(field.label).capitalize(), *shown))
    return rows


def _record(person) -> str:
    return f"{person.full_name}: pathway plan"


# --- The caseload --------------------------------------------------------------------------


@login_required
@permission_required("portal.view_caseload", raise_exception=True)
@require_http_methods(["GET", "POST"])
def caseload(request):
    """A PA's young people and, for each, what is due or overdue."""
    if request.method == "POST":
        return remember_search(request)
    today = _today()
    search = remembered_search(request)
    form = CaseloadForm(request.GET or None)
    show, sort = "", "name"
    if form.is_valid():
        show, sort = form.cleaned_data["show"], form.cleaned_data["sort"] or "name"
    rows = selectors.caseload(request.user, today=today, search=search, show=show, sort=sort)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    for person in page.object_list:
        person.birthday_that_matters = due.next_birthday_that_matters(person.date_of_birth, today)
    context = {
        "search_form": SearchForm(initial={"q": search}),
        "form": form,
        "page": page,
        "search": search,
        "show": show,
        "sort": sort,
        "today": today,
        "query": urlencode({"show": show, "sort": sort}) if show or sort != "name" else "",
        "contact_requests": selectors.contact_requests_for_pa(request.user),
        "boxes": render_caseload_boxes(request, today),
    }
    return render(request, "pathway/caseload.html", context)


# --- The plan, for staff -------------------------------------------------------------------


@login_required
@require_GET
@never_cache
def plan(request, pk: int):
    person = young_person_read(request, pk, "pathway.view_plan")
    today = _today()
    can_change = request.user.has_perm("pathway.change_plan", person)

    context = {"person": person, "today": today, "can_change": can_change, "plan": None}
    plan = selectors.plan_detail(person.pk)
    if plan is not None:
        reviews = list(plan.reviews.all())
        notes = section_notes(person, today)
        sections = list(plan.sections.all())
        for section in sections:
            section.notes = notes.get(section.matter, [])
        context |= {
            "plan": plan,
            "sections": sections,
            "actions": plan.actions.all(),
            "reviews": reviews,
            "open_review": next((r for r in reviews if r.state != ReviewState.SIGNED), None),
        }
    return render(request, "pathway/plan.html", context)


@login_required
@require_POST
def plan_start(request, pk: int):
    person = young_person_read(request, pk, "pathway.change_plan")
    try:
        services.plan_start(young_person=person, by=request.user)
    except services.PlanError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "The plan is started. Fill in each section with them.")
    return redirect("pathway:plan", pk=person.pk)


@login_required
@require_http_methods(["GET", "POST"])
def section_edit(request, pk: int, matter: str):
    person = young_person_read(request, pk, "pathway.change_plan")
    plan = _plan(person, ("sections",))
    section = _section(plan, matter)
    home = {"home_kind": plan.home_kind, "home_suitable": plan.home_suitable}
    form = SectionForm(request.POST or None, section=section, person=person, **home)
    page = {
        "title": section.get_matter_display(),
        "back": reverse("pathway:plan", args=[person.pk]) + f"#{matter}",
        "caption": _record(person),
        "intro": MATTER_GUIDANCE[matter][0],
    }
    if request.method == "POST" and form.is_valid():
        try:
            clash = _save_or_show_clash(
                request,
                form,
                lambda: services.section_save(
                    section=section,
                    fields=form.cleaned_data,
                    revision=form.cleaned_data["revision"],
                    by=request.user,
                ),
                rebuild=lambda data, saved: SectionForm(data, section=saved, person=person, **home),
                saved_values=lambda saved: {
                    **{n: getattr(saved, n) for n in services.SECTION_TEXT_FIELDS},
                    **saved.suitability,
                    "suitable": snapshot.suitable_answer(plan),
                },
                page=page,
            )
        except services.PlanError as error:  # a judgement the history cannot take
            form_error(form, error)
            return form_page(request, form, **page)
        if clash:
            return clash
        messages.success(request, f"{section.get_matter_display()} is saved.")
        return redirect(reverse("pathway:plan", args=[person.pk]) + f"#{matter}")
    return form_page(request, form, **page)


@login_required
@require_http_methods(["GET", "POST"])
def action_create(request, pk: int):
    person = young_person_read(request, pk, "pathway.change_plan")
    plan = _plan(person, ())
    initial = {"matter": request.GET.get("matter")} if request.GET.get("matter") else None
    form = ActionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.action_create(plan=plan, by=request.user, **form.cleaned_data)
        except services.PlanError as error:
            form_error(form, error, None)
        else:
            messages.success(request, "The action is added to the plan.")
            return redirect(reverse("pathway:plan", args=[person.pk]) + "#actions")
    return form_page(
        request,
        form,
        title="Add an action",
        back=reverse("pathway:plan", args=[person.pk]) + "#actions",
        caption=_record(person),
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_edit(request, pk: int, action_pk: int):
    person = young_person_read(request, pk, "pathway.change_plan")
    plan = _plan(person, ("actions",))
    action = next((a for a in plan.actions.all() if a.pk == action_pk), None)
    if action is None:
        raise Http404("No such action")
    form = ActionStatusForm(request.POST or None, initial={"status": action.status})
    if request.method == "POST" and form.is_valid():
        services.action_set_status(
            action=action, status=form.cleaned_data["status"], by=request.user
        )
        messages.success(request, "The action is updated.")
        return redirect(reverse("pathway:plan", args=[person.pk]) + "#actions")
    return form_page(
        request,
        form,
        title="Update an action",
        back=reverse("pathway:plan", args=[person.pk]) + "#actions",
        caption=_record(person),
        intro=f"{action.what} ({action.who}, by {action.due_on:%-d %B %Y})",
    )


@login_required
@require_http_methods(["GET", "POST"])
def review_request(request, pk: int):
    person = young_person_read(request, pk, "pathway.change_plan")
    plan = _plan(person, ())
    form = ReviewRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.review_request_raise(plan=plan, by=request.user, **form.cleaned_data)
        plan.refresh_from_db()
        messages.success(request, f"The next review is now due by {plan.review_due_on:%-d %B %Y}.")
        return redirect("pathway:plan", pk=person.pk)
    return form_page(
        request,
        form,
        title="Bring the review forward",
        back=reverse("pathway:plan", args=[person.pk]),
        caption=_record(person),
        intro=f"The review will then be due within {settings.PATHWAY_ASKED_REVIEW_DAYS} days.",
    )


def _review_initial(review) -> dict:
    return {
        "held_on": review.held_on,
        "participants": review.participants,
        "young_person_took_part": "yes" if review.young_person_took_part else "no",
        "outcome": review.outcome,
        "revision": review.revision,
    }


def _reviewform_page(request, person, plan, review=None):
    form = ReviewForm(request.POST or None, initial=_review_initial(review) if review else None)
    page = {
        "title": f"Change review {review.number}" if review else "Record a review",
        "back": reverse("pathway:plan", args=[person.pk]),
        "caption": _record(person),
        "intro": (
            f"Sent back: {review.return_note}"
            if review and review.state == ReviewState.RETURNED
            else "A manager signs the review off. Signing freezes the plan as it is then."
        ),
    }
    if request.method == "POST" and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k != "revision"}
        try:
            if review is None:
                review = services.review_record(plan=plan, by=request.user, **fields)
            else:
                clash = _save_or_show_clash(
                    request,
                    form,
                    lambda: services.review_update(
                        review=review,
                        revision=form.cleaned_data["revision"] or 0,
                        by=request.user,
                        **fields,
                    ),
                    rebuild=lambda data, saved: ReviewForm(data),
                    saved_values=lambda saved: {
                        **_review_initial(saved),
                        "young_person_took_part": saved.young_person_took_part,
                    },
                    page=page,
                )
                if clash:
                    return clash
        except services.PlanError as error:
            form_error(form, error, None)
        else:
            messages.success(request, "The review is recorded and waits for a manager to sign it.")
            return redirect("pathway:review-detail", pk=person.pk, number=review.number)
    return form_page(request, form, **page)


@login_required
@require_http_methods(["GET", "POST"])
def review_create(request, pk: int):
    person = young_person_read(request, pk, "pathway.change_plan")
    plan = _plan(person, ("reviews",))
    # A plan has one review open at a time: a second could not be saved, so the PA is
    # taken to the open one (waiting for sign-off, or sent back) to change it.
    open_review = next((r for r in plan.reviews.all() if r.state != ReviewState.SIGNED), None)
    if open_review is not None:
        messages.info(request, "This plan already has a review that is not signed off yet.")
        return redirect("pathway:review-edit", pk=person.pk, number=open_review.number)
    return _reviewform_page(request, person, plan)


def _review(plan: Plan, number: int):
    review = next((r for r in plan.reviews.all() if r.number == number), None)
    if review is None:
        raise Http404("No such review")
    return review


@login_required
@require_http_methods(["GET", "POST"])
def review_edit(request, pk: int, number: int):
    person = young_person_read(request, pk, "pathway.change_plan")
    plan = _plan(person, ("reviews",))
    review = _review(plan, number)
    if review.state == ReviewState.SIGNED:
        messages.error(request, "This review is signed off and cannot be changed.")
        return redirect("pathway:review-detail", pk=person.pk, number=number)
    return _reviewform_page(request, person, plan, review)


@login_required
@require_GET
@never_cache
def review_detail(request, pk: int, number: int):
    """The review and, while it waits, the plan as it would be signed."""
    person = young_person_read(request, pk, "pathway.view_plan")
    plan = _plan(person)
    review = _review(plan, number)
    if review.state == ReviewState.SIGNED:
        context = {"person": person, "plan": plan, "review": review}
        return render(request, "pathway/review_detail.html", context)
    return _review_page(request, person, plan, review, ReturnForm())


def _can_sign(user, person, review) -> bool:
    return (
        user.has_perm("pathway.sign_review", person)
        and review.state == ReviewState.AWAITING
        and user.pk not in (review.recorded_by_id, review.updated_by_id)
    )


def _review_page(request, person, plan, review, return_form, *, status=200):
    """A review waiting for sign-off, with the plan as it would be signed."""
    content = snapshot.to_sign(plan, review)
    return_form.helper.form_action = reverse(
        "pathway:review-return", args=[person.pk, review.number]
    )
    # What signing changes: the plan now against the last signed version.
    previous = selectors.latest_version(plan)
    context = {
        "previous": previous,
        "changes": snapshot.compare_content(previous.content, content) if previous else None,
        "person": person,
        "plan": plan,
        "review": review,
        "content": content,
        "read": snapshot.digest(content),
        "can_sign": _can_sign(request.user, person, review),
        "can_edit": request.user.has_perm("pathway.change_plan", person),
        "return_form": return_form,
    }
    return render(request, "pathway/review_detail.html", context, status=status)


@login_required
@require_POST
def review_sign(request, pk: int, number: int):
    person = young_person_read(request, pk, "pathway.sign_review")
    plan = _plan(person)
    review = _review(plan, number)
    form = SignForm(request.POST)
    read = form.cleaned_data["read"] if form.is_valid() else ""
    try:
        version = services.review_sign(review=review, read=read, by=request.user)
    except services.PlanError as error:
        messages.error(request, str(error))
        return redirect("pathway:review-detail", pk=person.pk, number=number)
    messages.success(request, f"Review {number} is signed off. Version {version.number} is kept.")
    return redirect("pathway:version-detail", pk=person.pk, number=version.number)


@login_required
@require_POST
def review_return(request, pk: int, number: int):
    person = young_person_read(request, pk, "pathway.sign_review")
    plan = _plan(person)
    review = _review(plan, number)
    form = ReturnForm(request.POST)
    if form.is_valid():
        try:
            services.review_return(review=review, note=form.cleaned_data["note"], by=request.user)
        except services.PlanError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"Review {number} is sent back to {review.recorded_by}.")
            return redirect("pathway:reviews-to-sign")
        return redirect("pathway:review-detail", pk=person.pk, number=number)
    if not _can_sign(request.user, person, review):
        messages.error(request, "This review is not waiting for your sign-off.")
        return redirect("pathway:review-detail", pk=person.pk, number=number)
    return _review_page(request, person, plan, review, form, status=400)


@login_required
@permission_required("pathway.view_reviews_to_sign", raise_exception=True)
@require_GET
def reviews_to_sign(request):
    reviews = selectors.reviews_to_sign(request.user)
    page = Paginator(reviews, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "pathway/reviews_to_sign.html", {"page": page})


def _version(person, number: int):
    plan = _plan(person)
    version = selectors.plan_version(plan, number)
    if version is None:
        raise Http404("No such version")
    return plan, version


@login_required
@require_GET
@never_cache
def version_detail(request, pk: int, number: int):
    person = young_person_read(request, pk, "pathway.view_plan")
    plan, version = _version(person, number)
    context = {"person": person, "plan": plan, "version": version, "content": version.content}
    return render(request, "pathway/version_detail.html", context)


@login_required
@require_GET
@never_cache
def version_compare(request, pk: int, number: int):
    person = young_person_read(request, pk, "pathway.view_plan")
    plan, version = _version(person, number)
    previous = selectors.plan_version(plan, number - 1)
    changes = snapshot.compare(previous, version) if previous else None
    context = {"person": person, "version": version, "previous": previous, "changes": changes}
    return render(request, "pathway/version_compare.html", context)


def _pdf_response(content: dict, number: int) -> HttpResponse:
    response = HttpResponse(plan_pdf(content), content_type="application/pdf")
    # No name in the file name: downloads lists on shared computers are not private.
    filename = f"pathway-plan-version-{number}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_GET
def version_pdf(request, pk: int, number: int):
    person = young_person_read(request, pk, "pathway.view_plan")
    _, version = _version(person, number)
    return _pdf_response(version.content, version.number)


# --- Keeping in touch, circumstances, health ------------------------------------------------


@login_required
@require_GET
@never_cache
def contacts(request, pk: int):
    person = young_person_read(request, pk, "pathway.view_plan")
    current = people.current_allocation(person)
    since = current.started_on if current else timezone.localdate(person.created_at)
    page = Paginator(selectors.contacts_for(person), PAGE_SIZE).get_page(request.GET.get("page"))
    # The first page starts with the last contact: the status needs no query of its own.
    newest = list(page.object_list) if page.number == 1 else None
    context = {
        "person": person,
        "page": page,
        "status": selectors.contact_status(person, since, newest=newest),
        "today": _today(),
        "asked": selectors.contact_request_open(person),
    }
    return render(request, "pathway/contacts.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def contact_create(request, pk: int):
    """Log a contact; while a return window is open, confirm the birthday's facts too."""
    person = young_person_read(request, pk, "pathway.change_plan")
    today = _today()
    window = windows.open_window(person, today)
    initial = {"happened_on": today}
    if window is not None:
        initial |= selectors.birthday_facts_initial(person, window, today)
    form = ContactForm(request.POST or None, initial=initial, window=window, today=today)
    if request.method == "POST" and form.is_valid():
        try:
            services.contact_record(
                young_person=person,
                by=request.user,
                birthday_facts=form.birthday_facts(),
                **form.contact(),
            )
        except services.PlanError as error:
            form_error(form, error, "happened_on")
        else:
            messages.success(request, "The contact is saved.")
            return redirect("pathway:contacts", pk=person.pk)
    return form_page(
        request,
        form,
        title="Record a contact",
        back=reverse("pathway:contacts", args=[person.pk]),
        caption=person.full_name,
    )


@login_required
@require_http_methods(["GET", "POST"])
def contact_correct(request, pk: int, contact_pk: int):
    """Correct a contact's note; the earlier text stays, shown under the corrected one."""
    person = young_person_read(request, pk, "pathway.change_plan")
    contact = Contact.objects.filter(pk=contact_pk, young_person=person).first()
    if contact is None:
        raise Http404("No such contact")
    form = ContactCorrectForm(request.POST or None, initial={"note": contact.note})
    if request.method == "POST" and form.is_valid():
        try:
            services.contact_correct(
                contact=contact, note=form.cleaned_data["note"], by=request.user
            )
        except services.PlanError as error:
            form_error(form, error, "note")
        else:
            messages.success(request, "The note is corrected. The earlier note is kept.")
            return redirect("pathway:contacts", pk=person.pk)
    return form_page(
        request,
        form,
        title="Correct a contact's note",
        back=reverse("pathway:contacts", args=[person.pk]),
        caption=person.full_name,
        intro=(
            f"{contact.get_method_display()} on {contact.happened_on:%-d %B %Y}. "
            "Nothing is lost: the note as it is now is kept with your name and the date."
        ),
    )


@login_required
@require_GET
@never_cache
def situation(request, pk: int):
    person = young_person_read(request, pk, "pathway.view_plan")
    accommodation, activity = selectors.histories(person)
    context = {"person": person, "accommodation": accommodation, "activity": activity}
    return render(request, "pathway/situation.html", context)


def _spell_page(request, pk: int, form_class, record, title: str):
    person = young_person_read(request, pk, "pathway.change_plan")
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            record(young_person=person, by=request.user, **form.cleaned_data)
        except services.PlanError as error:
            form_error(form, error, "started_on")
        else:
            messages.success(request, "Saved.")
            return redirect("pathway:situation", pk=person.pk)
    return form_page(
        request,
        form,
        title=title,
        back=reverse("pathway:situation", args=[person.pk]),
        caption=person.full_name,
    )


@login_required
@require_http_methods(["GET", "POST"])
def accommodation_create(request, pk: int):
    return _spell_page(
        request, pk, AccommodationForm, services.accommodation_record, "Record a move"
    )


@login_required
@require_http_methods(["GET", "POST"])
def activity_create(request, pk: int):
    return _spell_page(
        request, pk, ActivityForm, services.activity_record, "Record a change of main activity"
    )


@login_required
@require_GET
@never_cache
def health(request, pk: int):
    person = young_person_read(request, pk, "pathway.view_plan")
    passport = selectors.health_passport(person)
    context = {
        "person": person,
        "passport": passport,
        "rows": [
            (HealthPassport._meta.get_field(name).verbose_name, getattr(passport, name, ""))
            for name in HEALTH_FIELDS
        ]
        + [
            (
                capfirst(HealthPassport._meta.get_field(name).verbose_name),
                "Yes" if getattr(passport, name, False) else "No",
            )
            for name in TRANSITION_FIELDS
        ],
        "documents": selectors.documents_for(person),
        "moves": selectors.document_moves_for(person),
        "can_change": request.user.has_perm("pathway.change_plan", person),
    }
    return render(request, "pathway/health.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def health_edit(request, pk: int):
    person = young_person_read(request, pk, "pathway.change_plan")
    passport = selectors.health_passport(person) or HealthPassport(young_person=person)
    form = HealthPassportForm(request.POST or None, instance=passport)
    page = {
        "title": "Health passport",
        "back": reverse("pathway:health", args=[person.pk]),
        "caption": person.full_name,
    }
    if request.method == "POST" and form.is_valid():
        clash = _save_or_show_clash(
            request,
            form,
            lambda: services.health_passport_save(
                young_person=person,
                fields=form.cleaned_data,
                revision=form.cleaned_data["revision"],
                by=request.user,
            ),
            rebuild=lambda data, saved: HealthPassportForm(data, instance=saved),
            saved_values=lambda saved: {n: getattr(saved, n) for n in HEALTH_FIELDS},
            page=page,
        )
        if clash:
            return clash
        messages.success(request, "The health passport is saved.")
        return redirect("pathway:health", pk=person.pk)
    return form_page(request, form, **page)


def _document_page(request, person, form_class, keep, *, done: str, then: str, **page):
    """The upload form; `keep` stores the checked file, or the form says why it would not."""
    form = form_class(request.POST or None, uploaded_files(request) or None)
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        fields["upload"] = fields.pop("file")
        try:
            keep(young_person=person, by=request.user, **fields)
        except services.PlanError as error:
            form_error(form, error, "file")
        else:
            messages.success(request, done)
            return redirect(then)
    return form_page(request, form, **page)


@login_required
@require_http_methods(["GET", "POST"])
def document_create(request, pk: int):
    person = young_person_read(request, pk, "pathway.change_plan")
    back = reverse("pathway:health", args=[person.pk])
    return _document_page(
        request,
        person,
        DocumentForm,
        services.document_upload,
        done="The document is uploaded.",
        then=back,
        title="Upload a document",
        back=back,
        caption=person.full_name,
        intro=(
            "Only people who work with them can open it, and they can too if you share it. "
            "Every download is recorded."
        ),
    )


@login_required
@require_POST
def document_share(request, pk: int, document_pk: int):
    """Share a document with the young person, or stop sharing it."""
    person = young_person_read(request, pk, "pathway.change_plan")
    document = selectors.document_for_user(request.user, person.pk, document_pk)
    if document is None:
        raise Http404("No such document")
    form = DocumentShareForm(request.POST)
    shared = form.cleaned_data["shared"] if form.is_valid() else False
    services.document_share_set(document=document, shared=shared, by=request.user)
    if shared:
        messages.success(request, f"{person.known_as} can now see “{document.title}”.")
    else:
        messages.success(request, f"{person.known_as} can no longer see “{document.title}”.")
    return redirect(reverse("pathway:health", args=[person.pk]) + "#documents")


@login_required
@require_http_methods(["GET", "POST"])
def document_move(request, pk: int, document_pk: int):
    """Move a document put on the wrong record to another young person the mover may see."""
    person = young_person_read(request, pk, "pathway.change_plan")
    document = Document.objects.filter(pk=document_pk, young_person=person).first()
    if document is None:
        raise Http404("No such document")
    others = people.young_people_visible_to(request.user).exclude(pk=person.pk)
    form = DocumentMoveForm(
        request.POST or None, young_people=others.order_by("last_name", "first_name", "pk")
    )
    if request.method == "POST" and form.is_valid():
        to_person = form.cleaned_data["to_young_person"]
        try:
            services.document_move(
                document=document,
                to_young_person=to_person,
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except services.PlanError as error:
            form_error(form, error, "to_young_person")
        else:
            record_access(to_person)
            messages.success(request, f"“{document.title}” is moved to {to_person.full_name}.")
            return redirect("pathway:health", pk=person.pk)
    return form_page(
        request,
        form,
        title=f"Move “{document.title}”",
        back=reverse("pathway:health", args=[person.pk]),
        caption=person.full_name,
        intro=(
            "Move it if it was put on the wrong young person's record. Both records keep a "
            "note of the move; the file itself is not copied."
        ),
    )


@login_required
@require_GET
def document_download(request, pk: int, document_pk: int):
    """Send a document to someone who may see it; every download is in the audit trail."""
    if not request.user.is_staff_role:
        raise PermissionDenied
    document = selectors.document_for_user(request.user, pk, document_pk)
    if document is None or not request.user.has_perm("pathway.view_plan", document.young_person):
        raise Http404("No such document")
    record_access(document.young_person)
    record_access(document)
    return private_file_response(
        document.file,
        # No title in the file's name: download lists on shared computers are not private.
        name=f"document-{timezone.localdate(document.uploaded_at):%Y-%m-%d}",
        content_type=document.content_type,
    )


# --- The young person's own plan -----------------------------------------------------------


def _own_plan(request):
    person = own_record_or_404(request)
    return person, selectors.plan_detail(person.pk)


@login_required
@permission_required("pathway.view_own_plan", raise_exception=True)
@require_GET
@never_cache
def my_plan(request):
    person, plan = _own_plan(request)
    context = {"person": person, "plan": plan, "today": _today()}
    if plan is not None:
        version = selectors.latest_version(plan)
        context.update(
            version=version,
            draft=snapshot.plan_content(plan),
            sections={s.matter: s for s in plan.sections.all()},
            my_actions=[a for a in plan.actions.all() if a.owner == ActionOwner.YOUNG_PERSON],
            asked=any(r.reason == ReviewReason.YOUNG_PERSON_ASKED for r in plan.open_requests),
        )
    return render(request, "pathway/my_plan.html", context)


@login_required
@permission_required("pathway.view_own_plan", raise_exception=True)
@require_http_methods(["GET", "POST"])
def my_section_view(request, matter: str):
    person, plan = _own_plan(request)
    if plan is None:
        raise Http404("No plan yet")
    section = _section(plan, matter)
    form = SectionViewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.section_view_add(
                section=section, text=form.cleaned_data["text"], by=request.user
            )
        except services.PlanError as error:
            form_error(form, error, "text")
        else:
            messages.success(request, "Thank you. Your view is added to your plan.")
            return redirect(reverse("pathway:my-plan") + f"#{matter}")
    return form_page(
        request,
        form,
        title=section.get_matter_display(),
        back=reverse("pathway:my-plan") + f"#{matter}",
        caption="Your pathway plan",
        intro=MATTER_GUIDANCE[Matter(matter)][1],
    )


def _my_action_step(request, action_pk: int, step, said: str):
    """Run `step(action=..., by=...)` on one of the young person's own actions, then back."""
    _, plan = _own_plan(request)
    action = next((a for a in plan.actions.all() if a.pk == action_pk), None) if plan else None
    if action is None:
        raise Http404("No such action")
    try:
        step(action=action, by=request.user)
    except services.PlanError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, said.format(what=action.what))
    return redirect(reverse("pathway:my-plan") + "#my-actions")


@login_required
@permission_required("pathway.view_own_plan", raise_exception=True)
@require_POST
def my_action_done(request, action_pk: int):
    return _my_action_step(
        request,
        action_pk,
        services.action_done_by_young_person,
        "Well done. “{what}” is marked as done.",
    )


@login_required
@permission_required("pathway.view_own_plan", raise_exception=True)
@require_POST
def my_action_undo(request, action_pk: int):
    return _my_action_step(
        request, action_pk, services.action_undo, "“{what}” is back on your list of steps to do."
    )


@login_required
@permission_required("pathway.view_own_plan", raise_exception=True)
@require_http_methods(["GET", "POST"])
def my_review_request(request):
    person, plan = _own_plan(request)
    if plan is None:
        raise Http404("No plan yet")
    form = MyReviewRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.review_request_raise(
            plan=plan,
            reason=ReviewReason.YOUNG_PERSON_ASKED,
            note=form.cleaned_data["note"],
            by=request.user,
        )
        messages.success(request, "Thank you. Your PA will be in touch to arrange your review.")
        return redirect("pathway:my-plan")
    return form_page(
        request,
        form,
        title="Ask for a review of your plan",
        back=reverse("pathway:my-plan"),
        caption="Your pathway plan",
        intro=(
            "You can ask for your plan to be looked at again at any time. Your PA will "
            f"arrange a review with you within {settings.PATHWAY_ASKED_REVIEW_DAYS // 7} weeks."
        ),
    )


@login_required
@permission_required("pathway.view_own_plan", raise_exception=True)
@require_http_methods(["GET", "POST"])
def my_contact_request(request):
    """Ask my PA to get in touch: a short message, and the PA is told."""
    person = people.own_record(request.user)
    if person is None:
        raise Http404("No record linked to this account")
    asked = selectors.contact_request_open(person)
    form = ContactRequestForm(request.POST or None)
    if asked is None and request.method == "POST" and form.is_valid():
        try:
            services.contact_request_make(
                young_person=person, message=form.cleaned_data["message"], by=request.user
            )
        except services.PlanError as error:
            form_error(form, error, "message")
        else:
            messages.success(request, "Thank you. Your PA will be in touch soon.")
            return redirect("portal:my-home")
    context = {
        "person": person,
        "asked": asked,
        "form": form,
        "current": people.current_allocation(person),
    }
    return render(request, "pathway/my_contact_request.html", context)


@login_required
@permission_required("pathway.view_own_plan", raise_exception=True)
@require_GET
def my_plan_pdf(request):
    person, plan = _own_plan(request)
    version = selectors.latest_version(plan) if plan else None
    if version is None:
        raise Http404("No signed plan yet")
    return _pdf_response(version.content, version.number)


# --- The young person's own health passport and documents ---------------------------------


@login_required
@permission_required("pathway.view_own_health", raise_exception=True)
@require_GET
@never_cache
def my_health(request):
    person = own_record_or_404(request)
    passport = selectors.health_passport(person)
    rows = [
        (label, getattr(passport, name, ""))
        for name, label in HEALTH_FIELDS_FOR_YOUNG_PERSON.items()
    ]
    context = {"person": person, "passport": passport, "rows": rows}
    return render(request, "pathway/my_health.html", context)


@login_required
@permission_required("pathway.view_own_health", raise_exception=True)
@require_GET
@never_cache
def my_documents(request):
    person = own_record_or_404(request)
    context = {"person": person, "documents": selectors.documents_for_young_person(person)}
    return render(request, "pathway/my_documents.html", context)


@login_required
@permission_required("pathway.add_own_document", raise_exception=True)
@require_http_methods(["GET", "POST"])
def my_document_create(request):
    back = reverse("pathway:my-documents")
    return _document_page(
        request,
        own_record_or_404(request),
        MyDocumentForm,
        services.my_document_upload,
        done="Thank you. Your document is added, and your PA can see it.",
        then=back,
        title="Add a document",
        back=back,
        caption="Your documents",
        intro=(
            "Add a letter, a certificate or a photo of one. You and the people who work "
            "with you can open it."
        ),
    )


@login_required
@permission_required("pathway.view_own_health", raise_exception=True)
@require_GET
def my_document_download(request, document_pk: int):
    """One of their own documents; another person's is missing, as anything not theirs is."""
    document = selectors.own_document(request.user, document_pk)
    if document is None:
        raise Http404("No such document")
    record_access(document)
    return private_file_response(
        document.file,
        # No title in the file's name: download lists on shared computers are not private.
        name=f"document-{timezone.localdate(document.uploaded_at):%Y-%m-%d}",
        content_type=document.content_type,
    )
