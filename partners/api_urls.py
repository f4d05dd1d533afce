"""Open Referral UK 3.0, at /openreferral/ (the UK profile's paths)."""

from django.urls import path

from partners import api_views

app_name = "openreferral"

urlpatterns = [
    path("", api_views.index, name="index"),
    path("services", api_views.services, name="services"),
    path("services/<str:uid>", api_views.service_detail, name="service"),
    path("service_at_locations", api_views.service_at_locations, name="service-at-locations"),
    path("taxonomies", api_views.taxonomies, name="taxonomies"),
    path("taxonomy_terms", api_views.taxonomy_terms, name="taxonomy-terms"),
]
