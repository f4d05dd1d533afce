"""Handover and ending pages. Thin: parse, authorize, call a service or selector, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from rules.contrib.views import permission_required

from common.confirm import confirmed
from common.errors import form_error
from common.paging import Paginator
from handovers import selectors, services
from handovers.forms import CouncilMoveForm, EndingForm, IntroForm, SummaryForm, ToldForm
from handovers.models import Handover, Kind
from people.audit import record_access
from people.views import PAGE_SIZE, confirm_page, form_page, young_person_read

VIEW = "handovers.view_handovers"


def _handover(request, pk: int) -> Handover:
    """The handover if this user may see it; reading it is a read of the young person's record."""
    handover = selectors.handover_for_user(request.user, pk)
    record_access(handover.young_person)
    return handover


@login_required
@permission_required(VIEW, raise_exception=True)
@require_GET
@never_cache
def handover_list(request):
    today = timezone.localdate()
    rows = [
        (handover, handover.steps(today)) for handover in selectors.open_handovers(request.user)
    ]
    show_late = request.GET.get("show") == "late"
    if show_late:
        rows = [(h, steps) for h, steps in rows if any(step.is_late for step in steps)]
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "rows": page.object_list,
        "page": page,
        "query": "show=late" if show_late else "",
        "count": len(rows),
        "show_late": show_late,
        "closed": selectors.recently_closed(request.user),
        "today": today,
    }
    return render(request, "handovers/handover_list.html", context)


@login_required
@permission_required(VIEW, raise_exception=True)
@require_GET
@never_cache
def handover_detail(request, pk: int):
    handover = _handover(request, pk)
    context = {
        "handover": handover,
        "steps": handover.steps(timezone.localdate()),
        "can_allocate": request.user.has_perm("portal.allocate"),
        "can_see_record": request.user.has_perm("portal.view_young_person", handover.young_person),
    }
    return render(request, "handovers/handover_detail.html", context)


def _step(request, handover, form_class, save, *, title: str, done: str, **form_kwargs):
    """One step's page: the form, then the service; a refusal is shown on the form."""
    if handover.closed_at is not None:
        messages.error(request, "This has been closed, so it cannot change.")
        return redirect(handover)
    initial = {"revision": handover.revision, **form_kwargs.pop("initial", {})}
    form = form_class(request.POST or None, initial=initial, **form_kwargs)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            save(handover, form.cleaned_data)
        except services.HandoverError as error:
            form_error(form, error, None)
            status = 409 if isinstance(error, services.StaleHandoverError) else 200
        else:
            messages.success(request, done)
            return redirect(handover)
    return form_page(
        request,
        form,
        title=title,
        back=handover.get_absolute_url(),
        caption=handover.young_person.full_name,
        status=status,
    )


@login_required
@permission_required(VIEW, raise_exception=True)
@require_http_methods(["GET", "POST"])
def summary(request, pk: int):
    handover = _handover(request, pk)
    is_ending = handover.kind == Kind.ENDING
    help_text = (
        "What support they had, what went well, what is still open, and what they want "
        "people to know."
        if is_ending
        else "What the new PA needs to know: what matters to them, what is going on now, "
        "who else is involved, and what is due soon."
    )
    return _step(
        request,
        handover,
        SummaryForm,
        lambda h, data: services.summary_write(
            handover=h, text=data["summary"], revision=data["revision"], by=request.user
        ),
        title="Ending summary" if is_ending else "Handover summary",
        done="The summary is saved.",
        help_text=help_text,
        initial={"summary": handover.summary},
    )


@login_required
@permission_required(VIEW, raise_exception=True)
@require_http_methods(["GET", "POST"])
def told(request, pk: int):
    return _step(
        request,
        _handover(request, pk),
        ToldForm,
        lambda h, data: services.told_record(
            handover=h, how=data["how"], revision=data["revision"], by=request.user
        ),
        title="Tell them who their new PA is",
        done="Recorded that they know who their new PA is.",
    )


@login_required
@permission_required(VIEW, raise_exception=True)
@require_http_methods(["GET", "POST"])
def intro(request, pk: int):
    return _step(
        request,
        _handover(request, pk),
        IntroForm,
        lambda h, data: services.intro_record(
            handover=h, held_on=data["held_on"], revision=data["revision"], by=request.user
        ),
        title="Introduction meeting",
        done="The introduction meeting is recorded.",
    )


@login_required
@permission_required(VIEW, raise_exception=True)
@require_http_methods(["GET", "POST"])
def ending(request, pk: int):
    handover = _handover(request, pk)
    return _step(
        request,
        handover,
        EndingForm,
        lambda h, data: services.ending_record(
            handover=h,
            signposting=data["signposting"],
            stay_in_touch=data["stay_in_touch"],
            revision=data["revision"],
            by=request.user,
        ),
        title="Where to get help, and staying in touch",
        done="Saved.",
        initial={"signposting": handover.signposting, "stay_in_touch": handover.stay_in_touch},
    )


@login_required
@require_http_methods(["GET", "POST"])
@never_cache
def council_move(request, pk: int):
    """A manager moves a young person's support to another council. Where, and their
    agreement, are asked first; the next page says what the move ends, and only its button
    moves them."""
    person = young_person_read(request, pk, "portal.allocate")
    form = CouncilMoveForm(request.POST or None, teams=selectors.teams_elsewhere(person))
    if request.method == "POST" and form.is_valid():
        answers, refused = form.cleaned_data, None
        seen = confirmed(request.POST)
        if seen:
            try:
                services.council_move(young_person=person, **answers, by=request.user, seen=seen)
            except services.CouncilMoveError as error:
                refused = error.message
            else:
                messages.success(
                    request,
                    f"{person.full_name}'s support has moved to {answers['to_team'].authority}.",
                )
                return redirect("handovers:list")
        summary = services.council_move_summary(person, answers["to_team"])
        refused = refused or summary["refusal"] or None
        return confirm_page(
            request,
            title=f"Move {person.full_name}'s support to {answers['to_team'].authority}",
            back=reverse("handovers:council-move", args=[person.pk]),
            caption="Good endings",
            summary="handovers/_council_move_summary.html",
            move=summary,
            seen=None if summary["refusal"] else summary["seen"],
            carry=[
                (k, v) for k, v in request.POST.items() if k in form.fields or "consent_on" in k
            ],
            button="Move their support",
            danger=True,
            refused=refused,
            status=409 if refused else 200,
        )
    return form_page(
        request,
        form,
        title=f"Move {person.full_name}'s support to another council",
        back=reverse("portal:young-person-detail", args=[person.pk]),
        caption="Good endings",
        intro="You can check what the move ends before anything changes.",
    )
