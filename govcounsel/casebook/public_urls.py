"""Pages anyone may read without signing in (config/urls.py mounts them under /public/)."""

from django.urls import path

from . import public_views

app_name = "public"
urlpatterns = [
    path("cases/", public_views.case_list, name="cases"),
    path("cases/<int:pk>/", public_views.case_detail, name="case"),
]
