from django.urls import path

from devtools import views

app_name = "devtools"

urlpatterns = [
    path("bench/bare", views.bench_bare, name="bench-bare"),
    path("bench/minimal", views.bench_minimal, name="bench-minimal"),
]
