from django.urls import path

from . import views

app_name = "casebook"
urlpatterns = [
    path("", views.CaseListView.as_view(), name="cases"),
    path("<int:pk>/", views.CaseDetailView.as_view(), name="case"),
    path("nominable/", views.nominable, name="nominable"),
    path("nominate/<int:dispute_pk>/", views.nominate, name="nominate"),
    path("compilations/", views.compilations, name="compilations"),
    path("compilations/issue/", views.issue_compilation, name="compilation-issue"),
    path(
        "compilations/<int:pk>/download/",
        views.compilation_download,
        name="compilation-download",
    ),
]
