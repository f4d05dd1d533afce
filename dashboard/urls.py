from django.urls import path

from dashboard import views

app_name = "dashboard"

urlpatterns = [
    path("", views.dashboard, name="home"),
    path("<slug:slug>/", views.dashboard_list, name="list"),
    path("<slug:slug>.csv", views.dashboard_csv, name="csv"),
]
