"""A region's public pages: its councils, and what each offers side by side."""

from django.urls import path

from offer import region_views

app_name = "region"

urlpatterns = [
    path("<slug:region>/", region_views.home, name="home"),
    path("<slug:region>/compare/", region_views.compare, name="compare"),
    path("<slug:region>/compare/<slug:area>/", region_views.compare_area, name="compare-area"),
]
