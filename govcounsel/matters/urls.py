from django.urls import path

from . import views

app_name = "matters"
urlpatterns = [
    path("", views.MatterBoardView.as_view(), name="board"),
    path("mine/", views.MyQueueView.as_view(), name="mine"),
    path("new/", views.matter_create, name="create"),
    path("<int:pk>/", views.MatterDetailView.as_view(), name="matter"),
    path("<int:pk>/<slug:verb>/", views.matter_action, name="action"),
]
