from django.urls import path

from offer import views
from offer.council_urls import category_page, public_pages

app_name = "offer"

# The public pages, as each council has them under /<council>/offer/ (council_urls.py).
urlpatterns = [
    *public_pages,
    path("manage/", views.manage, name="manage"),
    path("manage/items/new/", views.item_create, name="item-create"),
    path(
        "manage/regions/<slug:region>/new/",
        views.regional_item_create,
        name="regional-item-create",
    ),
    path("manage/items/<int:pk>/", views.item_preview, name="item-preview"),
    path("manage/items/<int:pk>/edit/", views.item_edit, name="item-edit"),
    path("manage/items/<int:pk>/submit/", views.item_submit, name="item-submit"),
    path("manage/items/<int:pk>/approve/", views.item_approve, name="item-approve"),
    path("manage/items/<int:pk>/return/", views.item_return, name="item-return"),
    path("manage/items/<int:pk>/reviewed/", views.item_reviewed, name="item-reviewed"),
    path("manage/items/<int:pk>/note/", views.item_note, name="item-note"),
    path("manage/items/<int:pk>/history/", views.item_history, name="item-history"),
    path("manage/items/<int:pk>/compare/", views.item_compare, name="item-compare"),
    path("manage/sign-off/", views.sign_off, name="sign-off"),
    category_page,
]
