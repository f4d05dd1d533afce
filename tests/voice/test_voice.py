"""The young person's voice: checklists, help flags, check-ins, skills, surveys, figures."""

import datetime as dt

import pytest
from django.contrib import admin
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from common.calendar import bank_holidays
from common.figures import Scope
from notifications.models import Notification
from notifications.services import rule_run
from pathway.models import Action, Matter
from pathway.selectors import plan_detail
from pathway.snapshot import plan_content
from people.models import LegalStatus
from rota import services as rota_services
from rota.models import Leave
from tests.factories import (
    AllocationFactory,
    YoungPersonFactory,
    signed_plan,
    voice_catalogue,
)
from voice import services
from voice.figures import voice_figures
from voice.models import (
    Answer,
    AnswerSet,
    Area,
    CheckIn,
    OutOfHours,
    Reply,
    Skill,
    SkillConfirmation,
    SkillRating,
    Survey,
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
)
from voice.surveys import results

pytestmark = pytest.mark.django_db
ZONE = timezone.get_current_timezone()


def _post_checklist(client, area, replies):
    data = {}
    for question, (reply, note) in zip(area.questions.all(), replies, strict=True):
        data[f"q{question.pk}"] = reply
        data[f"note{question.pk}"] = note
    return client.post(reverse("voice:my-checklist", args=[area.slug]), data)


@pytest.fixture
def money():
    voice_catalogue()
    return Area.objects.get(slug="finances")


def test_a_fresh_install_has_the_eight_areas_and_the_skills():
    assert Area.objects.count() == 8
    assert set(Area.objects.values_list("matter", flat=True)) <= set(Matter.values)
    assert Skill.objects.filter(name__startswith="Cook seven").exists()


def test_a_checklist_answered_twice_keeps_both_sets(client, care_leaver, money):
    client.force_login(care_leaver)
    first = [("help", "I have no bank account"), ("not_sure", ""), ("yes", "")]
    assert _post_checklist(client, money, first).status_code == 302
    second = [("yes", "Opened one at the post office"), ("yes", ""), ("yes", "")]
    assert _post_checklist(client, money, second).status_code == 302

    sets = AnswerSet.objects.filter(young_person=care_leaver.young_person, area=money)
    assert sets.count() == 2
    oldest, newest = sets.order_by("answered_at", "pk")
    assert [a.reply for a in oldest.answers.all()] == ["help", "not_sure", "yes"]
    assert [a.reply for a in newest.answers.all()] == ["yes", "yes", "yes"]
    page = client.get(reverse("voice:my-checklist", args=[money.slug])).content.decode()
    assert "I have no bank account" in page and "Opened one at the post office" in page


def test_i_need_help_is_on_the_caseload_and_becomes_a_plan_action(
    client, care_leaver, pa, manager, money
):
    person = care_leaver.young_person
    signed_plan(person, pa=pa, manager=manager)
    client.force_login(care_leaver)
    _post_checklist(client, money, [("help", "Lost my card"), ("yes", ""), ("yes", "")])
    told = Notification.objects.get(recipient=pa, kind="help_flag")
    assert "need help" in told.message

    client.force_login(pa)
    caseload = client.get(reverse("pathway:caseload")).content.decode()
    assert "Said they need help" in caseload and "I have a bank account" in caseload
    flag = AnswerSet.objects.get().answers.get(reply=Reply.HELP)
    response = client.post(reverse("voice:help-action", args=[person.pk, flag.pk]))

    action = Action.objects.get(plan__young_person=person, what__startswith="Help with")
    assert response.url == reverse("pathway:action-edit", args=[person.pk, action.pk])
    assert action.matter == Matter.FINANCE and "Lost my card" in action.what
    flag.refresh_from_db()
    assert flag.action == action and flag.answered_by == pa
    assert "Said they need help" not in client.get(reverse("pathway:caseload")).content.decode()
    # ... and the latest answers show beside the plan's money section.
    plan_page = client.get(reverse("pathway:plan", args=[person.pk])).content.decode()
    assert "Needs checklist, Money" in plan_page


@pytest.fixture
def duty_tonight(authority, other_pa, manager):
    at = dt.datetime.combine(timezone.localdate(), dt.time(22), tzinfo=ZONE)
    rota_services.shift_create(
        authority=authority,
        role="duty",
        starts_at=at - dt.timedelta(hours=5),
        ends_at=at + dt.timedelta(hours=10),
        pa=other_pa,
        by=manager,
    )
    OutOfHours.objects.create(authority=authority, emergency_duty_phone="01632 960 999")
    authority.duty_phone = "01632 960 111"
    authority.save()
    return at


def test_i_need_help_now_at_ten_at_night_reaches_the_duty_worker(
    client, care_leaver, pa, other_pa, duty_tonight, monkeypatch
):
    monkeypatch.setattr(timezone, "now", lambda: duty_tonight)
    client.force_login(care_leaver)
    page = client.post(reverse("voice:my-help-now")).content.decode()

    check_in = CheckIn.objects.get(help_now=True)
    assert check_in.out_of_hours and check_in.told == other_pa and check_in.told_as == "duty worker"
    assert Notification.objects.filter(recipient=other_pa, kind="help_now").count() == 1
    assert not Notification.objects.filter(recipient=pa, kind="help_now").exists()
    assert "01632 960 999" in page and "It is out of hours now" in page and "999" in page
    # The duty worker, who is not their PA, opens the alert's link: the duty log's page for
    # them, with their number.
    alert = Notification.objects.get(recipient=other_pa, kind="help_now")
    client.force_login(other_pa)
    opened = client.get(alert.link)
    assert opened.status_code == 200
    assert care_leaver.young_person.full_name in opened.content.decode()


def test_i_need_help_now_in_office_hours_goes_to_the_duty_worker_while_the_pa_is_away(
    care_leaver, pa, other_pa, manager, duty_tonight
):
    # A working day last week: Monday, or the next day that is not a bank holiday.
    day = timezone.localdate() - dt.timedelta(days=timezone.localdate().weekday() + 7)
    while day.weekday() >= 5 or bank_holidays(day, day):
        day += dt.timedelta(days=1)
    at = dt.datetime.combine(day, dt.time(11), tzinfo=ZONE)
    rota_services.shift_create(
        authority=pa.authority,
        role="duty",
        starts_at=at - dt.timedelta(hours=2),
        ends_at=at + dt.timedelta(hours=4),
        pa=other_pa,
        by=manager,
    )
    person = care_leaver.young_person
    in_hours = services.help_now(young_person=person, by=care_leaver, at=at)
    assert not in_hours.out_of_hours
    assert in_hours.told == pa and in_hours.told_as == "PA"
    Leave.objects.create(pa=pa, starts_on=at.date(), ends_on=at.date(), created_by=manager)
    away = services.help_now(young_person=person, by=care_leaver, at=at)
    assert away.told == other_pa and away.told_as == "duty worker"


def test_a_check_in_answers_the_pas_request_and_the_reminder_comes_once_after_four_weeks(
    client, care_leaver, pa
):
    person = care_leaver.young_person
    care_leaver.date_joined = timezone.now() - dt.timedelta(days=90)
    care_leaver.save()
    client.force_login(pa)
    client.post(reverse("voice:check-in-ask", args=[person.pk]))
    assert Notification.objects.filter(recipient=care_leaver, kind="check_in_asked").exists()
    client.force_login(care_leaver)
    response = client.post(reverse("voice:my-check-in"), {"mood": "2", "feels_supported": "no"})
    assert response.status_code == 302
    assert CheckIn.objects.get(young_person=person).mood == 2

    in_five_weeks = timezone.localdate() + dt.timedelta(weeks=5)
    for _ in range(2):
        rule_run(name="check_in_reminder", day=in_five_weeks)
    reminders = Notification.objects.filter(recipient=care_leaver, kind="check_in_reminder")
    assert reminders.count() == 1
    rule_run(name="check_in_reminder", day=timezone.localdate() + dt.timedelta(weeks=2))
    assert reminders.count() == 1


def test_skills_confirmed_show_in_the_plans_skills_section_and_its_signed_content(
    client, care_leaver, pa, manager
):
    person = care_leaver.young_person
    signed_plan(person, pa=pa, manager=manager)
    skill = Skill.objects.get(name__startswith="Cook seven")
    client.force_login(care_leaver)
    client.post(reverse("voice:my-skills"), {f"s{skill.pk}": "3"})
    client.force_login(pa)
    client.post(reverse("voice:skill-confirm", args=[person.pk, skill.pk]), {"how": "carer"})

    content = plan_content(plan_detail(person.pk))
    skills = next(s for s in content["sections"] if s["matter"] == "skills")
    assert skills["notes"][0]["heading"].startswith("Skills for living on your own: 1 of")
    cooking = dict(skills["notes"][0]["rows"])[skill.name]
    assert cooking.startswith("I can do this. Confirmed")
    profile = client.get(reverse("portal:young-person-detail", args=[person.pk])).content.decode()
    assert "1 of 10 confirmed" in profile


def _respondents(authority, survey, team_pas: list, *, agree: int = 4) -> None:
    question = survey.questions.get()
    for index, pa in enumerate(team_pas):
        person = YoungPersonFactory(
            authority=authority, first_name=f"R{index}", legal_status=LegalStatus.FORMER_RELEVANT
        )
        AllocationFactory(young_person=person, pa=pa)
        services.survey_answer(
            survey=survey, young_person=person, answers={question.pk: agree}, by=pa
        )


@pytest.fixture
def survey(authority):
    today = timezone.localdate()
    survey = Survey.objects.create(
        authority=authority,
        title="Leaving care survey",
        opens_on=today - dt.timedelta(days=3),
        closes_on=today + dt.timedelta(days=10),
    )
    SurveyQuestion.objects.create(
        survey=survey, text="I get the support I need", is_support_measure=True
    )
    return survey


def test_a_team_with_four_respondents_shows_no_figure(
    client, authority, survey, pa, other_pa, manager
):
    _respondents(authority, survey, [pa] * 6 + [other_pa] * 4)
    found = results(survey)
    by_team = {g.label: g for g in next(b for b in found.breakdowns if b.title == "By team").groups}
    assert by_team["North team"].respondents == 6
    assert by_team["South team"].hidden and by_team["South team"].agree == {}
    # Hiding one team alone would let it be worked out from the total: North is hidden too.
    assert by_team["North team"].hidden
    assert found.overall.agree == {survey.questions.get().pk: 100}

    client.force_login(manager)
    url = reverse("voice:survey-results", args=[survey.pk])
    # While it is open its figures would move with each answer: none are shown yet.
    page = client.get(url).content.decode()
    assert "Its results show here once it has closed" in page and "South team" not in page
    _close(survey)
    page = client.get(url).content.decode()
    assert "South team" in page and "Not shown" in page


def test_a_phone_answer_is_recorded_by_staff_marked_and_counted_once(
    client, care_leaver, pa, survey
):
    person = care_leaver.young_person
    question = survey.questions.get()
    client.force_login(pa)
    url = reverse("voice:survey-phone", args=[person.pk, survey.pk])
    assert client.post(url, {f"q{question.pk}": "5"}).status_code == 302

    response = SurveyResponse.objects.get(survey=survey)
    assert response.by_phone and response.recorded_by == pa and response.young_person == person
    # Nobody sees the answers again, and the young person cannot answer a second time.
    assert client.get(url).status_code == 404
    client.force_login(care_leaver)
    assert client.get(reverse("voice:my-survey", args=[survey.pk])).status_code == 404
    with pytest.raises(services.VoiceError):
        services.survey_answer(
            survey=survey, young_person=person, answers={question.pk: 1}, by=care_leaver
        )
    assert SurveyResponse.objects.filter(survey=survey).count() == 1


def _close(survey) -> None:
    Survey.objects.filter(pk=survey.pk).update(
        closes_on=timezone.localdate() - dt.timedelta(days=1)
    )


def test_the_figures_hide_the_positive_share_under_five_answers(authority, team, survey, pa):
    scope = Scope(authority=authority, team_ids=[team.pk], as_at=timezone.localdate())
    _respondents(authority, survey, [pa] * 4)
    _close(survey)
    figures = {f.slug: f for f in voice_figures(scope)}
    assert figures["feel-positive"].latest.percent is None
    Survey.objects.filter(pk=survey.pk).update(closes_on=timezone.localdate())
    _respondents(authority, survey, [pa], agree=2)
    figures = {f.slug: f for f in voice_figures(scope)}
    assert figures["feel-positive"].latest.percent is None  # still open: nothing shown yet
    _close(survey)
    figures = {f.slug: f for f in voice_figures(scope)}
    assert figures["feel-positive"].latest.percent == 80
    assert set(figures) == {"feel-positive", "help-answered", "check-ins", "skills-16", "skills-18"}


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_pages_take_as_many_queries_with_many_answers_as_with_few(
    client, care_leaver, pa, manager, money
):
    person = care_leaver.young_person
    signed_plan(person, pa=pa, manager=manager)
    questions = list(money.questions.all())
    replies = {q.pk: (Reply.HELP, "note") for q in questions}

    def answer(times: int) -> None:
        for _ in range(times):
            services.checklist_answer(young_person=person, area=money, replies=replies, by=pa)
            services.check_in_make(
                young_person=person, mood=3, feels_supported=True, needs_help_with="", by=pa
            )

    pages = [
        (pa, reverse("voice:person", args=[person.pk])),
        (pa, reverse("pathway:plan", args=[person.pk])),
        (pa, reverse("pathway:caseload")),
        (care_leaver, reverse("voice:my-home")),
        (care_leaver, reverse("voice:my-checklist", args=[money.slug])),
    ]
    answer(1)
    few = []
    for user, url in pages:
        client.force_login(user)
        few.append(_queries(client, url))
    answer(12)
    many = []
    for user, url in pages:
        client.force_login(user)
        many.append(_queries(client, url))
    assert many == few


def test_the_database_refuses_to_change_what_was_said(care_leaver, pa, money):
    question = money.questions.first()
    answer_set = services.checklist_answer(
        young_person=care_leaver.young_person,
        area=money,
        replies={question.pk: (Reply.HELP, "Lost my card")},
        by=care_leaver,
    )
    answer = answer_set.answers.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        type(answer).objects.filter(pk=answer.pk).update(reply=Reply.YES)
    with pytest.raises(IntegrityError), transaction.atomic():
        answer_set.delete()
    services.help_flag_close(answer=answer, by=pa)  # answering it is allowed
    answer.refresh_from_db()
    assert answer.reply == Reply.HELP and answer.answered_at is not None


def test_no_admin_page_holds_what_a_young_person_said():
    said = {
        AnswerSet,
        Answer,
        CheckIn,
        SkillRating,
        SkillConfirmation,
        SurveyResponse,
        SurveyAnswer,
    }
    assert not said & set(admin.site._registry)
