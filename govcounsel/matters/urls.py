from django.urls import path

from . import archive_views, decision_views, views

app_name = "matters"
urlpatterns = [
    path("", views.MatterBoardView.as_view(), name="board"),
    path("mine/", views.MyQueueView.as_view(), name="mine"),
    path("new/", views.matter_create, name="create"),
    path("decisions/", decision_views.decisions, name="decisions"),
    path("archive/", archive_views.archive, name="archive"),
    path("<int:pk>/commission-letter/", archive_views.letter, name="letter"),
    path("decisions/act/", decision_views.decisions_action, name="decisions-action"),
    path("<int:pk>/", views.MatterDetailView.as_view(), name="matter"),
    path("<int:pk>/<slug:verb>/", views.matter_action, name="action"),
]
