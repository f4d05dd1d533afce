from django.contrib import admin

from offer.models import Category


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    """Administrators add or rename topics; items are written on the offer's own pages."""

    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}
