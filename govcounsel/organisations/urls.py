from django.urls import path

from . import views

app_name = "organisations"
urlpatterns = [
    path("tree/", views.region_tree, name="tree"),
    path("units/", views.UnitListView.as_view(), name="units"),
    path("units/<int:pk>/", views.UnitDetailView.as_view(), name="unit"),
]
