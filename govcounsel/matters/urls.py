from django.urls import path

from . import archive_views, decision_views, dispatch_views, views

app_name = "matters"
urlpatterns = [
    path("", views.MatterBoardView.as_view(), name="board"),
    path("mine/", views.MyQueueView.as_view(), name="mine"),
    path("new/", views.matter_create, name="create"),
    path("decisions/", decision_views.decisions, name="decisions"),
    path("archive/", archive_views.archive, name="archive"),
    path("dispatch/", dispatch_views.dispatch_list, name="dispatches"),
    path("dispatch/new/", dispatch_views.dispatch_new, name="dispatch-new"),
    path("dispatch/<int:pk>/", dispatch_views.dispatch_detail, name="dispatch"),
    path("dispatch/<int:pk>/act/", dispatch_views.dispatch_act, name="dispatch-act"),
    path("pool/", dispatch_views.pool, name="pool"),
    path("<int:pk>/commission-letter/", archive_views.letter, name="letter"),
    path("decisions/act/", decision_views.decisions_action, name="decisions-action"),
    path("<int:pk>/", views.MatterDetailView.as_view(), name="matter"),
    path("<int:pk>/<slug:verb>/", views.matter_action, name="action"),
]
