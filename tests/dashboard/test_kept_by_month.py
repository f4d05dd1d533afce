"""Figures kept by month count what their definition counts, whether each month is worked
out now or read from what an earlier view kept (of the same day or another)."""

import datetime as dt
import random

import pytest
from django.utils import timezone

from common.calendar import working_days_after
from common.figures import Scope, kept_by_day
from people.models import EndReason
from people.selectors import people_at
from tests.factories import AllocationFactory, YoungPersonFactory, voice_catalogue
from voice.figures import ANSWER_WITHIN_WORKING_DAYS, voice_figures
from voice.models import Answer, AnswerSet, Area, Reply

pytestmark = pytest.mark.django_db


@pytest.fixture
def flags(authority, team, pa):
    """Help flags raised over the year by young people of the team, answered in time, late
    or not at all; some left the team today, so the end of last month counts them and today
    does not."""
    voice_catalogue()
    rng = random.Random(22)
    area = Area.objects.get(slug="finances")
    question = area.questions.filter(is_active=True).first()
    today = timezone.localdate()
    for n in range(12):
        person = YoungPersonFactory(authority=authority)
        AllocationFactory(
            young_person=person,
            pa=pa,
            started_on=today - dt.timedelta(days=500),
            ended_on=today if n % 4 == 0 else None,
            end_reason=EndReason.REALLOCATED if n % 4 == 0 else "",
        )
        for _ in range(6):
            raised = timezone.now() - dt.timedelta(
                days=rng.randint(0, 380), hours=rng.randint(0, 23)
            )
            answer_set = AnswerSet.objects.create(
                young_person=person, area=area, answered_by=pa, answered_at=raised
            )
            answered = raised + dt.timedelta(days=rng.randint(0, 6)) if rng.random() < 0.8 else None
            Answer.objects.create(
                answer_set=answer_set,
                question=question,
                reply=Reply.HELP,
                answered_at=answered,
                answered_by=pa if answered else None,
            )
    return [team.pk]


def _flag_by_flag(scope: Scope) -> list[tuple]:
    """The figure's definition: each month's flags, one by one."""
    supported = set(people_at(scope.as_at, scope.team_ids).values_list("pk", flat=True))
    points = []
    for first, last in scope.months:
        raised = in_time = 0
        for answer in Answer.objects.filter(reply=Reply.HELP).select_related("answer_set"):
            day = timezone.localdate(answer.answer_set.answered_at)
            if answer.answer_set.young_person_id not in supported or not first <= day <= last:
                continue
            raised += 1
            in_time += bool(
                answer.answered_at
                and timezone.localdate(answer.answered_at)
                <= working_days_after(day, ANSWER_WITHIN_WORKING_DAYS)
            )
        points.append((last, in_time, raised))
    return points


def test_help_answered_kept_by_month_counts_flag_by_flag(authority, flags):
    today = timezone.localdate()
    last_month = today.replace(day=1) - dt.timedelta(days=1)
    seen = []
    # Today's view keeps the earlier months; last month's view reads them and keeps its own
    # (of those supported then); today's again reads what it kept first.
    for as_at in (today, last_month, today):
        scope = Scope(authority=authority, team_ids=flags, as_at=as_at)
        figure = next(f for f in voice_figures(scope) if f.slug == "help-answered")
        points = [(p.day, p.count, p.out_of) for p in figure.points]
        assert points == _flag_by_flag(scope)
        seen.append(points)
    assert seen[0] == seen[2]
    now, then = ({day: counted for day, *counted in points} for points in seen[:2])
    assert any(now[day] != then[day] for day in now.keys() & then.keys())
    assert any(0 < in_time < raised for _, in_time, raised in seen[0])


def test_a_month_that_can_still_change_is_worked_out_again():
    """A month's value is kept only once `settled` says it can no longer change (help flags
    of its last days can be answered in time in the next month's first working days)."""
    today = timezone.localdate()
    days = [today - dt.timedelta(days=40), today - dt.timedelta(days=10), today]
    settled_before = today - dt.timedelta(days=20)
    worked: list[list[dt.date]] = []

    def work(missing):
        worked.append(missing)
        return [len(worked)] * len(missing)

    for _ in range(2):
        kept_by_day("test-settled", [1], days, work, settled=lambda day: day < settled_before)
    assert worked == [days, days[1:]]  # the settled month once; the others each time
