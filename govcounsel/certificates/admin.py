"""Certificates in the back office: readable by the system administrator, changed only through
the workflow pages and API, so that every step has its actor, reason and audit record."""

from django.contrib import admin

from govcounsel.core.admin import ReadOnlyAdmin, ReadOnlyInline

from .models import (
    ApplicationStep,
    AssociationMembership,
    CancellationCase,
    Certificate,
    CertificateApplication,
    CertificateStep,
    SerialCounter,
)


class WorkflowRecordAdmin(ReadOnlyAdmin):
    pass


class ApplicationStepInline(ReadOnlyInline):
    model = ApplicationStep
    readonly_fields = ["action", "from_status", "to_status", "actor", "at", "note", "scan"]


class CertificateStepInline(ApplicationStepInline):
    model = CertificateStep  # type: ignore[assignment]
    readonly_fields = [
        "action",
        "from_status",
        "to_status",
        "effective_on",
        "actor",
        "at",
        "note",
        "scan",
    ]


@admin.register(CertificateApplication)
class ApplicationAdmin(WorkflowRecordAdmin):
    list_display = ["person", "unit", "status", "created_at", "decided_at"]
    list_filter = ["status"]
    search_fields = ["person__name", "unit__name"]
    inlines = [ApplicationStepInline]


@admin.register(Certificate)
class CertificateAdmin(WorkflowRecordAdmin):
    list_display = ["number", "person", "unit", "status", "issued_on", "ended_on"]
    list_filter = ["status"]
    search_fields = ["number", "person__name", "unit__name"]
    inlines = [CertificateStepInline]


@admin.register(CancellationCase)
class CancellationCaseAdmin(WorkflowRecordAdmin):
    list_display = ["certificate", "reason", "event_on", "due_on", "status"]
    list_filter = ["status", "reason"]


@admin.register(ApplicationStep, CertificateStep, SerialCounter)
class HistoryAdmin(WorkflowRecordAdmin):
    pass


@admin.register(AssociationMembership)
class MembershipAdmin(ReadOnlyAdmin):  # recorded by the lawyers' association (record_membership)
    list_display = ["person", "member_number", "joined_on", "ended_on"]
    search_fields = ["person__name", "member_number"]
    raw_id_fields = ["person"]
