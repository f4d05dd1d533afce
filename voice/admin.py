"""Administrators edit the checklist areas and questions, the skills and the council's
out-of-hours numbers. Nobody's answers are in the admin."""

from django.contrib import admin

from voice.models import Area, OutOfHours, Question, Skill


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
class OutOfHoursAdmin(admin.ModelAdmin):
    list_display = ("authority", "opens", "closes", "emergency_duty_phone")
