"""The REST API under /api/v1/."""

from django.urls import include, path

from govcounsel.accounts.api import ApiTokenViewSet, ObtainTokenView
from govcounsel.accounts.views.passwords import PasswordChangeView
from govcounsel.activities.api import ActivityViewSet
from govcounsel.awards.api import (
    AwardCycleViewSet,
    AwardeeViewSet,
    AwardRuleViewSet,
    CandidateViewSet,
)
from govcounsel.casebook.api import CompilationViewSet, TypicalCaseViewSet
from govcounsel.certificates.api import (
    CancellationCaseViewSet,
    CertificateApplicationViewSet,
    CertificateViewSet,
)
from govcounsel.core.api import IdRouter
from govcounsel.core.notification_api import NotificationViewSet
from govcounsel.coverage.api import BulletinViewSet, CoverageView, TargetViewSet
from govcounsel.disputes.api import DisputeViewSet
from govcounsel.disputes.figure_api import DisputeFiguresView
from govcounsel.documents.api import OfficialDocumentViewSet
from govcounsel.matters.api import (
    DecisionItemViewSet,
    DecisionViewSet,
    DispatchRequestViewSet,
    MatterViewSet,
    WorkArchiveView,
)
from govcounsel.organisations.api import RegionViewSet, UnitViewSet
from govcounsel.people.api import LegalAdviserViewSet, PersonViewSet, QualificationViewSet
from govcounsel.reconciliation import api as reconciliation_api
from govcounsel.training.api import (
    ClaimViewSet as TrainingClaimViewSet,
)
from govcounsel.training.api import (
    ComplianceView as TrainingComplianceView,
)
from govcounsel.training.api import (
    CourseViewSet as TrainingCourseViewSet,
)
from govcounsel.training.api import (
    EnrolmentViewSet as TrainingEnrolmentViewSet,
)
from govcounsel.training.api import (
    ExemptionViewSet as TrainingExemptionViewSet,
)
from govcounsel.training.api import (
    PlanViewSet as TrainingPlanViewSet,
)
from govcounsel.training.api import (
    RequirementViewSet as TrainingRequirementViewSet,
)
from govcounsel.training.api import (
    SampleItemViewSet as TrainingSampleItemViewSet,
)
from govcounsel.training.api import (
    SampleViewSet as TrainingSampleViewSet,
)

router = IdRouter()
router.register("auth/tokens", ApiTokenViewSet, basename="auth-token")
router.register("notifications", NotificationViewSet, basename="notification")
router.register("regions", RegionViewSet, basename="region")
router.register("units", UnitViewSet, basename="unit")
router.register("people", PersonViewSet, basename="person")
router.register("qualifications", QualificationViewSet, basename="qualification")
router.register("advisers", LegalAdviserViewSet, basename="adviser")
router.register(
    "certificate-applications", CertificateApplicationViewSet, basename="certificate-application"
)
router.register("certificates", CertificateViewSet, basename="certificate")
router.register("cancellation-cases", CancellationCaseViewSet, basename="cancellation-case")
router.register("targets", TargetViewSet, basename="target")
router.register("bulletins", BulletinViewSet, basename="bulletin")
router.register("matters", MatterViewSet, basename="matter")
router.register("decision-items", DecisionItemViewSet, basename="decision-item")
router.register("decisions", DecisionViewSet, basename="decision")
router.register("dispatch-requests", DispatchRequestViewSet, basename="dispatch-request")
router.register("documents", OfficialDocumentViewSet, basename="document")
router.register("pool-rules", reconciliation_api.PoolRuleViewSet, basename="pool-rule")
router.register(
    "mediator-nominations", reconciliation_api.NominationViewSet, basename="mediator-nomination"
)
router.register("mediator-draws", reconciliation_api.MediatorDrawViewSet, basename="mediator-draw")
router.register(
    "mediator-assignments",
    reconciliation_api.MediatorAssignmentViewSet,
    basename="mediator-assignment",
)
router.register(
    "mediation-sessions", reconciliation_api.MediationSessionViewSet, basename="mediation-session"
)
router.register("typical-cases", TypicalCaseViewSet, basename="typical-case")
router.register(
    "typical-case-compilations", CompilationViewSet, basename="typical-case-compilation"
)
router.register("disputes", DisputeViewSet, basename="dispute")
router.register("activities", ActivityViewSet, basename="activity")
router.register("award-rules", AwardRuleViewSet, basename="award-rule")
router.register("award-cycles", AwardCycleViewSet, basename="award-cycle")
router.register("award-candidates", CandidateViewSet, basename="award-candidate")
router.register("awardees", AwardeeViewSet, basename="awardee")
router.register("training-plans", TrainingPlanViewSet, basename="training-plan")
router.register("training-courses", TrainingCourseViewSet, basename="training-course")
router.register("training-enrolments", TrainingEnrolmentViewSet, basename="training-enrolment")
router.register("training-claims", TrainingClaimViewSet, basename="training-claim")
router.register(
    "training-requirements", TrainingRequirementViewSet, basename="training-requirement"
)
router.register("training-exemptions", TrainingExemptionViewSet, basename="training-exemption")
router.register("training-samples", TrainingSampleViewSet, basename="training-sample")
router.register("training-sample-items", TrainingSampleItemViewSet, basename="training-sample-item")

urlpatterns = [
    path("auth/token/", ObtainTokenView.as_view(), name="api-token"),
    path("auth/password/", PasswordChangeView.as_view(), name="api-password"),
    path("coverage/", CoverageView.as_view(), name="api-coverage"),
    path("work-archives/", WorkArchiveView.as_view(), name="api-work-archives"),
    path("dispute-figures/", DisputeFiguresView.as_view(), name="api-dispute-figures"),
    path("training-compliance/", TrainingComplianceView.as_view(), name="api-training-compliance"),
    path("", include(router.urls)),
]
