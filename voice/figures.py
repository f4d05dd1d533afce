"""The voice app's figures on the managers' dashboard."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import TruncDate
from django.urls import reverse
from django.utils import timezone

from common.calendar import working_days_after
from common.dates import add_months, birthday
from common.figures import Figure, Point, Scope, each, kept_by_day, register_figures
from people.selectors import people_at, people_on_any, people_on_days
from voice.models import Answer, CheckIn, Reply, Skill, SkillConfirmation
from voice.selectors import surveys_of
from voice.surveys import positive_share

CHECK_IN_WEEKS = 8
ANSWER_WITHIN_WORKING_DAYS = 2


def _day_end(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=1), dt.time()))


def _positive(scope: Scope) -> list[Point]:
    """From the latest survey that had closed by each day (hidden under five answers): an
    open survey's share would move with each answer, and give that answer away to anyone
    who knew who had just answered."""
    surveys = list(surveys_of(scope.authority.pk).order_by("closes_on"))
    shares = {survey.pk: positive_share(survey) for survey in surveys}
    points = []
    for day in scope.days:
        closed = [s for s in surveys if s.closes_on < day]
        share = shares[closed[-1].pk] if closed else None
        points.append(Point(day, share[0], share[1]) if share else Point(day, 0, 0))
    return points


def _check_ins(day: dt.date, team_ids) -> dict:
    since = _day_end(day) - dt.timedelta(weeks=CHECK_IN_WEEKS)
    recent = CheckIn.objects.filter(
        young_person=OuterRef("pk"), made_at__gte=since, made_at__lt=_day_end(day)
    )
    return people_at(day, team_ids).aggregate(
        everyone=Count("pk"), checked_in=Count("pk", filter=Q(Exists(recent)))
    )


def _skills_by(age: int, days: list[dt.date], team_ids) -> list[dict]:
    """For each day: of those supported who had turned `age`, how many had every skill for
    that age confirmed by their birthday. Whether someone had is the same on every day, so
    it is worked out once for all the days."""
    needed = Skill.objects.filter(is_active=True, from_age__lte=age).count()
    supported = people_on_days(days, team_ids)
    confirmed: dict[int, int] = {}
    for pk, born, on in SkillConfirmation.objects.filter(
        young_person__in=people_on_any(days, team_ids),
        skill__is_active=True,
        skill__from_age__lte=age,
    ).values_list("young_person_id", "young_person__date_of_birth", "confirmed_on"):
        if on <= birthday(born, age):
            confirmed[pk] = confirmed.get(pk, 0) + 1
    results = []
    for day in days:
        turned = add_months(day, -12 * age)
        aged = [pk for pk, born in supported[day].items() if born <= turned]
        done = sum(1 for pk in aged if needed and confirmed.get(pk, 0) >= needed)
        results.append({"done": done, "everyone": len(aged)})
    return results


def _help_answered(scope: Scope) -> list[Point]:
    """Of the help flags raised in each month, those answered within two working days.

    Counted in the database by the day raised and the day answered (a few hundred rows,
    not one per flag)."""
    start = scope.months[0][0]
    flags = (
        Answer.objects.filter(
            reply=Reply.HELP,
            answer_set__answered_at__date__gte=start,
            answer_set__young_person__in=people_at(scope.as_at, scope.team_ids),
        )
        .annotate(raised=TruncDate("answer_set__answered_at"), answered=TruncDate("answered_at"))
        .order_by()
        .values_list("raised", "answered")
        .annotate(flags=Count("pk"))
    )
    rows = list(flags)
    points = []
    for first, last in scope.months:
        month = [(raised, answered, n) for raised, answered, n in rows if first <= raised <= last]
        in_time = sum(
            n
            for raised, answered, n in month
            if answered and answered <= working_days_after(raised, ANSWER_WITHIN_WORKING_DAYS)
        )
        points.append(Point(last, in_time, sum(n for _, _, n in month)))
    return points


def voice_figures(scope: Scope) -> list[Figure]:
    team_ids = scope.team_ids
    check_ins = kept_by_day(
        "voice-check-ins", team_ids, scope.days, each(lambda d: _check_ins(d, team_ids))
    )
    by_16 = kept_by_day(
        "voice-skills-16", team_ids, scope.days, lambda days: _skills_by(16, days, team_ids)
    )
    by_18 = kept_by_day(
        "voice-skills-18", team_ids, scope.days, lambda days: _skills_by(18, days, team_ids)
    )
    surveys_url = reverse("voice:surveys")
    return [
        Figure(
            slug="feel-positive",
            title="Feel positive about their support",
            what="Care leavers who agreed they get the support they need, in the latest "
            "survey (shown only when five or more answered).",
            points=_positive(scope),
            list_url=surveys_url,
        ),
        Figure(
            slug="help-answered",
            title="Help flags answered within two working days",
            what="“I need help” answers in needs checklists that the PA answered, with a plan "
            "action or otherwise, within two working days.",
            points=_help_answered(scope),
            target=100,
        ),
        Figure(
            slug="check-ins",
            title="Checked in in the last eight weeks",
            what="Young people who sent a check-in in the eight weeks up to the day.",
            points=[
                Point(d, c["checked_in"], c["everyone"])
                for d, c in zip(scope.days, check_ins, strict=True)
            ],
        ),
        Figure(
            slug="skills-16",
            title="Skills confirmed by 16",
            what="Young people aged 16 or over with every skill for their age confirmed by their "
            "16th birthday.",
            points=[
                Point(d, c["done"], c["everyone"]) for d, c in zip(scope.days, by_16, strict=True)
            ],
        ),
        Figure(
            slug="skills-18",
            title="Skills confirmed by 18",
            what="Young people aged 18 or over with every skill confirmed by their 18th birthday.",
            points=[
                Point(d, c["done"], c["everyone"]) for d, c in zip(scope.days, by_18, strict=True)
            ],
        ),
    ]


register_figures(voice_figures, order=60)
