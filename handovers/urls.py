from django.urls import path

from handovers import views

app_name = "handovers"
urlpatterns = [
    path("", views.handover_list, name="list"),
    path("<int:pk>/", views.handover_detail, name="detail"),
    path("<int:pk>/summary/", views.summary, name="summary"),
    path("<int:pk>/told/", views.told, name="told"),
    path("<int:pk>/introduction/", views.intro, name="intro"),
    path("<int:pk>/ending/", views.ending, name="ending"),
    path("young-people/<int:pk>/move-council/", views.council_move, name="council-move"),
]
