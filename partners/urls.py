from django.urls import path

from partners import views

app_name = "partners"

person = "young-people/<int:pk>/"

urlpatterns = [
    path(person + "referrals/", views.referrals, name="referrals"),
    path(person + "referrals/new/", views.referral_create, name="referral-create"),
    path(person + "referrals/<int:referral_pk>/", views.referral, name="referral"),
    path(person + "sessions/book/", views.session_book, name="session-book"),
    path("transitions/", views.transitions, name="transitions"),
    path("my/referrals/", views.my_referrals, name="my-referrals"),
    path("my/sessions/book/", views.my_session_book, name="my-session-book"),
    path("partners/", views.worker_home, name="worker-home"),
    path("partners/referrals/<int:pk>/", views.worker_referral, name="worker-referral"),
    path("partners/sessions/<int:pk>/", views.worker_session, name="worker-session"),
]
