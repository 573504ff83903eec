from django.urls import path

from . import bulletin_views, views

app_name = "coverage"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("targets/new/", views.target_create, name="target-create"),
    path("targets/<int:pk>/edit/", views.target_update, name="target-update"),
    path("bulletins/", bulletin_views.bulletin_list, name="bulletins"),
    path("bulletins/<int:pk>/", bulletin_views.bulletin_detail, name="bulletin"),
    path(
        "bulletins/<int:pk>/<slug:fmt>/", bulletin_views.bulletin_download, name="bulletin-download"
    ),
]
