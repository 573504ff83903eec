"""The organisation tree in the back office: the system administrator keeps it, through the
same services as the pages and the API (checked, audited); nothing is deleted here."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from govcounsel.accounts.choices import Role
from govcounsel.core.admin import ServiceAdmin

from . import services
from .models import Region, Unit


@admin.register(Region)
class RegionAdmin(ServiceAdmin):
    viewers = frozenset({Role.SECURITY_ADMIN})
    list_display = ["code", "name", "level", "depth"]
    list_filter = ["level"]
    search_fields = ["code", "name"]
    fields = ["code", "name", "level"]
    update_service = services.update_region
    update_target = "region"

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        # The level follows from the code; the code and the place in the tree never change.
        return ["code", "level"] if obj is not None else ["level"]

    def create_through_service(self, request: HttpRequest, data: dict[str, Any]) -> Region:
        # New regions go into the tree under the region whose code prefixes theirs.
        code = data["code"]
        parent_code = code[:2] + "0000" if code[4:] == "00" else code[:4] + "00"
        parent = Region.objects.filter(code=parent_code).exclude(code=code).first()
        return services.create_region(code=code, name=data["name"], parent=parent, by=request.user)


@admin.register(Unit)
class UnitAdmin(ServiceAdmin):
    viewers = frozenset({Role.SECURITY_ADMIN})
    list_display = ["name", "credit_code", "kind", "level", "region", "has_enforcement_power"]
    list_filter = ["kind", "level", "has_enforcement_power", "sector"]
    search_fields = ["name", "credit_code"]
    raw_id_fields = ["region", "vertical_superior"]
    list_select_related = ["region"]
    fields = list(services.UNIT_FIELDS)
    create_service = services.create_unit
    update_service = services.update_unit
    update_target = "unit"
