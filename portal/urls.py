from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from portal import views

portal_patterns = [
    path("", views.home, name="home"),
    path("healthz", views.health, name="health"),
    path("staff/", views.staff_home, name="staff-home"),
    path("young-people/new/", views.young_person_create, name="young-person-create"),
    path("young-people/<int:pk>/", views.young_person_detail, name="young-person-detail"),
    path("young-people/<int:pk>/edit/", views.young_person_edit, name="young-person-edit"),
    path("young-people/<int:pk>/allocate/", views.allocation_create, name="allocation-create"),
    path("young-people/<int:pk>/invite/", views.invitation_create, name="invitation-create"),
    path("team/", views.team, name="team"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("dashboard/<slug:slug>/", views.dashboard_list, name="dashboard-list"),
    path("dashboard/<slug:slug>.csv", views.dashboard_csv, name="dashboard-csv"),
    path("team/pas/<int:pk>/leaving/", views.pa_leaving, name="pa-leaving"),
    path("notifications/", views.notification_list, name="notification-list"),
    path("notifications/settings/", views.notification_settings, name="notification-settings"),
    path("notifications/<int:pk>/", views.notification_open, name="notification-open"),
    path("my/", views.my_home, name="my-home"),
    path("invitations/accept/", views.invitation_accept, name="invitation-accept"),
    path("invitations/<str:token>/", views.invitation_open, name="invitation-open"),
]

if settings.BENCHMARK:  # the benchmark's baselines (see portal/bench.py)
    portal_patterns += [
        path("bench/bare", views.bench_bare, name="bench-bare"),
        path("bench/minimal", views.bench_minimal, name="bench-minimal"),
    ]

# The admin's own sign-in form would skip MFA; send everyone through allauth's instead.
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("", include((portal_patterns, "portal"))),
    path("", include("pathway.urls")),
    path("", include("finance.urls")),
    path("offer/", include("offer.urls")),
    path("rota/", include("rota.urls")),
    path("handovers/", include("handovers.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
]
