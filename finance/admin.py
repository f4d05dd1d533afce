from django.contrib import admin

from finance.models import Scheme


@admin.register(Scheme)
class SchemeAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "authority", "cap_pence", "is_active"]
    list_filter = ["authority", "is_active"]
    prepopulated_fields = {"code": ["name"]}
