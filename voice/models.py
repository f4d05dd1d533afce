"""The young person's voice: needs checklists, check-ins, skills for living on your own,
and surveys of what care leavers think of the service.

Answers are kept, never overwritten: a new answer is a new row, so change over time can be
shown. Survey answers are confidential: staff see only counts for groups of at least
`SMALLEST_GROUP` people (`voice.surveys`), and no page shows one person's answers to staff.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from pathway.models import Matter
from people.models import Authority, YoungPerson


class Area(models.Model):
    """One area of the needs checklist (housing, health...), mapped to the plan section
    it informs. An administrator edits areas and their questions."""

    name = models.CharField(max_length=100)
    slug = models.SlugField(unique=True)
    matter = models.CharField(
        "plan section",
        max_length=20,
        choices=Matter.choices,
        help_text="The plan section it informs.",
    )
    order = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.name


class Question(models.Model):
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="questions")
    text = models.CharField(max_length=200)
    order = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text


class Reply(models.TextChoices):
    YES = "yes", "Yes"
    NOT_SURE = "not_sure", "Not sure"
    HELP = "help", "No, I need help"


class AnswerSet(models.Model):
    """One go at one area's checklist. Never changed: answering again makes another."""

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="checklist_answers"
    )
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    answered_at = models.DateTimeField(default=timezone.now)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # True when a PA filled it in with the young person.
    with_pa = models.BooleanField(default=False)

    class Meta:
        ordering = ["-answered_at", "-pk"]
        indexes = [
            models.Index(
                fields=["young_person", "area", "-answered_at"], name="answerset_latest_idx"
            )
        ]

    def __str__(self) -> str:
        return f"Checklist answers {self.pk}"


class Answer(models.Model):
    answer_set = models.ForeignKey(AnswerSet, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    reply = models.CharField(max_length=10, choices=Reply.choices)
    note = models.CharField(max_length=500, blank=True)
    # An "I need help" is a flag for the PA until they answer it: with a plan action, or
    # by noting that it is dealt with.
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    action = models.ForeignKey(
        "pathway.Action", on_delete=models.SET_NULL, related_name="+", null=True, blank=True
    )

    class Meta:
        ordering = ["question__order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["answer_set", "question"], name="one_answer_per_question"
            ),
            models.CheckConstraint(
                condition=Q(reply="help") | Q(answered_at__isnull=True),
                name="only_help_is_answered",
            ),
        ]
        indexes = [
            models.Index(
                fields=["answer_set"],
                condition=Q(reply="help", answered_at__isnull=True),
                name="open_help_flag_idx",
            )
        ]

    def __str__(self) -> str:
        return f"Answer {self.pk}"

    @property
    def is_open_flag(self) -> bool:
        return self.reply == Reply.HELP and self.answered_at is None


class Mood(models.IntegerChoices):
    """How things are this week: words, not only faces."""

    VERY_BAD = 1, "Really bad"
    BAD = 2, "Not good"
    OK = 3, "OK"
    GOOD = 4, "Good"
    VERY_GOOD = 5, "Really good"


class CheckIn(models.Model):
    """A quick check-in from the young person. `help_now` is the "I need help now" button."""

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="check_ins"
    )
    made_at = models.DateTimeField(default=timezone.now)
    mood = models.PositiveSmallIntegerField(choices=Mood.choices, null=True, blank=True)
    feels_supported = models.BooleanField(null=True, blank=True)
    needs_help_with = models.CharField(max_length=1000, blank=True)
    help_now = models.BooleanField(default=False)
    out_of_hours = models.BooleanField(default=False)
    # Who was told of an "I need help now": their PA, or the duty worker.
    told = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    told_as = models.CharField(max_length=20, blank=True)

    class Meta:
        ordering = ["-made_at", "-pk"]
        indexes = [models.Index(fields=["young_person", "-made_at"], name="checkin_latest_idx")]

    def __str__(self) -> str:
        return f"Check-in {self.pk}"


class CheckInRequest(models.Model):
    """A PA asking the young person for a check-in; answered by the next one."""

    young_person = models.ForeignKey(YoungPerson, on_delete=models.PROTECT, related_name="+")
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    asked_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Check-in request {self.pk}"


class OutOfHours(models.Model):
    """A council's office hours and its emergency duty team, for "I need help now"."""

    authority = models.OneToOneField(Authority, on_delete=models.CASCADE, related_name="+")
    opens = models.TimeField(default=dt.time(9))
    closes = models.TimeField(default=dt.time(17))
    emergency_duty_phone = models.CharField(
        "emergency duty team phone",
        max_length=40,
        blank=True,
        help_text="Answered out of hours: evenings, weekends and bank holidays.",
    )

    class Meta:
        verbose_name = "office hours and emergency duty team"
        verbose_name_plural = "office hours and emergency duty teams"

    def __str__(self) -> str:
        return f"Office hours {self.pk}"


class Skill(models.Model):
    """A skill for living on your own, from `from_age`; the council adds its own."""

    name = models.CharField(max_length=150)
    order = models.PositiveSmallIntegerField(default=0)
    from_age = models.PositiveSmallIntegerField(default=14)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.name


class Confidence(models.IntegerChoices):
    NOT_YET = 1, "Not yet"
    GETTING_THERE = 2, "Getting there"
    CONFIDENT = 3, "I can do this"


class SkillRating(models.Model):
    """How confident the young person says they are. Kept: the latest is the current one."""

    young_person = models.ForeignKey(YoungPerson, on_delete=models.PROTECT, related_name="+")
    skill = models.ForeignKey(Skill, on_delete=models.PROTECT, related_name="+")
    confidence = models.PositiveSmallIntegerField(choices=Confidence.choices)
    rated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-rated_at", "-pk"]

    def __str__(self) -> str:
        return f"Skill rating {self.pk}"


class ConfirmedBy(models.TextChoices):
    PA = "pa", "Their PA saw it"
    CARER = "carer", "Their carer told us"


class SkillConfirmation(models.Model):
    """A PA (or a carer, through the PA) confirms the young person can do it. Once."""

    young_person = models.ForeignKey(YoungPerson, on_delete=models.PROTECT, related_name="+")
    skill = models.ForeignKey(Skill, on_delete=models.PROTECT, related_name="+")
    confirmed_on = models.DateField()
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    how = models.CharField(max_length=10, choices=ConfirmedBy.choices, default=ConfirmedBy.PA)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["young_person", "skill"], name="skill_confirmed_once")
        ]

    def __str__(self) -> str:
        return f"Skill confirmation {self.pk}"


class Survey(models.Model):
    """A set of questions care leavers answer in a period, online or by phone."""

    authority = models.ForeignKey(Authority, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=200)
    opens_on = models.DateField()
    closes_on = models.DateField()

    class Meta:
        ordering = ["-opens_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")), name="survey_closes_after_opening"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def is_open(self, day: dt.date) -> bool:
        return self.opens_on <= day <= self.closes_on


class SurveyQuestion(models.Model):
    """A statement answered on a five-point scale of agreement."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(max_length=200)
    order = models.PositiveSmallIntegerField(default=0)
    # The question the dashboard's "feel positive about their support" is read from.
    is_support_measure = models.BooleanField(default=False)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text


class Agreement(models.IntegerChoices):
    STRONGLY_DISAGREE = 1, "Strongly disagree"
    DISAGREE = 2, "Disagree"
    NEITHER = 3, "Neither agree nor disagree"
    AGREE = 4, "Agree"
    STRONGLY_AGREE = 5, "Strongly agree"


class AgeBand(models.TextChoices):
    UNDER_18 = "16-17", "16 to 17"
    EIGHTEEN = "18-20", "18 to 20"
    TWENTY_ONE = "21-25", "21 to 25"


class SurveyResponse(models.Model):
    """One person's answers to one survey: once each (online or by phone). The groups it is
    counted in (age band, team, status) are kept as they were on the day."""

    survey = models.ForeignKey(Survey, on_delete=models.PROTECT, related_name="responses")
    young_person = models.ForeignKey(YoungPerson, on_delete=models.PROTECT, related_name="+")
    answered_at = models.DateTimeField(default=timezone.now)
    by_phone = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    age_band = models.CharField(max_length=5, choices=AgeBand.choices)
    team = models.ForeignKey("portal.Team", on_delete=models.PROTECT, related_name="+", null=True)
    legal_status = models.CharField(max_length=20)
    comment = models.CharField(max_length=1000, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["survey", "young_person"], name="survey_answered_once"),
        ]

    def __str__(self) -> str:
        return f"Survey response {self.pk}"


class SurveyAnswer(models.Model):
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(SurveyQuestion, on_delete=models.PROTECT, related_name="+")
    agreement = models.PositiveSmallIntegerField(choices=Agreement.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="survey_question_once")
        ]

    def __str__(self) -> str:
        return f"Survey answer {self.pk}"


class YouSaidWeDid(models.Model):
    """What changed because of what care leavers said, written by a manager; public."""

    authority = models.ForeignKey(Authority, on_delete=models.PROTECT, related_name="+")
    you_said = models.CharField("you said", max_length=500)
    we_did = models.CharField("we did", max_length=1000)
    published_on = models.DateField()
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-published_on", "-pk"]
        verbose_name = "you said, we did"
        verbose_name_plural = "you said, we did"

    def __str__(self) -> str:
        return f"You said, we did {self.pk}"


class NotificationKind(models.TextChoices):
    HELP_NOW = "help_now", "A young person pressed “I need help now”"
    HELP_FLAG = "help_flag", "A young person said they need help"
    CHECK_IN_ASKED = "check_in_asked", "Your PA would like to hear how you are"
    CHECK_IN_REMINDER = "check_in_reminder", "How are things?"
