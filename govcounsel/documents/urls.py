from django.urls import path

from . import views

app_name = "documents"
urlpatterns = [
    path("", views.OfficialDocumentListView.as_view(), name="list"),
    path("<int:pk>/file/", views.document_download, name="file"),
]
