"""The matters app's models, one module per part of the domain. Every model is imported here
so that Django registers it under the "matters" app, and so that callers keep importing
from govcounsel.matters.models."""

# Registration order (not alphabetical) is the order the models were declared in.
from .matter import Assignment, Matter, MatterQuerySet, MatterStep, Opinion, OpinionQuerySet  # noqa: I001
from .matter import OpinionAttachment
from .decisions import Decision, DecisionItem, DecisionItemQuerySet, DecisionQuerySet
from .oversight import Overtime, Supervision, SupervisionLevel
from .dispatch import DispatchRequest, DispatchRequestQuerySet, Expertise, ExpertiseQuerySet

__all__ = [
    "Assignment",
    "Decision",
    "DecisionItem",
    "DecisionItemQuerySet",
    "DecisionQuerySet",
    "DispatchRequest",
    "DispatchRequestQuerySet",
    "Expertise",
    "ExpertiseQuerySet",
    "Matter",
    "MatterQuerySet",
    "MatterStep",
    "Opinion",
    "OpinionAttachment",
    "OpinionQuerySet",
    "Overtime",
    "Supervision",
    "SupervisionLevel",
]
