from django.urls import path

from rota import views

app_name = "rota"

urlpatterns = [
    path("", views.rota, name="rota"),
    path("mine/", views.mine, name="mine"),
    path("mine/leave/", views.leave_create, name="leave-create"),
    path("mine/calendar/", views.feed_create, name="feed-create"),
    path("mine/calendar/revoke/", views.feed_revoke, name="feed-revoke"),
    path("calendar/<str:token>.ics", views.feed, name="feed"),
    path("shifts/<int:shift_pk>/offer/", views.swap_offer, name="swap-offer"),
    path("shifts/<int:shift_pk>/fill/", views.fill, name="fill"),
    path("swaps/<int:offer_pk>/take/", views.swap_take, name="swap-take"),
    path("swaps/<int:offer_pk>/withdraw/", views.swap_withdraw, name="swap-withdraw"),
    path("coverage/", views.coverage, name="coverage"),
    path("coverage/fill-from-pattern/", views.generate, name="generate"),
    path("coverage/shifts/new/", views.shift_create, name="shift-create"),
    path("duty-log/", views.duty_log, name="duty-log"),
    path("duty-log/new/", views.enquiry_create, name="enquiry-create"),
    path("duty-log/find/", views.enquiry_find, name="enquiry-find"),
    path(
        "duty-log/young-people/<int:young_person_pk>/new/",
        views.enquiry_create_for,
        name="enquiry-create-for",
    ),
    path("duty-log/<int:enquiry_pk>/followed-up/", views.enquiry_done, name="enquiry-done"),
]
