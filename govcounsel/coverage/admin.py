from django.contrib import admin

from govcounsel.core.admin import DutyAdmin

from .models import Target


@admin.register(Target)
class TargetAdmin(DutyAdmin):
    list_display = ["region", "level", "kind", "enforcement", "metric", "percentage", "deadline"]
    list_filter = ["metric", "level"]
    raw_id_fields = ["region"]
    search_fields = ["region__name", "source_clause"]
