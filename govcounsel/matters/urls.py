from django.urls import path

from .views import archive, decisions, dispatch, matters

app_name = "matters"
urlpatterns = [
    path("", matters.MatterBoardView.as_view(), name="board"),
    path("mine/", matters.MyQueueView.as_view(), name="mine"),
    path("new/", matters.matter_create, name="create"),
    path("decisions/", decisions.decisions, name="decisions"),
    path("archive/", archive.archive, name="archive"),
    path("dispatch/", dispatch.dispatch_list, name="dispatches"),
    path("dispatch/new/", dispatch.dispatch_new, name="dispatch-new"),
    path("dispatch/<int:pk>/", dispatch.dispatch_detail, name="dispatch"),
    path("pool/", dispatch.pool, name="pool"),
    path("decisions/items/new/", decisions.decision_item_new, name="decision-item-new"),
    path("<int:pk>/", matters.MatterDetailView.as_view(), name="matter"),
]
