"""Reads about the young person's voice, each in a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, F, Func, OuterRef, Prefetch, QuerySet, Subquery
from django.urls import reverse

from pathway.models import Matter
from people.models import User, YoungPerson
from voice.models import (
    Answer,
    AnswerSet,
    Area,
    CheckIn,
    CheckInRequest,
    Confidence,
    Mood,
    Question,
    Reply,
    Skill,
    SkillConfirmation,
    SkillRating,
    Survey,
    SurveyResponse,
    YouSaidWeDid,
)

CHECK_IN_REMINDER_DAYS = 28


def areas() -> QuerySet[Area]:
    return Area.objects.filter(is_active=True).prefetch_related(
        Prefetch("questions", queryset=_active_questions())
    )


def _active_questions() -> QuerySet[Question]:
    return Question.objects.filter(is_active=True)


def area_by_slug(slug: str) -> Area | None:
    return areas().filter(slug=slug).first()


def _with_answers(sets: QuerySet[AnswerSet]) -> QuerySet[AnswerSet]:
    return sets.select_related("area", "answered_by").prefetch_related(
        Prefetch("answers", queryset=Answer.objects.select_related("question", "action"))
    )


def latest_answer_sets(person: YoungPerson) -> dict[int, AnswerSet]:
    """The newest set of answers for each area, by area id: two queries however many."""
    sets = _with_answers(
        AnswerSet.objects.filter(young_person=person)
        .order_by("area_id", "-answered_at", "-pk")
        .distinct("area_id")
    )
    return {answer_set.area_id: answer_set for answer_set in sets}


def answer_history(person: YoungPerson, area: Area | None = None) -> QuerySet[AnswerSet]:
    """Every set of answers, newest first: so change over time can be shown."""
    sets = AnswerSet.objects.filter(young_person=person)
    if area is not None:
        sets = sets.filter(area=area)
    return _with_answers(sets.order_by("-answered_at", "-pk"))


def open_help_flags(people: QuerySet[YoungPerson]) -> QuerySet[Answer]:
    return (
        Answer.objects.filter(
            reply=Reply.HELP,
            answered_at__isnull=True,
            answer_set__young_person__in=people,
        )
        .select_related("question", "answer_set__area", "answer_set__young_person")
        .order_by("answer_set__answered_at", "pk")
    )


def help_flags_for_pa(pa: User) -> QuerySet[Answer]:
    """Open "I need help" answers of the PA's own young people, oldest first."""
    return open_help_flags(
        YoungPerson.objects.filter(allocations__pa=pa, allocations__ended_on__isnull=True)
    )


def help_flags_of(person: YoungPerson) -> QuerySet[Answer]:
    return open_help_flags(YoungPerson.objects.filter(pk=person.pk))


def help_flag_for(person: YoungPerson, answer_id: int) -> Answer | None:
    return help_flags_of(person).filter(pk=answer_id).first()


def check_ins_for(person: YoungPerson, limit: int = 20) -> list[CheckIn]:
    return list(CheckIn.objects.filter(young_person=person).select_related("told")[:limit])


def check_in_asked(person: YoungPerson) -> CheckInRequest | None:
    return (
        CheckInRequest.objects.filter(young_person=person, answered_at__isnull=True)
        .select_related("asked_by")
        .first()
    )


@dataclass
class SkillProgress:
    skill: Skill
    confidence: int | None
    rated_at: dt.datetime | None
    confirmation: SkillConfirmation | None
    confirmed_on: dt.date | None = None

    @property
    def confidence_words(self) -> str:
        return Confidence(self.confidence).label if self.confidence else "Not said yet"

    @property
    def status(self) -> str:
        if self.confirmed_on:
            return f"{self.confidence_words}. Confirmed {self.confirmed_on:%-d %B %Y}"
        return self.confidence_words


def skills_for(person: YoungPerson, today: dt.date) -> list[SkillProgress]:
    """Each skill for their age: how confident they say they are, and whether it is
    confirmed. Three queries."""
    age = person.age_on(today)
    skills = list(Skill.objects.filter(is_active=True, from_age__lte=age))
    latest = {
        rating.skill_id: rating
        for rating in SkillRating.objects.filter(young_person=person)
        .order_by("skill_id", "-rated_at", "-pk")
        .distinct("skill_id")
    }
    confirmed = {
        c.skill_id: c
        for c in SkillConfirmation.objects.filter(young_person=person).select_related(
            "confirmed_by"
        )
    }
    return [
        SkillProgress(
            skill=skill,
            confidence=latest[skill.pk].confidence if skill.pk in latest else None,
            rated_at=latest[skill.pk].rated_at if skill.pk in latest else None,
            confirmation=confirmed.get(skill.pk),
            confirmed_on=confirmed[skill.pk].confirmed_on if skill.pk in confirmed else None,
        )
        for skill in skills
    ]


def skills_at_a_glance(person: YoungPerson, today: dt.date) -> list[SkillProgress]:
    """As `skills_for`, in one query, without the confirmation's row (only its date)."""
    ratings = SkillRating.objects.filter(young_person=person, skill=OuterRef("pk")).order_by(
        "-rated_at", "-pk"
    )
    confirmed_on = SkillConfirmation.objects.filter(young_person=person, skill=OuterRef("pk"))
    skills = Skill.objects.filter(is_active=True, from_age__lte=person.age_on(today)).annotate(
        confidence=Subquery(ratings.values("confidence")[:1]),
        rated_at=Subquery(ratings.values("rated_at")[:1]),
        confirmed_on=Subquery(confirmed_on.values("confirmed_on")[:1]),
    )
    return [
        SkillProgress(
            skill=skill,
            confidence=skill.confidence,
            rated_at=skill.rated_at,
            confirmation=None,
            confirmed_on=skill.confirmed_on,
        )
        for skill in skills
    ]


def _counted(queryset: QuerySet) -> Subquery:
    """How many rows `queryset` has, as a subquery (COUNT without a GROUP BY)."""
    return Subquery(queryset.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n"))


def profile_summary(person: YoungPerson, today: dt.date) -> dict:
    """What the profile shows of their voice, in one query: "I need help" answers waiting,
    the last check-in, and how many skills for their age are confirmed and felt sure of."""
    skills = Skill.objects.filter(is_active=True, from_age__lte=person.age_on(today))
    latest_rating = SkillRating.objects.filter(
        young_person=OuterRef(OuterRef("pk")), skill=OuterRef("pk")
    ).order_by("-rated_at", "-pk")
    check_ins = CheckIn.objects.filter(young_person=OuterRef("pk")).order_by("-made_at", "-pk")
    row = (
        YoungPerson.objects.filter(pk=person.pk)
        .values(
            flags=_counted(
                Answer.objects.filter(
                    answer_set__young_person=OuterRef("pk"),
                    reply=Reply.HELP,
                    answered_at__isnull=True,
                )
            ),
            check_in_at=Subquery(check_ins.values("made_at")[:1]),
            check_in_mood=Subquery(check_ins.values("mood")[:1]),
            skills_total=_counted(skills),
            skills_confirmed=_counted(
                SkillConfirmation.objects.filter(
                    young_person=OuterRef("pk"), skill__in=skills.values("pk")
                )
            ),
            skills_confident=_counted(
                skills.annotate(confidence=Subquery(latest_rating.values("confidence")[:1])).filter(
                    confidence=Confidence.CONFIDENT
                )
            ),
        )
        .get()
    )
    mood = row.pop("check_in_mood")
    row["mood"] = dict(Mood.choices).get(mood, mood) if mood is not None else ""
    return row


def section_notes(person: YoungPerson, today: dt.date) -> dict[str, list[dict]]:
    """Beside each plan section: the latest checklist answers for the areas it maps to, and
    in the practical skills section, skills progress. Plain data (pathway.extras)."""
    notes: dict[str, list[dict]] = {}
    link = reverse("voice:person", args=[person.pk])
    # The answers of the newest set for each area, with their set and area: one query.
    newest = (
        AnswerSet.objects.filter(young_person=person)
        .order_by("area_id", "-answered_at", "-pk")
        .distinct("area_id")
        .values("pk")
    )
    answers = (
        Answer.objects.filter(answer_set__in=newest)
        .select_related("question", "answer_set__area")
        .order_by("answer_set__area_id", "question__order", "pk")
    )
    by_set: dict[int, list[Answer]] = {}
    for answer in answers:
        by_set.setdefault(answer.answer_set_id, []).append(answer)
    for set_answers in by_set.values():
        answer_set = set_answers[0].answer_set
        notes.setdefault(answer_set.area.matter, []).append(
            {
                "heading": (
                    f"Needs checklist, {answer_set.area.name}: {answer_set.answered_at:%-d %B %Y}"
                ),
                "rows": [
                    [
                        answer.question.text,
                        answer.get_reply_display() + (f": {answer.note}" if answer.note else ""),
                    ]
                    for answer in set_answers
                ],
                "link": link,
                "link_text": "All their checklist answers",
            }
        )
    skills = skills_at_a_glance(person, today)
    if any(p.confidence or p.confirmed_on for p in skills):
        confirmed = sum(1 for p in skills if p.confirmed_on)
        notes.setdefault(Matter.SKILLS.value, []).append(
            {
                "heading": f"Skills for living on your own: {confirmed} of {len(skills)} confirmed",
                "rows": [[p.skill.name, p.status] for p in skills],
                "link": link,
                "link_text": "Skills and check-ins",
            }
        )
    return notes


def open_surveys(person: YoungPerson, today: dt.date) -> QuerySet[Survey]:
    """Surveys open today that this young person has not answered."""
    answered = SurveyResponse.objects.filter(survey=OuterRef("pk"), young_person=person)
    return Survey.objects.filter(
        authority_id=person.authority_id, opens_on__lte=today, closes_on__gte=today
    ).exclude(Exists(answered))


def surveys_of(authority_id: int) -> QuerySet[Survey]:
    return Survey.objects.filter(authority_id=authority_id)


def you_said_we_did(authority_id: int) -> QuerySet[YouSaidWeDid]:
    return YouSaidWeDid.objects.filter(authority_id=authority_id)
