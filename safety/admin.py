"""The areas a risk assessment covers are data: an administrator adds or retires them."""

from django.contrib import admin

from safety.models import RiskArea


@admin.register(RiskArea)
class RiskAreaAdmin(admin.ModelAdmin):
    list_display = ["name", "position", "is_active"]
    list_editable = ["position", "is_active"]
    prepopulated_fields = {"slug": ["name"]}
