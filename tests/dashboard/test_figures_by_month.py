"""The figures worked out in one pass over the twelve month ends count what the month-by-month
definition counts: each month, the young people supported then, one by one."""

import datetime as dt
import random

import pytest
from django.utils import timezone

from common.dates import add_months, birthday
from common.figures import month_ends
from people.models import EndReason, LegalStatus, Role
from people.selectors import people_at
from safety import rules
from safety.models import StayingCloseAssessment
from safety.selectors import STAYING_CLOSE_STATUSES, staying_close_on_time
from tests.factories import AllocationFactory, TeamFactory, UserFactory, YoungPersonFactory
from voice.figures import _skills_by
from voice.models import Skill, SkillConfirmation

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(authority, team, pa, manager):
    """Young people of all ages who joined, left and moved between two teams over the
    year, some with Staying Close assessments and skills confirmed, at random (seeded)."""
    rng = random.Random(22)
    today = timezone.localdate()
    other = UserFactory(role=Role.PA, authority=authority, team=TeamFactory(authority=authority))
    skills = list(Skill.objects.filter(is_active=True, from_age__lte=18))
    for n in range(24):
        born = today - dt.timedelta(days=rng.randint(16 * 365, 24 * 365))
        status = rng.choice([*STAYING_CLOSE_STATUSES, LegalStatus.QUALIFYING])
        person = YoungPersonFactory(authority=authority, date_of_birth=born, legal_status=status)
        started = today - dt.timedelta(days=rng.randint(0, 500))
        ended = min(today, started + dt.timedelta(days=rng.randint(20, 300))) if n % 3 else None
        AllocationFactory(
            young_person=person,
            pa=pa,
            started_on=started,
            ended_on=ended,
            end_reason=EndReason.REALLOCATED if ended else "",
        )
        if ended is not None and n % 2:
            AllocationFactory(young_person=person, pa=other, started_on=ended)
        for _ in range(rng.randint(0, 2)):
            assessed = birthday(born, 18) + dt.timedelta(days=rng.randint(-90, 120))
            StayingCloseAssessment.objects.create(
                young_person=person,
                assessed_on=assessed,
                needs="Somewhere to live.",
                decision="support",
                review_on=assessed + dt.timedelta(days=rng.randint(30, 900)),
                recorded_by=pa,
            )
        every = n % 3 == 1  # some have every skill, most by their birthdays
        for skill in rng.sample(skills, len(skills) if every else rng.randint(0, len(skills))):
            confirmed = birthday(born, skill.from_age) + dt.timedelta(days=rng.randint(-600, 100))
            SkillConfirmation.objects.create(
                young_person=person, skill=skill, confirmed_on=confirmed, confirmed_by=pa
            )
    return [team.pk]


def _staying_close_month_by_month(team_ids, day):
    due_count = on_time = 0
    people = people_at(day, team_ids).filter(legal_status__in=STAYING_CLOSE_STATUSES)
    for person in people:
        joined = min(
            (a.started_on for a in person.allocations.all()),
            default=timezone.localdate(person.created_at),
        )
        due = rules.staying_close_due_on(
            born=person.date_of_birth, joined_on=joined, last_review_on=None
        )
        if due is None or due > day:
            continue
        due_count += 1
        done = list(
            person.staying_close_assessments.filter(assessed_on__lte=day).order_by(
                "assessed_on", "pk"
            )
        )
        on_time += bool(done and done[0].assessed_on <= due and done[-1].review_on >= day)
    return on_time, due_count


def _skills_month_by_month(age, day, team_ids):
    needed = Skill.objects.filter(is_active=True, from_age__lte=age).count()
    people = people_at(day, team_ids).filter(date_of_birth__lte=add_months(day, -12 * age))
    done = 0
    for person in people:
        confirmed = SkillConfirmation.objects.filter(
            young_person=person,
            skill__is_active=True,
            skill__from_age__lte=age,
            confirmed_on__lte=birthday(person.date_of_birth, age),
        ).count()
        done += bool(needed and confirmed >= needed)
    return {"done": done, "everyone": len(people)}


def test_staying_close_and_skills_by_month_count_as_month_by_month(world):
    days = [last for _, last in month_ends(timezone.localdate())]
    assert staying_close_on_time(world, days) == [
        _staying_close_month_by_month(world, day) for day in days
    ]
    assert staying_close_on_time(world, days[-1:]) == [
        _staying_close_month_by_month(world, days[-1])
    ]
    for age in (16, 18):
        expected = [_skills_month_by_month(age, day, world) for day in days]
        assert _skills_by(age, days, world) == expected
        assert any(0 < month["done"] < month["everyone"] for month in expected)
        assert _skills_by(age, days[-1:], world) == expected[-1:]
    counted = staying_close_on_time(world, days)
    assert any(on_time for on_time, _ in counted) and any(due > on_time for on_time, due in counted)
