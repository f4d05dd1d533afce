"""Each council's public offer at /<council>/offer/: the same pages as /offer/."""

from django.urls import path

from offer import views

app_name = "council_offer"

public_pages = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("check/", views.check, name="check"),
    path("items/<slug:slug>/", views.item_detail, name="item-detail"),
]
# Last in a list of patterns, so that a category never hides the pages before it.
category_page = path("<slug:slug>/", views.category, name="category")

urlpatterns = [*public_pages, category_page]
