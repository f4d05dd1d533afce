"""The voice app's figures on the managers' dashboard."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import TruncDate
from django.urls import reverse
from django.utils import timezone

from common.calendar import working_days_after
from common.dates import add_months
from common.figures import (
    Figure,
    Point,
    Scope,
    during,
    each,
    kept_by_day,
    kept_by_month,
    register_figures,
    shares,
)
from people.selectors import birthday_sql, people_at, people_on_any, people_on_days
from voice.models import Answer, CheckIn, Reply, Skill, SkillConfirmation
from voice.selectors import surveys_of
from voice.surveys import positive_share

CHECK_IN_WEEKS = 8
ANSWER_WITHIN_WORKING_DAYS = 2
SKILL_AGES = (16, 18)  # the figures' ages: every skill for the age confirmed by then


def _day_end(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=1), dt.time()))


def _positive(scope: Scope) -> list[Point]:
    """From the latest survey that had closed by each day (hidden under five answers): an
    open survey's share would move with each answer, and give that answer away to anyone
    who knew who had just answered."""
    surveys = list(surveys_of(scope.authority.pk).order_by("closes_on"))
    latest = {}  # each day's latest closed survey: only those are counted
    for day in scope.days:
        closed = [s for s in surveys if s.closes_on < day]
        latest[day] = closed[-1] if closed else None
    used = {survey.pk: survey for survey in latest.values() if survey}
    shares = {pk: positive_share(survey) for pk, survey in used.items()}
    points = []
    for day in scope.days:
        share = shares[latest[day].pk] if latest[day] else None
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


def _skills(days: list[dt.date], team_ids, ages=SKILL_AGES) -> list[dict[int, dict]]:
    """For each day and each of `ages`: of those supported who had turned it, how many had
    every skill for that age confirmed by their birthday. Whether someone had is the same on
    every day, so it is counted once, in the database, for all the days and ages."""
    needed = Skill.objects.filter(is_active=True).aggregate(
        **{str(age): Count("pk", filter=Q(from_age__lte=age)) for age in ages}
    )
    supported = people_on_days(days, team_ids)
    by_birthday = {
        str(age): Count(
            "pk",
            filter=Q(
                skill__from_age__lte=age,
                confirmed_on__lte=birthday_sql(age, "young_person__date_of_birth"),
            ),
        )
        for age in ages
    }
    confirmed = {
        row["young_person_id"]: row
        for row in SkillConfirmation.objects.filter(
            young_person__in=people_on_any(days, team_ids),
            skill__is_active=True,
            skill__from_age__lte=max(ages),
        )
        .order_by()
        .values("young_person_id")
        .annotate(**by_birthday)
    }
    results = []
    for day in days:
        on_day = {}
        for age in ages:
            turned, of_age = add_months(day, -12 * age), needed[str(age)]
            aged = [pk for pk, born in supported[day].items() if born <= turned]
            done = sum(
                1 for pk in aged if of_age and confirmed.get(pk, {}).get(str(age), 0) >= of_age
            )
            on_day[age] = {"done": done, "everyone": len(aged)}
        results.append(on_day)
    return results


def _skills_by(age: int, days: list[dt.date], team_ids) -> list[dict]:
    """`_skills` for one age."""
    return [on_day[age] for on_day in _skills(days, team_ids, (age,))]


def _help_answered(scope: Scope, months) -> list[tuple[int, int]]:
    """(answered within two working days, raised) for the help flags raised in each of
    `months`, of those the teams support on the scope's day.

    Counted in the database by the day raised and the day answered (a few hundred rows,
    not one per flag)."""
    rows = list(
        Answer.objects.filter(
            during("answer_set__answered_at", months[0][0], months[-1][1]),
            reply=Reply.HELP,
            answer_set__young_person__in=people_at(scope.as_at, scope.team_ids),
        )
        .annotate(raised=TruncDate("answer_set__answered_at"), answered=TruncDate("answered_at"))
        .order_by()
        .values_list("raised", "answered")
        .annotate(flags=Count("pk"))
    )
    results = []
    for first, last in months:
        month = [(raised, answered, n) for raised, answered, n in rows if first <= raised <= last]
        in_time = sum(
            n
            for raised, answered, n in month
            if answered and answered <= working_days_after(raised, ANSWER_WITHIN_WORKING_DAYS)
        )
        results.append((in_time, sum(n for _, _, n in month)))
    return results


def voice_figures(scope: Scope) -> list[Figure]:
    team_ids = scope.team_ids
    check_ins = kept_by_day(
        "voice-check-ins", team_ids, scope.days, each(lambda d: _check_ins(d, team_ids))
    )
    skills = kept_by_day("voice-skills", team_ids, scope.days, lambda d: _skills(d, team_ids))
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
            # Of those supported on the scope's day: kept under that day too.
            points=shares(
                scope.days,
                kept_by_month(
                    f"voice-help-answered:{scope.as_at:%Y%m%d}",
                    scope,
                    lambda months: _help_answered(scope, months),
                    # A month's last flags can be answered in time in the next month's first
                    # working days: kept only once that time is up.
                    settled=lambda last: (
                        working_days_after(last, ANSWER_WITHIN_WORKING_DAYS) < timezone.localdate()
                    ),
                ),
            ),
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
                Point(d, c[16]["done"], c[16]["everyone"])
                for d, c in zip(scope.days, skills, strict=True)
            ],
        ),
        Figure(
            slug="skills-18",
            title="Skills confirmed by 18",
            what="Young people aged 18 or over with every skill confirmed by their 18th birthday.",
            points=[
                Point(d, c[18]["done"], c[18]["everyone"])
                for d, c in zip(scope.days, skills, strict=True)
            ],
        ),
    ]


register_figures(voice_figures, order=60)
