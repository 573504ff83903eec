from django.urls import path

from . import figure_views, views

app_name = "disputes"

urlpatterns: list = [
    path("figures/", figure_views.DisputeFiguresView.as_view(), name="figures"),
    path("", views.DisputeListView.as_view(), name="list"),
    path("mine/", views.MyDisputesView.as_view(), name="mine"),
    path("new/", views.dispute_create, name="create"),
    path("<int:pk>/", views.DisputeDetailView.as_view(), name="dispute"),
    path("<int:pk>/files/<str:which>/", views.dispute_file, name="file"),
]
