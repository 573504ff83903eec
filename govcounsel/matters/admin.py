"""Matters in the back office: readable by the system administrator; the workflow changes
them only through the pages and the API."""

from django.contrib import admin

from govcounsel.core.admin import DutyAdmin

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


class ReadOnly(DutyAdmin):
    read_only = True


@admin.register(Matter)
class MatterAdmin(ReadOnly):
    list_display = ["title", "unit", "category", "status", "deadline", "score"]
    list_filter = ["status", "category"]
    search_fields = ["title", "unit__name"]


admin.site.register(
    [Assignment, Opinion, MatterStep, Decision, Supervision, Overtime, DispatchRequest], ReadOnly
)


@admin.register(Expertise)
class ExpertiseAdmin(DutyAdmin):
    list_display = ["name"]
    filter_horizontal = ["people"]


@admin.register(DecisionItem)
class DecisionItemAdmin(DutyAdmin):
    list_display = ["title", "unit", "active"]
    raw_id_fields = ["unit"]
