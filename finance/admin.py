from django.contrib import admin

from finance.models import Scheme


@admin.register(Scheme)
class SchemeAdmin(admin.ModelAdmin):
    """Schemes are data: an administrator sets amounts, ages, limits and budgets here."""

    list_display = [
        "name",
        "code",
        "authority",
        "cap_pence",
        "cap_period",
        "pa_approval_limit_pence",
        "yearly_budget_pence",
        "entitlement",
        "checked_on",
        "is_active",
    ]
    list_filter = ["authority", "is_active", "cap_period", "entitlement"]
    prepopulated_fields = {"code": ["name"]}
