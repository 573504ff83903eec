from django.urls import path

from .views import archive, decisions, dispatch, expertise, files, matters

app_name = "matters"
urlpatterns = [
    path("", matters.MatterBoardView.as_view(), name="board"),
    path("mine/", matters.MyQueueView.as_view(), name="mine"),
    path("new/", matters.matter_create, name="create"),
    path("decisions/", decisions.DecisionListView.as_view(), name="decisions"),
    path("archive/", archive.ArchiveView.as_view(), name="archive"),
    path("dispatch/", dispatch.DispatchListView.as_view(), name="dispatches"),
    path("dispatch/new/", dispatch.dispatch_new, name="dispatch-new"),
    path("dispatch/<int:pk>/", dispatch.dispatch_detail, name="dispatch"),
    path("pool/", dispatch.PoolView.as_view(), name="pool"),
    path("pool/<int:person_pk>/expertise/", expertise.pool_tags, name="pool-tags"),
    path("pool/expertise/", expertise.expertise_list, name="expertise"),
    path("pool/expertise/<int:pk>/rename/", expertise.expertise_rename, name="expertise-rename"),
    path("pool/expertise/<int:pk>/active/", expertise.expertise_active, name="expertise-active"),
    path("decisions/items/new/", decisions.decision_item_new, name="decision-item-new"),
    path("<int:pk>/", matters.MatterDetailView.as_view(), name="matter"),
    path("<int:pk>/attachment/", files.matter_attachment, name="attachment"),
    path(
        "<int:pk>/attachment/preview/",
        files.matter_attachment_preview,
        name="attachment-preview",
    ),
    path("opinion-files/<int:pk>/", files.opinion_file, name="opinion-file"),
    path(
        "opinion-files/<int:pk>/preview/", files.opinion_file_preview, name="opinion-file-preview"
    ),
    path("<int:pk>/print/", matters.MatterPrintView.as_view(), name="print"),
]
