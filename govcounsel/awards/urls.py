from django.urls import path

from . import views

app_name = "awards"

urlpatterns = [
    path("", views.CycleListView.as_view(), name="cycles"),
    path("<int:pk>/", views.cycle_detail, name="cycle"),
    path("<int:pk>/decision/", views.decision_download, name="decision"),
    path("rules/", views.RuleListView.as_view(), name="rules"),
    path("awardees/", views.AwardeeListView.as_view(), name="awardees"),
    path("repeated/", views.RepeatedListView.as_view(), name="repeated"),
]
