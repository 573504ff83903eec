from django.urls import path

from . import views

app_name = "training"

urlpatterns: list = [
    path("", views.mine, name="mine"),
    path("lawyers/<int:person_id>/", views.lawyer, name="lawyer"),
    path("compliance/", views.ComplianceView.as_view(), name="compliance"),
    path("plans/", views.PlanListView.as_view(), name="plans"),
    path("plans/new/", views.plan_new, name="plan-new"),
    path("plans/<int:pk>/", views.PlanDetailView.as_view(), name="plan"),
    path("plans/<int:pk>/courses/new/", views.course_new, name="course-new"),
    path("courses/", views.CourseListView.as_view(), name="courses"),
    path("courses/<int:pk>/", views.CourseDetailView.as_view(), name="course"),
    path("courses/<int:pk>/sessions/new/", views.session_new, name="session-new"),
    path("courses/<int:pk>/attendance/", views.attendance_import, name="attendance-import"),
    path("enrolments/", views.EnrolmentListView.as_view(), name="enrolments"),
    path("claims/", views.ClaimListView.as_view(), name="claims"),
    path("claims/new/", views.claim_new, name="claim-new"),
    path("claims/<int:pk>/", views.ClaimDetailView.as_view(), name="claim"),
    path("claims/<int:pk>/proof/", views.claim_proof, name="claim-proof"),
    path("requirements/", views.RequirementListView.as_view(), name="requirements"),
    path("requirements/new/", views.requirement_new, name="requirement-new"),
    path("exemptions/", views.ExemptionListView.as_view(), name="exemptions"),
    path("exemptions/new/", views.exemption_new, name="exemption-new"),
    path("samples/", views.SampleListView.as_view(), name="samples"),
    path("samples/new/", views.sample_new, name="sample-new"),
    path("samples/<int:pk>/", views.SampleDetailView.as_view(), name="sample"),
]
