from django.urls import path

from .views import exports as export_views

app_name = "exports"

urlpatterns = [
    path("", export_views.MyExportsView.as_view(), name="list"),
    path("<int:pk>/", export_views.export_job, name="job"),
    path("<int:pk>/download/", export_views.export_download, name="download"),
]
