"""Survey results, confidential: counts for groups of at least SMALLEST_GROUP people only.

No smaller group is shown, and where hiding one group in a breakdown would still let it be
worked out from the total and the others, the next smallest is hidden too. No one's own
answers, and no comments, are ever shown to staff here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Q

from people.models import LegalStatus, Team
from voice.models import AgeBand, Survey, SurveyAnswer, SurveyResponse

SMALLEST_GROUP = 5
AGREE = 4  # "Agree" or "Strongly agree"


@dataclass
class Group:
    label: str
    respondents: int
    # question id -> percent agreeing; empty when the group is too small to show
    agree: dict[int, int] = field(default_factory=dict)
    hidden: bool = False


@dataclass
class Breakdown:
    title: str
    groups: list[Group]


@dataclass
class Results:
    survey: Survey
    questions: list
    overall: Group
    breakdowns: list[Breakdown]
    by_phone: int


def _dimension_labels(dimension: str, keys) -> dict:
    if dimension == "age_band":
        return dict(AgeBand.choices)
    if dimension == "team":
        return dict(Team.objects.filter(pk__in=[k for k in keys if k]).values_list("pk", "name"))
    return dict(LegalStatus.choices)


def _hide_small(groups: list[Group]) -> None:
    """Hide every group under SMALLEST_GROUP, and then the smallest shown ones until the
    hidden groups together are at least that big: else the total less the shown groups
    gives the hidden ones away, one small group or several."""
    hidden = 0
    for group in groups:
        if group.respondents < SMALLEST_GROUP:
            group.hidden = True
            hidden += group.respondents
    shown = sorted((g for g in groups if not g.hidden), key=lambda g: g.respondents)
    while 0 < hidden < SMALLEST_GROUP and shown:
        group = shown.pop(0)
        group.hidden = True
        hidden += group.respondents
    for group in groups:
        if group.hidden:
            group.agree = {}


def results(survey: Survey) -> Results:
    """The survey's results for the council, overall and by age band, team and status:
    four queries however many answers."""
    responses = SurveyResponse.objects.filter(survey=survey)
    questions = list(survey.questions.all())
    answers = SurveyAnswer.objects.filter(response__survey=survey)
    overall_counts = {
        row["question"]: row
        for row in answers.values("question").annotate(
            n=Count("pk"), agree=Count("pk", filter=Q(agreement__gte=AGREE))
        )
    }
    totals = responses.aggregate(n=Count("pk"), phone=Count("pk", filter=Q(by_phone=True)))
    overall = Group("Everyone", totals["n"], _shares(overall_counts))
    if overall.respondents < SMALLEST_GROUP:
        overall.hidden, overall.agree = True, {}
    breakdowns = []
    for dimension, title in (
        ("age_band", "By age"),
        ("team", "By team"),
        ("legal_status", "By status"),
    ):
        rows = answers.values(f"response__{dimension}", "question").annotate(
            n=Count("pk"), agree=Count("pk", filter=Q(agreement__gte=AGREE))
        )
        people = dict(
            responses.values_list(dimension).annotate(n=Count("pk")).values_list(dimension, "n")
        )
        labels = _dimension_labels(dimension, people)
        by_key: dict = {}
        for row in rows:
            by_key.setdefault(row[f"response__{dimension}"], {})[row["question"]] = row
        groups = [
            Group(
                labels.get(key, "No team") if key else "No team",
                count,
                _shares(by_key.get(key, {})),
            )
            for key, count in sorted(people.items(), key=lambda item: str(labels.get(item[0], "")))
        ]
        _hide_small(groups)
        breakdowns.append(Breakdown(title, groups))
    return Results(survey, questions, overall, breakdowns, totals["phone"])


def _shares(counts: dict) -> dict[int, int]:
    return {q: round(100 * row["agree"] / row["n"]) for q, row in counts.items() if row["n"]}


def positive_share(survey: Survey | None) -> tuple[int, int] | None:
    """(agreeing, answering) to the survey's support question, or None for fewer than
    SMALLEST_GROUP answers."""
    if survey is None:
        return None
    # The question's own survey too, so the planner starts from its few answers rather
    # than from every survey's support question.
    counts = SurveyAnswer.objects.filter(
        response__survey=survey, question__survey=survey, question__is_support_measure=True
    ).aggregate(n=Count("pk"), agree=Count("pk", filter=Q(agreement__gte=AGREE)))
    if counts["n"] < SMALLEST_GROUP:
        return None
    return counts["agree"], counts["n"]
