"""The young person's voice: their own pages under /my/voice/, their PA's page on their
record, surveys for managers and the public "You said, we did". Thin: parse, authorise,
call a service or selector, render."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from rules.contrib.views import permission_required

from common.errors import form_error
from offer.selectors import public_authority
from pathway.models import ActionOwner
from people.views import form_page, own_record_or_404, young_person_read
from voice import selectors, services, surveys
from voice.forms import (
    CheckInForm,
    ChecklistForm,
    SkillConfirmForm,
    SkillsForm,
    SurveyForm,
    YouSaidWeDidForm,
)
from voice.hours import is_out_of_hours
from voice.models import Skill

OWN = "voice.use_own"
VIEW = "voice.view_voice"
CHANGE = "voice.change_voice"
HELP_ACTION_WEEKS = 2


def _area(slug: str):
    area = selectors.area_by_slug(slug)
    if area is None:
        raise Http404("No such checklist")
    return area


# --- The young person's own pages ----------------------------------------------------------


@login_required
@permission_required(OWN, raise_exception=True)
@require_GET
@never_cache
def my_home(request):
    person = own_record_or_404(request)
    today = timezone.localdate()
    latest = selectors.latest_answer_sets(person)
    context = {
        "person": person,
        "areas": [(area, latest.get(area.pk)) for area in selectors.areas()],
        "check_ins": selectors.check_ins_for(person, limit=5),
        "asked": selectors.check_in_asked(person),
        "skills": selectors.skills_for(person, today),
        "surveys": selectors.open_surveys(person, today),
    }
    return render(request, "voice/my_home.html", context)


@login_required
@permission_required(OWN, raise_exception=True)
@require_http_methods(["GET", "POST"])
def my_check_in(request):
    person = own_record_or_404(request)
    form = CheckInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.check_in_make(
            young_person=person,
            mood=data["mood"] or None,
            feels_supported=data["feels_supported"],
            needs_help_with=data["needs_help_with"],
            by=request.user,
        )
        messages.success(request, "Thank you. Your PA can see your check-in.")
        return redirect("voice:my-home")
    return render(request, "voice/my_check_in.html", {"form": form, "person": person})


@login_required
@permission_required(OWN, raise_exception=True)
@require_http_methods(["GET", "POST"])
def my_help_now(request):
    """A clear page with one button. Pressing it tells someone at once, and shows the numbers."""
    person = own_record_or_404(request)
    hours = services.out_of_hours_for(person.authority_id)
    context = {
        "person": person,
        "hours": hours,
        "out_of_hours": is_out_of_hours(timezone.now(), opens=hours.opens, closes=hours.closes),
        "sent": None,
    }
    if request.method == "POST":
        context["sent"] = services.help_now(young_person=person, by=request.user)
    return render(request, "voice/my_help_now.html", context)


@login_required
@permission_required(OWN, raise_exception=True)
@require_http_methods(["GET", "POST"])
def my_checklist(request, area: str):
    person = own_record_or_404(request)
    return _checklist_page(
        request,
        person,
        _area(area),
        done="Thank you. Your answers are saved. Your PA can see them.",
        then=reverse("voice:my-home"),
        caption="Your checklist",
    )


def _checklist_page(request, person, area, *, done: str, then: str, caption: str):
    form = ChecklistForm(request.POST or None, area=area)
    if request.method == "POST" and form.is_valid():
        try:
            services.checklist_answer(
                young_person=person, area=area, replies=form.replies(), by=request.user
            )
        except services.VoiceError as error:
            form_error(form, error)
        else:
            messages.success(request, done)
            return redirect(then)
    context = {
        "form": form,
        "title": area.name,
        "back": then,
        "caption": caption,
        "intro": "Answer as things are now. You can answer again at any time.",
        "history": selectors.answer_history(person, area)[:6],
    }
    return render(request, "voice/checklist.html", context)


@login_required
@permission_required(OWN, raise_exception=True)
@require_http_methods(["GET", "POST"])
def my_skills(request):
    person = own_record_or_404(request)
    progress = selectors.skills_for(person, timezone.localdate())
    form = SkillsForm(request.POST or None, progress=progress)
    if request.method == "POST" and form.is_valid():
        services.skills_rate(young_person=person, ratings=form.ratings(), by=request.user)
        messages.success(request, "Saved. Your PA can see how you are getting on.")
        return redirect("voice:my-home")
    return form_page(
        request,
        form,
        title="Skills for living on your own",
        back=reverse("voice:my-home"),
        caption="Your skills",
        intro="How sure are you that you can do each of these on your own?",
    )


@login_required
@permission_required(OWN, raise_exception=True)
@require_http_methods(["GET", "POST"])
def my_survey(request, survey_pk: int):
    return _survey_page(
        request,
        own_record_or_404(request),
        survey_pk,
        back=reverse("voice:my-home"),
        done="Thank you. What you said will help us do better.",
        caption="Survey",
        intro=(
            "Your answers are private. Nobody who works with you sees them: we only look at "
            "answers from groups of five or more people together."
        ),
    )


def _survey_page(request, person, survey_pk: int, *, back: str, done: str, **page):
    """Answering a survey: online by the young person, or by staff from a phone call (the
    service marks which). Once saved, the survey is not open to them, so no page shows it."""
    survey = selectors.open_surveys(person, timezone.localdate()).filter(pk=survey_pk).first()
    if survey is None:
        raise Http404("No such survey open, or it is answered")
    form = SurveyForm(request.POST or None, survey=survey, phone=request.user != person.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.survey_answer(
                survey=survey,
                young_person=person,
                answers=form.answers(),
                comment=form.cleaned_data["comment"],
                by=request.user,
            )
        except services.VoiceError as error:
            form_error(form, error)
        else:
            messages.success(request, done)
            return redirect(back)
    return form_page(request, form, title=survey.title, back=back, **page)


# --- The PA's page on the young person's record --------------------------------------------


@login_required
@require_GET
@never_cache
def person(request, pk: int):
    person = young_person_read(request, pk, VIEW)
    today = timezone.localdate()
    context = {
        "person": person,
        "latest": sorted(selectors.latest_answer_sets(person).values(), key=lambda s: s.area.order),
        "history": selectors.answer_history(person)[:30],
        "flags": selectors.help_flags_of(person),
        "areas": selectors.areas(),
        "check_ins": selectors.check_ins_for(person),
        "asked": selectors.check_in_asked(person),
        "skills": selectors.skills_for(person, today),
        "surveys": selectors.open_surveys(person, today),
        "can_change": request.user.has_perm(CHANGE, person),
        "confirm_form": SkillConfirmForm(),
    }
    return render(request, "voice/person.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def person_checklist(request, pk: int, area: str):
    person = young_person_read(request, pk, CHANGE)
    return _checklist_page(
        request,
        person,
        _area(area),
        done="The checklist is saved.",
        then=reverse("voice:person", args=[person.pk]),
        caption=f"{person.full_name}: filled in with them",
    )


def _flag(request, pk: int, answer_pk: int):
    person = young_person_read(request, pk, CHANGE)
    answer = selectors.help_flag_for(person, answer_pk)
    if answer is None:
        raise Http404("No such help flag open")
    return person, answer


@login_required
@require_POST
def help_action(request, pk: int, answer_pk: int):
    """One step: the "I need help" becomes a PA action in the matching plan section."""
    person, answer = _flag(request, pk, answer_pk)
    what = f"Help with: {answer.question.text}"
    if answer.note:
        what += f" ({answer.note})"
    try:
        action = services.help_flag_to_action(
            answer=answer,
            what=what[:300],
            owner=ActionOwner.PA,
            due_on=timezone.localdate() + dt.timedelta(weeks=HELP_ACTION_WEEKS),
            by=request.user,
        )
    except services.VoiceError as error:
        messages.error(request, str(error))
        return redirect("voice:person", pk=person.pk)
    messages.success(
        request, "It is a plan action now. Change what it says or when it is due here."
    )
    return redirect("pathway:action-edit", pk=person.pk, action_pk=action.pk)


@login_required
@require_POST
def help_close(request, pk: int, answer_pk: int):
    person, answer = _flag(request, pk, answer_pk)
    try:
        services.help_flag_close(answer=answer, by=request.user)
    except services.VoiceError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Marked as dealt with.")
    return redirect("voice:person", pk=person.pk)


@login_required
@require_POST
def check_in_ask(request, pk: int):
    person = young_person_read(request, pk, CHANGE)
    services.check_in_ask(young_person=person, by=request.user)
    messages.success(request, f"{person.known_as} is asked for a check-in.")
    return redirect("voice:person", pk=person.pk)


@login_required
@require_POST
def skill_confirm(request, pk: int, skill_pk: int):
    person = young_person_read(request, pk, CHANGE)
    skill = get_object_or_404(Skill, pk=skill_pk, is_active=True)
    form = SkillConfirmForm(request.POST)
    how = form.cleaned_data["how"] if form.is_valid() else "pa"
    try:
        services.skill_confirm(young_person=person, skill=skill, how=how, by=request.user)
    except services.VoiceError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Confirmed: {skill.name}.")
    return redirect(reverse("voice:person", args=[person.pk]) + "#skills")


@login_required
@require_http_methods(["GET", "POST"])
def survey_phone(request, pk: int, survey_pk: int):
    """Answers the young person gave on a phone call, recorded by staff and marked so."""
    person = young_person_read(request, pk, CHANGE)
    return _survey_page(
        request,
        person,
        survey_pk,
        back=reverse("voice:person", args=[person.pk]),
        done="Their answers are saved, marked as given by phone.",
        caption=f"{person.full_name}: answers from a phone call",
        intro=(
            "Read each statement to them and record their answer. Once saved, you will not "
            "see their answers again: results are shown only for groups of five or more."
        ),
    )


# --- Surveys and "You said, we did" ---------------------------------------------------------


@login_required
@permission_required("voice.view_survey_results", raise_exception=True)
@require_GET
@never_cache
def survey_list(request):
    context = {"surveys": selectors.surveys_of(request.user.authority_id)}
    return render(request, "voice/survey_list.html", context)


@login_required
@permission_required("voice.view_survey_results", raise_exception=True)
@require_GET
@never_cache
def survey_results(request, survey_pk: int):
    survey = get_object_or_404(
        selectors.surveys_of(request.user.authority_id).prefetch_related("questions"),
        pk=survey_pk,
    )
    # Results only once the survey has closed: while it is open they would move with each
    # answer, and whoever knew who had just answered could work out what they said.
    still_open = survey.closes_on >= timezone.localdate()
    context = {
        "survey": survey,
        "still_open": still_open,
        "results": None if still_open else surveys.results(survey),
        "smallest": surveys.SMALLEST_GROUP,
    }
    return render(request, "voice/survey_results.html", context)


@login_required
@permission_required("voice.write_you_said", raise_exception=True)
@require_http_methods(["GET", "POST"])
def you_said_manage(request):
    form = YouSaidWeDidForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.you_said_we_did_add(
            authority_id=request.user.authority_id,
            you_said=form.cleaned_data["you_said"],
            we_did=form.cleaned_data["we_did"],
            by=request.user,
        )
        messages.success(request, "Published on the local offer's “You said, we did” page.")
        return redirect("voice:you-said-manage")
    context = {
        "form": form,
        "title": "You said, we did",
        "back": reverse("voice:surveys"),
        "intro": "Tell care leavers what changed because of what they said. It is public.",
        "entries": selectors.you_said_we_did(request.user.authority_id),
    }
    return render(request, "voice/you_said_manage.html", context)


@require_GET
def you_said(request):
    """Public, on the local offer: each council's entries (one council: just its own)."""
    authority = public_authority()
    entries = selectors.you_said_we_did(authority.pk)[:50] if authority else []
    return render(request, "voice/you_said.html", {"authority": authority, "entries": entries})
