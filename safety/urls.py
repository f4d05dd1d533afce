from django.urls import path

from safety import views

app_name = "safety"

person = "young-people/<int:pk>/safety/"

urlpatterns = [
    path(person, views.person, name="person"),
    path(person + "assessment/new/", views.assessment_save, name="assessment-save"),
    path(person + "versions/<int:number>/", views.version, name="version"),
    path(person + "versions/<int:number>/compare/", views.version_compare, name="version-compare"),
    path(person + "versions/<int:number>/agree/", views.version_agree, name="version-agree"),
    path(person + "home-at-risk/new/", views.home_at_risk_create, name="home-at-risk-create"),
    path(
        person + "home-at-risk/<int:home_pk>/refer/", views.referral_create, name="referral-create"
    ),
    path(
        person + "home-at-risk/<int:home_pk>/close/",
        views.home_at_risk_close,
        name="home-at-risk-close",
    ),
    path(person + "custody/new/", views.custody_release_create, name="custody-release-create"),
    path(person + "staying-close/new/", views.staying_close_create, name="staying-close-create"),
    path("safety/staying-close/", views.staying_close_list, name="staying-close"),
    path("safety/sufficiency/", views.sufficiency, name="sufficiency"),
    path("safety/sufficiency.csv", views.sufficiency_csv, name="sufficiency-csv"),
    path("my/safety/", views.my_safety, name="my-safety"),
    path("my/safety/pdf/", views.my_safety_pdf, name="my-safety-pdf"),
]
