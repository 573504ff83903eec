"""The certificates app's models, one module per part of the domain. Every model is imported
here so that Django registers it under the "certificates" app, and so that callers keep
importing from govcounsel.certificates.models."""

# Registration order (not alphabetical) is the order the models were declared in.
from .applications import (  # noqa: I001
    ApplicationQuerySet,
    ApplicationStep,
    CertificateApplication,
    Step,
)
from .certificates import (
    ActivePeriod,
    ActivePeriodQuerySet,
    Certificate,
    CertificateQuerySet,
    CertificateStep,
    SerialCounter,
)
from .cases import CancellationCase, CaseQuerySet
from .membership import AssociationMembership, MembershipQuerySet

__all__ = [
    "ActivePeriod",
    "ActivePeriodQuerySet",
    "ApplicationQuerySet",
    "ApplicationStep",
    "AssociationMembership",
    "CancellationCase",
    "CaseQuerySet",
    "Certificate",
    "CertificateApplication",
    "CertificateQuerySet",
    "CertificateStep",
    "MembershipQuerySet",
    "SerialCounter",
    "Step",
]
