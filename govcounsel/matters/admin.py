"""Matters in the back office: readable by the system administrator; the workflow changes
them only through the pages and the API."""

from django.contrib import admin

from govcounsel.core.admin import ConfigurationAdmin, ReadOnlyAdmin

from .models import (
    Assignment,
    Decision,
    DecisionItem,
    DispatchRequest,
    Expertise,
    Matter,
    MatterStep,
    Opinion,
    Overtime,
    Supervision,
)


@admin.register(Matter)
class MatterAdmin(ReadOnlyAdmin):
    list_display = ["title", "unit", "category", "status", "deadline", "score"]
    list_filter = ["status", "category"]
    search_fields = ["title", "unit__name"]


admin.site.register(
    [Assignment, Opinion, MatterStep, Decision, Supervision, Overtime, DispatchRequest],
    ReadOnlyAdmin,
)


@admin.register(Expertise)
class ExpertiseAdmin(ConfigurationAdmin):
    why = (
        "A shared list of fields of expertise, tagging lawyers only to rank dispatch "
        "candidates; no workflow stands behind it, and django-auditlog diffs the tags."
    )
    list_display = ["name"]
    filter_horizontal = ["people"]


@admin.register(DecisionItem)
class DecisionItemAdmin(ReadOnlyAdmin):  # 001 二(二): each unit's office keeps its own list
    list_display = ["title", "unit", "active"]
    raw_id_fields = ["unit"]
