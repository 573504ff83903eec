from django.contrib import admin

from govcounsel.core.admin import ReadOnlyAdmin

from .models import Bulletin, Target


@admin.register(Target)
class TargetAdmin(ReadOnlyAdmin):  # 000 #12: set by the supervisor, through create/update_target
    list_display = ["region", "level", "kind", "enforcement", "metric", "percentage", "deadline"]
    list_filter = ["metric", "level"]
    raw_id_fields = ["region"]
    search_fields = ["region__name", "source_clause"]


@admin.register(Bulletin)
class BulletinAdmin(ReadOnlyAdmin):
    list_display = [
        "region",
        "year",
        "quarter",
        "status",
        "progress",
        "requested_at",
        "finished_at",
    ]
    list_filter = ["status", "year"]
