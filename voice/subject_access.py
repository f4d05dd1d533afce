"""What the voice app adds to a young person's subject access pack (people.subject_access).

Checklists, check-ins and skills go in every pack. Survey answers are confidential even
from staff, so they go only in the young person's own download (`full` is False there).
"""

from __future__ import annotations

from people.models import YoungPerson
from people.subject_access import Table
from voice.models import AnswerSet, CheckIn, SkillConfirmation, SkillRating, SurveyAnswer


def tables(person: YoungPerson, full: bool) -> list[Table]:
    sets = (
        AnswerSet.objects.filter(young_person=person)
        .select_related("area")
        .prefetch_related("answers__question")
    )
    result = [
        Table(
            title="Your needs checklists",
            filename="checklists",
            columns=("Answered", "Area", "Question", "Answer", "Note"),
            rows=[
                (s.answered_at, s.area.name, a.question.text, a.get_reply_display(), a.note)
                for s in sets
                for a in s.answers.all()
            ],
        ),
        Table(
            title="Your check-ins",
            filename="check-ins",
            columns=("When", "How things were", "Needed help with", "I need help now"),
            rows=[
                (c.made_at, c.get_mood_display() if c.mood else "", c.needs_help_with, c.help_now)
                for c in CheckIn.objects.filter(young_person=person)
            ],
        ),
        Table(
            title="Your skills for living on your own",
            filename="skills",
            columns=("When", "Skill", "How sure you were", "Confirmed by"),
            rows=[
                (r.rated_at, r.skill.name, r.get_confidence_display(), "")
                for r in SkillRating.objects.filter(young_person=person).select_related("skill")
            ]
            + [
                (c.confirmed_on, c.skill.name, "", c.confirmed_by.get_full_name())
                for c in SkillConfirmation.objects.filter(young_person=person).select_related(
                    "skill", "confirmed_by"
                )
            ],
        ),
    ]
    if not full:
        result.append(
            Table(
                title="Your survey answers",
                filename="surveys",
                intro="Only you see these: staff see results for groups of five or more.",
                columns=("Survey", "Statement", "Your answer"),
                rows=[
                    (a.response.survey.title, a.question.text, a.get_agreement_display())
                    for a in SurveyAnswer.objects.filter(
                        response__young_person=person
                    ).select_related("response__survey", "question")
                ],
            )
        )
    return result
