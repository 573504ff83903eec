from django.urls import path

from .views import advisers, people, survey

app_name = "people"
urlpatterns = [
    path("", people.PersonListView.as_view(), name="list"),
    path("<int:pk>/", people.PersonDetailView.as_view(), name="person"),
    path("<int:pk>/identity/", people.reveal_identity, name="identity"),
    path("new/", people.person_create, name="create"),
    path("survey/", survey.upload, name="survey"),
    path("survey/template.xlsx", survey.template, name="survey-template"),
    path("survey/<int:pk>/", survey.job, name="survey-job"),
    path("survey/<int:pk>/import/", survey.confirm, name="survey-import"),
    path("<int:pk>/edit/", people.person_update, name="update"),
    path("<int:pk>/qualifications/new/", people.qualification_add, name="qualification-add"),
    path("units/<int:unit_pk>/advisers/new/", people.adviser_add, name="adviser-add"),
    path("qualifications/", people.QualificationListView.as_view(), name="qualifications"),
    path("advisers/", people.LegalAdviserListView.as_view(), name="advisers"),
    path("advisers/<int:pk>/", advisers.LegalAdviserDetailView.as_view(), name="adviser"),
]
