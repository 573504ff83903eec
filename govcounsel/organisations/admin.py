from django.contrib import admin

from govcounsel.accounts.choices import Role
from govcounsel.core.admin import DutyAdmin

from .models import Region, Unit


@admin.register(Region)
class RegionAdmin(DutyAdmin):
    viewers = frozenset({Role.SECURITY_ADMIN})
    list_display = ["code", "name", "level", "depth"]
    list_filter = ["level"]
    search_fields = ["code", "name"]
    readonly_fields = ["path", "depth", "numchild"]

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        # New regions go into the tree under the region whose code prefixes theirs.
        parent_code = obj.code[:2] + "0000" if obj.code[4:] == "00" else obj.code[:4] + "00"
        parent = Region.objects.filter(code=parent_code).exclude(code=obj.code).first()
        obj.pk = Region.objects.insert(code=obj.code, name=obj.name, parent=parent).pk


@admin.register(Unit)
class UnitAdmin(DutyAdmin):
    viewers = frozenset({Role.SECURITY_ADMIN})
    list_display = ["name", "credit_code", "kind", "level", "region", "has_enforcement_power"]
    list_filter = ["kind", "level", "has_enforcement_power"]
    search_fields = ["name", "credit_code"]
    raw_id_fields = ["region", "vertical_superior"]
    list_select_related = ["region"]
