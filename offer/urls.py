from django.urls import path

from offer import views

app_name = "offer"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("check/", views.check, name="check"),
    path("items/<slug:slug>/", views.item_detail, name="item-detail"),
    path("manage/", views.manage, name="manage"),
    path("manage/items/new/", views.item_create, name="item-create"),
    path("manage/items/<int:pk>/", views.item_preview, name="item-preview"),
    path("manage/items/<int:pk>/edit/", views.item_edit, name="item-edit"),
    path("manage/items/<int:pk>/submit/", views.item_submit, name="item-submit"),
    path("manage/items/<int:pk>/approve/", views.item_approve, name="item-approve"),
    path("manage/items/<int:pk>/return/", views.item_return, name="item-return"),
    path("manage/items/<int:pk>/reviewed/", views.item_reviewed, name="item-reviewed"),
    path("manage/items/<int:pk>/history/", views.item_history, name="item-history"),
    path("manage/items/<int:pk>/compare/", views.item_compare, name="item-compare"),
    path("manage/sign-off/", views.sign_off, name="sign-off"),
    # Last, so that a category never hides the pages above.
    path("<slug:slug>/", views.category, name="category"),
]
