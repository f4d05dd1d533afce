"""Administrators edit the checklist areas and questions, the skills and the council's
out-of-hours numbers, and set up surveys. Nobody's answers are in the admin."""

from django.contrib import admin

from people.admin import CouncilAdmin
from voice.models import Area, OutOfHours, Question, Skill, Survey, SurveyQuestion


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 1
    fields = ("text", "order", "is_active")


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ("name", "matter", "order", "is_active")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [QuestionInline]


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    list_display = ("name", "from_age", "order", "is_active")


@admin.register(OutOfHours)
class OutOfHoursAdmin(CouncilAdmin):
    list_display = ("authority", "opens", "closes", "emergency_duty_phone")


class SurveyQuestionInline(admin.TabularInline):
    model = SurveyQuestion
    extra = 3
    fields = ("text", "order", "is_support_measure")


@admin.register(Survey)
class SurveyAdmin(CouncilAdmin):
    """The survey and its statements; its answers are never here (results are for groups
    of five or more, on the managers' survey pages)."""

    list_display = ("title", "authority", "opens_on", "closes_on")
    inlines = [SurveyQuestionInline]
