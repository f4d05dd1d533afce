from django.contrib import admin

from rota.models import PatternSlot


@admin.register(PatternSlot)
class PatternSlotAdmin(admin.ModelAdmin):
    """The weekly pattern the rota is filled from: an administrator sets it per council."""

    list_display = ["authority", "weekday", "role", "starts", "ends"]
    list_filter = ["authority", "weekday", "role"]
