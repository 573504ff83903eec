from django.urls import path

from . import views

app_name = "certificates"
urlpatterns = [
    path("applications/", views.ApplicationListView.as_view(), name="applications"),
    path("applications/<int:pk>/", views.ApplicationDetailView.as_view(), name="application"),
    path("applications/batch/<slug:action>/", views.batch_run, name="batch"),
    path("apply/<int:person_pk>/", views.apply_for, name="apply"),
    path("", views.CertificateListView.as_view(), name="certificates"),
    path("<int:pk>/", views.CertificateDetailView.as_view(), name="certificate"),
    path("cases/", views.CaseListView.as_view(), name="cases"),
    path("cases/<int:pk>/", views.CaseDetailView.as_view(), name="case"),
    path("qualified/", views.QualifiedListView.as_view(), name="qualified"),
    path("non-members/", views.NonMemberListView.as_view(), name="non-members"),
    path("non-members/<int:person_pk>/join/", views.record_membership, name="membership"),
    path("members/", views.MembershipListView.as_view(), name="members"),
    path("members/<int:pk>/", views.MembershipDetailView.as_view(), name="member"),
    path("members/<int:pk>/end/", views.end_membership, name="membership-end"),
    path("scans/<slug:kind>/<int:pk>/", views.scan, name="scan"),
]
