from django.urls import path

from . import views

app_name = "reconciliation"

urlpatterns = [
    path("", views.NominationListView.as_view(), name="pool"),
    path("nominations/new/", views.nominate, name="nominate"),
    path("nominations/<int:pk>/", views.nomination_detail, name="nomination"),
    path("missing/", views.MissingListView.as_view(), name="missing"),
    path("rules/", views.PoolRuleListView.as_view(), name="rules"),
    path("rules/new/", views.rule_new, name="rule-new"),
    path("rules/<int:pk>/", views.rule_detail, name="rule"),
    path("disputes/", views.AwaitingListView.as_view(), name="awaiting"),
    path("disputes/<int:pk>/", views.assign, name="assign"),
    path("disputes/<int:pk>/sessions/new/", views.session_new, name="session-new"),
    path("draws/<int:pk>/", views.draw_detail, name="draw"),
    path("sessions/", views.SessionListView.as_view(), name="sessions"),
    path("sessions/<int:pk>/", views.session_detail, name="session"),
    path("ledger/", views.LedgerView.as_view(), name="ledger"),
    path("mine/", views.MineView.as_view(), name="mine"),
]
