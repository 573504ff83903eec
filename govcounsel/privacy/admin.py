from django.contrib import admin

from govcounsel.core.admin import ReadOnlyAdmin

from .models import RetentionRule


@admin.register(RetentionRule)
class RetentionRuleAdmin(ReadOnlyAdmin):
    list_display = ["label", "retention", "on_expiry"]
