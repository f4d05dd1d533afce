from django.urls import path

from dashboard import views

app_name = "dashboard"

urlpatterns = [
    path("", views.dashboard, name="home"),
    # Before a figure's page, so that no figure's slug hides it.
    path("regions/<slug:region>/", views.region_dashboard, name="region"),
    path("<slug:slug>/", views.dashboard_list, name="list"),
    path("<slug:slug>.csv", views.dashboard_csv, name="csv"),
]
