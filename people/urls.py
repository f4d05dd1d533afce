from django.urls import path

from people import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.health, name="health"),
    path("staff/", views.staff_home, name="staff-home"),
    path("young-people/new/", views.young_person_create, name="young-person-create"),
    path("young-people/<int:pk>/", views.young_person_detail, name="young-person-detail"),
    path("young-people/<int:pk>/edit/", views.young_person_edit, name="young-person-edit"),
    path("young-people/<int:pk>/allocate/", views.allocation_create, name="allocation-create"),
    path("young-people/<int:pk>/invite/", views.invitation_create, name="invitation-create"),
    path("team/", views.team, name="team"),
    path("team/pas/<int:pk>/leaving/", views.pa_leaving, name="pa-leaving"),
    path("team/pas/<int:pk>/leaving/cancel/", views.pa_leaving_cancel, name="pa-leaving-cancel"),
    path("my/", views.my_home, name="my-home"),
    path("my/information/", views.my_information, name="my-information"),
    path(
        "my/information/download/",
        views.my_information_download,
        name="my-information-download",
    ),
    path("young-people/<int:pk>/information/", views.subject_access, name="subject-access"),
    path(
        "young-people/<int:pk>/information/download/",
        views.subject_access_download,
        name="subject-access-download",
    ),
    path("invitations/accept/", views.invitation_accept, name="invitation-accept"),
    path("invitations/<str:token>/", views.invitation_open, name="invitation-open"),
    # Before allauth's page of the same address: sign-in addresses are the service's to change.
    path("accounts/email/", views.email_address, name="email-address"),
    path("staff/set-up/", views.staff_set_up, name="staff-set-up"),
    path(
        "staff/set-up/<str:uidb64>/<str:token>/",
        views.staff_set_up_open,
        name="staff-set-up-open",
    ),
    path("staff/not-set-up/", views.staff_not_set_up, name="staff-not-set-up"),
]
