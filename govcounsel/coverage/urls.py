from django.urls import path

from .views import bulletins, figures

app_name = "coverage"
urlpatterns = [
    path("", figures.dashboard, name="dashboard"),
    path("targets/new/", figures.target_create, name="target-create"),
    path("targets/<int:pk>/edit/", figures.target_update, name="target-update"),
    path("bulletins/", bulletins.BulletinListView.as_view(), name="bulletins"),
    path("bulletins/<int:pk>/", bulletins.bulletin_detail, name="bulletin"),
    path("bulletins/<int:pk>/<slug:fmt>/", bulletins.bulletin_download, name="bulletin-download"),
]
