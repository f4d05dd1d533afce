from django.contrib import admin

from people.admin import CouncilAdmin
from rota.models import PatternSlot


@admin.register(PatternSlot)
class PatternSlotAdmin(CouncilAdmin):
    """The weekly pattern the rota is filled from: an administrator sets it per council."""

    list_display = ["authority", "weekday", "role", "starts", "ends"]
    list_filter = [("authority", admin.RelatedOnlyFieldListFilter), "weekday", "role"]
