from django.urls import path

from . import survey_views, views

app_name = "people"
urlpatterns = [
    path("", views.PersonListView.as_view(), name="list"),
    path("<int:pk>/", views.PersonDetailView.as_view(), name="person"),
    path("<int:pk>/identity/", views.reveal_identity, name="identity"),
    path("new/", views.person_create, name="create"),
    path("survey/", survey_views.upload, name="survey"),
    path("survey/template.xlsx", survey_views.template, name="survey-template"),
    path("survey/<int:pk>/", survey_views.job, name="survey-job"),
    path("survey/<int:pk>/import/", survey_views.confirm, name="survey-import"),
    path("<int:pk>/edit/", views.person_update, name="update"),
    path("<int:pk>/qualifications/new/", views.qualification_add, name="qualification-add"),
    path("units/<int:unit_pk>/advisers/new/", views.adviser_add, name="adviser-add"),
    path("qualifications/", views.QualificationListView.as_view(), name="qualifications"),
    path("advisers/", views.LegalAdviserListView.as_view(), name="advisers"),
]
