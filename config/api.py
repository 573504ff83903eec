"""The REST API under /api/v1/."""

from django.urls import include, path

from govcounsel.accounts.api import ApiTokenViewSet, ObtainTokenView
from govcounsel.accounts.views.passwords import PasswordChangeView
from govcounsel.certificates.api import (
    CancellationCaseViewSet,
    CertificateApplicationViewSet,
    CertificateViewSet,
)
from govcounsel.core.api import IdRouter
from govcounsel.core.notification_api import NotificationViewSet
from govcounsel.coverage.api import BulletinViewSet, CoverageView, TargetViewSet
from govcounsel.matters.api import (
    DecisionItemViewSet,
    DecisionViewSet,
    DispatchRequestViewSet,
    MatterViewSet,
    WorkArchiveView,
)
from govcounsel.organisations.api import RegionViewSet, UnitViewSet
from govcounsel.people.api import LegalAdviserViewSet, PersonViewSet, QualificationViewSet

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

urlpatterns = [
    path("auth/token/", ObtainTokenView.as_view(), name="api-token"),
    path("auth/password/", PasswordChangeView.as_view(), name="api-password"),
    path("coverage/", CoverageView.as_view(), name="api-coverage"),
    path("work-archives/", WorkArchiveView.as_view(), name="api-work-archives"),
    path("", include(router.urls)),
]
