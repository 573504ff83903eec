from django.urls import path

from . import views

app_name = "activities"

urlpatterns = [
    path("", views.ActivityListView.as_view(), name="list"),
    path("new/", views.activity_create, name="create"),
    path("<int:pk>/", views.ActivityDetailView.as_view(), name="activity"),
]
