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
    path("pool/", dispatch_views.pool, name="pool"),
    path("decisions/items/new/", decision_views.decision_item_new, name="decision-item-new"),
    path("<int:pk>/", views.MatterDetailView.as_view(), name="matter"),
]
