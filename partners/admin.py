"""The directory, kept by administrators: organisations, services and where and when they
run, contacts, taxonomy terms, partner workers' accounts and sessions. Referrals and
bookings are case records and are not here."""

from django.contrib import admin
from django.db import models

from partners.models import (
    Contact,
    Location,
    Organization,
    PartnerWorker,
    Schedule,
    Service,
    ServiceAtLocation,
    Session,
    Taxonomy,
    TaxonomyTerm,
)
from people.admin import CouncilAdmin, CouncilChoices, council_path

council_path(Organization, "authority")
council_path(Service, "organization__authority")
council_path(Location, "organization__authority")


class DirectoryAdmin(admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class ScheduleInline(admin.TabularInline):
    model = Schedule
    extra = 0


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0


class AtLocationInline(CouncilChoices, admin.TabularInline):
    model = ServiceAtLocation
    extra = 0


@admin.register(Organization)
class OrganizationAdmin(CouncilAdmin, DirectoryAdmin):
    list_display = ["name", "authority"]
    list_filter = [("authority", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name"]


@admin.register(Service)
class ServiceAdmin(CouncilAdmin, DirectoryAdmin):
    council = "organization__authority"
    list_display = ["name", "organization", "status", "is_published", "expected_days"]
    list_filter = ["is_published", "status"]
    search_fields = ["name", "organization__name"]
    filter_horizontal = ["terms"]
    inlines = [ScheduleInline, ContactInline, AtLocationInline]


@admin.register(Location)
class LocationAdmin(CouncilAdmin):
    council = "organization__authority"
    list_display = ["name", "organization", "postal_code"]
    search_fields = ["name", "postal_code"]


@admin.register(Taxonomy)
class TaxonomyAdmin(DirectoryAdmin):
    list_display = ["name", "uri", "version"]


@admin.register(TaxonomyTerm)
class TaxonomyTermAdmin(DirectoryAdmin):
    list_display = ["name", "code", "taxonomy"]
    list_filter = ["taxonomy"]
    search_fields = ["name", "code"]


@admin.register(PartnerWorker)
class PartnerWorkerAdmin(CouncilAdmin):
    """Which service a partner-role account answers for."""

    council = "service__organization__authority"
    list_display = ["user", "service"]
    raw_id_fields = ["user"]


@admin.register(Session)
class SessionAdmin(CouncilAdmin):
    council = "service__organization__authority"
    list_display = ["title", "service", "starts_at", "places"]
    list_filter = ["kind"]
