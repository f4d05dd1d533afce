from django.contrib import admin

from finance.models import Scheme
from people.admin import CouncilAdmin


@admin.register(Scheme)
class SchemeAdmin(CouncilAdmin):
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
    list_filter = [
        ("authority", admin.RelatedOnlyFieldListFilter),
        "is_active",
        "cap_period",
        "entitlement",
    ]
    prepopulated_fields = {"code": ["name"]}
