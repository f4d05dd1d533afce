"""Demo voice data: a year of checklists, check-ins and skills for every young person with
a PA and a plan, one survey round, and what changed because of it.

It follows each plan: an area whose plan section records needs is answered "not sure" or
"I need help" more often, and less so as the months pass (most help flags were answered
within two working days, the last few wait on the caseload); someone in a home recorded as
unsuitable says they do not feel safe there and has harder weeks; skills grow with age, and
PAs confirm more of them for older young people. Phone numbers are in Ofcom's drama range.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict

from django.utils import timezone

from common.calendar import working_days_after
from pathway.models import AccommodationSpell, Action, ActionOwner, Plan, Section
from people.demo import sign_ins
from people.models import Allocation, Authority, Role, User
from voice.models import (
    Answer,
    AnswerSet,
    Area,
    CheckIn,
    ConfirmedBy,
    OutOfHours,
    Reply,
    Skill,
    SkillConfirmation,
    SkillRating,
    Survey,
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
    YouSaidWeDid,
)
from voice.services import age_band

HELP_NOTES = {
    "housing": ["The boiler keeps going off", "Neighbours are loud at night", ""],
    "health": ["I have not got a dentist", "Struggling to sleep", ""],
    "relationships": ["I miss my brother", "I would like to see my mum more", ""],
    "activities": ["I don't know what is on near me", ""],
    "finances": ["I run out of money before payday", "I don't understand my Universal Credit", ""],
    "careers": ["I want to find an apprenticeship", "Not sure what course to do", ""],
    "independence": ["I can only make pasta", "Buses confuse me", ""],
    "identity": [
        "I need a copy of my birth certificate",
        "I want to know more about my family",
        "",
    ],
}
CHECK_IN_HELP = [
    "Can you help me fill in a form from the council?",
    "My phone is broken, please email me",
    "I need help with a letter from the job centre",
    "Can we meet about college?",
]
SURVEY_STATEMENTS = [
    ("I get the support I need from the leaving care service", True),
    ("My PA listens to me", False),
    ("I know what I am entitled to", False),
    ("I feel safe where I live", False),
    ("I feel positive about the future", False),
]
YOU_SAID = [
    (
        "You said it was hard to reach anyone in the evenings and at weekends.",
        "We put the emergency duty team's number on every page of the portal, and the "
        "“I need help now” button tells whoever is on duty straight away.",
    ),
    (
        "You said you did not know what money you could get.",
        "We wrote the local offer again in plain words, and added “What can I get?”, which "
        "tells you in a minute.",
    ),
    (
        "You said you wanted to learn to cook before moving into your own place.",
        "We started a free cooking club at the Northmoor youth centre on Thursday evenings.",
    ),
]


def _at(day: dt.date, rng: random.Random) -> dt.datetime:
    return timezone.make_aware(
        dt.datetime.combine(day, dt.time(rng.randint(9, 21), rng.randint(0, 59)))
    )


def seed_voice(*, authority: Authority, today: dt.date, seed: int) -> None:
    rng = random.Random(seed + 23)
    OutOfHours.objects.get_or_create(
        authority=authority, defaults={"emergency_duty_phone": "01632 960 999"}
    )
    allocations = list(
        Allocation.objects.filter(
            young_person__authority=authority, ended_on__isnull=True, pa__isnull=False
        ).select_related("young_person__user", "pa")
    )
    plans = {
        plan.young_person_id: plan
        for plan in Plan.objects.filter(young_person__authority=authority)
    }
    needs = defaultdict(set)  # young person: the plan's matters with needs written
    for person_id, matter in (
        Section.objects.filter(plan__young_person__authority=authority)
        .exclude(needs="")
        .values_list("plan__young_person_id", "matter")
    ):
        needs[person_id].add(matter)
    unsuitable = set(
        AccommodationSpell.objects.filter(young_person__authority=authority, suitable=False)
        .order_by("young_person_id", "-started_on")
        .distinct("young_person_id")
        .values_list("young_person_id", flat=True)
    )
    areas = list(Area.objects.filter(is_active=True).prefetch_related("questions"))
    skills = list(Skill.objects.filter(is_active=True))
    demo_email = sign_ins(authority)["Care leaver"]
    writer = _Writer(rng, today)
    for allocation in allocations:
        person = allocation.young_person
        if person.pk not in plans:
            continue
        writer.person(
            allocation,
            plans[person.pk],
            areas,
            skills,
            needs=needs[person.pk],
            unsafe=person.pk in unsuitable,
            is_demo=person.user is not None and person.user.email == demo_email,
        )
    writer.save()
    _survey_round(authority, allocations, today, rng)


class _Writer:
    def __init__(self, rng: random.Random, today: dt.date):
        self.r, self.today = rng, today
        self.sets, self.answers, self.check_ins = [], [], []
        self.ratings, self.confirmations, self.actions = [], [], []

    def person(self, allocation, plan, areas, skills, *, needs, unsafe, is_demo) -> None:
        r, person, pa = self.r, allocation.young_person, allocation.pa
        start = max(self.today - dt.timedelta(days=365), allocation.started_on, plan.started_on)
        span = (self.today - start).days
        if span < 14:
            return
        # Checklists: a first go soon after the plan, then two or three more through the year.
        goes = sorted(r.sample(range(span), k=min(span, r.randint(2, 4) + is_demo)))
        for index, offset in enumerate(goes):
            day = start + dt.timedelta(days=offset)
            later = index / max(1, len(goes) - 1)  # 0 first time, 1 the latest
            for area in r.sample(areas, k=len(areas) if index == 0 else r.randint(2, 4)):
                self._answer_set(person, pa, plan, area, day, later, area.matter in needs, unsafe)
        if is_demo:  # two days ago, about money: one "I need help" waits for the demo PA
            money = next(area for area in areas if area.slug == "finances")
            self._answer_set(
                person,
                pa,
                plan,
                money,
                self.today - dt.timedelta(days=2),
                0,
                True,
                unsafe,
                needs_help=True,
            )
        # Check-ins every two to six weeks; harder weeks for someone whose home is unsuitable.
        day = start + dt.timedelta(days=r.randint(0, 20))
        while day <= self.today - dt.timedelta(days=1 if is_demo else 0):
            mood = max(1, min(5, round(r.gauss(2.6 if unsafe else 3.6, 0.9))))
            self.check_ins.append(
                CheckIn(
                    young_person=person,
                    made_at=_at(day, r),
                    mood=mood,
                    feels_supported=r.random() < (0.6 if unsafe else 0.85),
                    needs_help_with=r.choice(CHECK_IN_HELP)
                    if mood <= 2 and r.random() < 0.5
                    else "",
                )
            )
            day += dt.timedelta(days=r.randint(14, 42))
        self._skills(person, pa, skills, start)

    def _answer_set(
        self, person, pa, plan, area, day, later, has_needs, unsafe, needs_help=False
    ) -> None:
        r = self.r
        with_pa = r.random() < 0.25
        answer_set = AnswerSet(
            young_person=person,
            area=area,
            answered_at=_at(day, r),
            answered_by_id=pa.pk if with_pa else (person.user_id or pa.pk),
            with_pa=with_pa or person.user_id is None,
        )
        self.sets.append(answer_set)
        struggle = (0.45 if has_needs else 0.12) * (1 - 0.6 * later)
        for number, question in enumerate(area.questions.all()):
            if (unsafe and question.text.startswith("I feel safe where")) or (
                needs_help and number == 0
            ):
                reply = Reply.HELP
            else:
                roll = r.random()
                reply = (
                    Reply.HELP
                    if roll < struggle
                    else Reply.NOT_SURE
                    if roll < struggle * 2
                    else Reply.YES
                )
            answer = Answer(answer_set=answer_set, question=question, reply=reply)
            if reply == Reply.HELP:
                answer.note = r.choice(HELP_NOTES.get(area.slug, [""]))
                self._answered(answer, pa, plan, area, day)
            self.answers.append(answer)

    def _answered(self, answer, pa, plan, area, day) -> None:
        """Most flags answered within two working days, a few late, the last weeks' open."""
        r = self.r
        if (self.today - day).days < 10 and r.random() < 0.7 or (self.today - day).days < 3:
            return
        late = r.random() < 0.15
        answered_on = working_days_after(day, r.randint(3, 8) if late else r.randint(0, 2))
        if answered_on > self.today:
            return
        answer.answered_at = _at(answered_on, r)
        answer.answered_by_id = pa.pk
        if r.random() < 0.6:
            action = Action(
                plan=plan,
                matter=area.matter,
                what=f"Help with: {answer.question.text}"[:300],
                owner=ActionOwner.PA,
                due_on=answered_on + dt.timedelta(weeks=2),
                status="done" if answered_on + dt.timedelta(weeks=3) < self.today else "open",
                done_on=answered_on + dt.timedelta(days=r.randint(3, 14))
                if answered_on + dt.timedelta(weeks=3) < self.today
                else None,
                done_by_id=pa.pk if answered_on + dt.timedelta(weeks=3) < self.today else None,
                created_by_id=pa.pk,
                created_at=answer.answered_at,
            )
            self.actions.append(action)
            answer.action = action

    def _skills(self, person, pa, skills, start) -> None:
        r = self.r
        age = person.age_on(self.today)
        for skill in skills:
            if age < skill.from_age:
                continue
            level = min(3, max(1, round(r.gauss(1.2 + (age - 15) * 0.25, 0.7))))
            self.ratings.append(
                SkillRating(
                    young_person=person,
                    skill=skill,
                    confidence=level,
                    rated_at=_at(
                        start + dt.timedelta(days=r.randint(0, (self.today - start).days)), r
                    ),
                )
            )
            if level == 3 and r.random() < 0.7:
                self.confirmations.append(
                    SkillConfirmation(
                        young_person=person,
                        skill=skill,
                        confirmed_on=start
                        + dt.timedelta(days=r.randint(0, (self.today - start).days)),
                        confirmed_by=pa,
                        how=ConfirmedBy.CARER if age < 18 and r.random() < 0.4 else ConfirmedBy.PA,
                    )
                )

    def save(self) -> None:
        Action.objects.bulk_create(self.actions, batch_size=1000)
        AnswerSet.objects.bulk_create(self.sets, batch_size=1000)
        for answer in self.answers:
            answer.answer_set_id = answer.answer_set.pk
            answer.action_id = answer.action.pk if answer.action else None
        Answer.objects.bulk_create(self.answers, batch_size=2000)
        CheckIn.objects.bulk_create(self.check_ins, batch_size=2000)
        SkillRating.objects.bulk_create(self.ratings, batch_size=2000)
        SkillConfirmation.objects.bulk_create(self.confirmations, batch_size=2000)


def _survey_round(authority, allocations, today, rng) -> None:
    """Last spring's survey: about six in ten answered, one in five of them by phone."""
    opens = today - dt.timedelta(days=120)
    survey = Survey.objects.create(
        authority=authority,
        title="Your views on the leaving care service",
        opens_on=opens,
        closes_on=opens + dt.timedelta(days=42),
    )
    questions = SurveyQuestion.objects.bulk_create(
        SurveyQuestion(survey=survey, text=text, order=n, is_support_measure=measure)
        for n, (text, measure) in enumerate(SURVEY_STATEMENTS)
    )
    manager = User.objects.filter(authority=authority, role=Role.MANAGER).order_by("pk").first()
    responses, answers = [], []
    for allocation in allocations:
        person = allocation.young_person
        if rng.random() > 0.6 or allocation.started_on > survey.closes_on:
            continue
        by_phone = person.user_id is None or rng.random() < 0.2
        day = opens + dt.timedelta(days=rng.randint(0, 41))
        response = SurveyResponse(
            survey=survey,
            young_person=person,
            answered_at=_at(day, rng),
            by_phone=by_phone,
            recorded_by_id=allocation.pa_id if by_phone else person.user_id,
            age_band=age_band(person, day),
            team_id=allocation.pa.team_id,
            legal_status=person.legal_status,
        )
        responses.append(response)
        answers.extend(
            (response, question, min(5, max(1, round(rng.gauss(3.9, 0.9)))))
            for question in questions
        )
    SurveyResponse.objects.bulk_create(responses, batch_size=1000)
    SurveyAnswer.objects.bulk_create(
        [SurveyAnswer(response_id=r.pk, question=q, agreement=a) for r, q, a in answers],
        batch_size=2000,
    )
    if manager is not None:
        YouSaidWeDid.objects.bulk_create(
            YouSaidWeDid(
                authority=authority,
                you_said=said,
                we_did=did,
                published_on=survey.closes_on + dt.timedelta(days=20 + 15 * n),
                written_by=manager,
            )
            for n, (said, did) in enumerate(YOU_SAID)
        )
