from django.urls import path

from . import views

app_name = "coverage"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("targets/new/", views.target_create, name="target-create"),
]
