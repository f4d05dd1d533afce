from django.urls import path

from voice import views

app_name = "voice"

person = "young-people/<int:pk>/voice/"

urlpatterns = [
    path("my/voice/", views.my_home, name="my-home"),
    path("my/voice/check-in/", views.my_check_in, name="my-check-in"),
    path("my/voice/help-now/", views.my_help_now, name="my-help-now"),
    path("my/voice/checklists/<slug:area>/", views.my_checklist, name="my-checklist"),
    path("my/voice/skills/", views.my_skills, name="my-skills"),
    path("my/voice/surveys/<int:survey_pk>/", views.my_survey, name="my-survey"),
    path(person, views.person, name="person"),
    path(person + "checklists/<slug:area>/", views.person_checklist, name="person-checklist"),
    path(person + "help/<int:answer_pk>/action/", views.help_action, name="help-action"),
    path(person + "help/<int:answer_pk>/dealt-with/", views.help_close, name="help-close"),
    path(person + "ask-for-check-in/", views.check_in_ask, name="check-in-ask"),
    path(person + "skills/<int:skill_pk>/confirm/", views.skill_confirm, name="skill-confirm"),
    path(person + "surveys/<int:survey_pk>/phone/", views.survey_phone, name="survey-phone"),
    path("voice/surveys/", views.survey_list, name="surveys"),
    path("voice/surveys/<int:survey_pk>/", views.survey_results, name="survey-results"),
    path("voice/you-said-we-did/", views.you_said_manage, name="you-said-manage"),
    path("offer/you-said-we-did/", views.you_said, name="you-said"),
]
