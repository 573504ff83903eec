from django.urls import path

from . import views

app_name = "people"
urlpatterns = [
    path("", views.PersonListView.as_view(), name="list"),
    path("<int:pk>/", views.PersonDetailView.as_view(), name="person"),
    path("<int:pk>/identity/", views.reveal_identity, name="identity"),
    path("qualifications/", views.QualificationListView.as_view(), name="qualifications"),
    path("advisers/", views.LegalAdviserListView.as_view(), name="advisers"),
]
