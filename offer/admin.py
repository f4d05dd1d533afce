from django.contrib import admin

from offer import cache as public_pages
from offer.models import Category


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    """Administrators add or rename topics; items are written on the offer's own pages."""

    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        public_pages.clear()

    def delete_model(self, request, obj) -> None:
        super().delete_model(request, obj)
        public_pages.clear()

    def delete_queryset(self, request, queryset) -> None:
        super().delete_queryset(request, queryset)
        public_pages.clear()
