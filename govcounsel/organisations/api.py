from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from govcounsel.core.api import ScopedRelatedField, ScopedViewSet

from . import services
from .filters import RegionFilter, UnitFilter
from .models import Region, Unit


class RegionSerializer(serializers.ModelSerializer):
    parent: serializers.SlugRelatedField = serializers.SlugRelatedField(  # type: ignore[assignment]
        slug_field="code",
        queryset=Region.objects.all(),
        required=False,
        allow_null=True,
        write_only=True,
        help_text="上级区域的区划代码",
    )
    parent_code = serializers.SerializerMethodField()

    class Meta:
        model = Region
        fields = ["id", "code", "name", "level", "depth", "parent", "parent_code"]
        read_only_fields = ["level", "depth"]

    def get_parent_code(self, region: Region) -> str | None:
        # Derived from the materialised path without a query: the parent's path is a prefix.
        return self.context.get("codes_by_path", {}).get(region.path[: -Region.steplen]) or (
            Region.objects.get_parent(region).code if region.depth > 1 else None
        )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if self.instance is not None and set(attrs) - {"name"}:
            raise serializers.ValidationError({"code": [_("区划代码和上级区域创建后不可修改。")]})
        return attrs


class RegionViewSet(ScopedViewSet):
    model = Region
    serializer_class = RegionSerializer
    filterset_class = RegionFilter
    ordering_fields = ["code", "name"]
    ordering = ["path"]
    create_service = services.create_region
    update_service = services.update_region
    update_target = "region"

    def get_serializer_context(self) -> dict[str, Any]:
        context = dict(super().get_serializer_context())
        if self.action == "list":
            # Parents of one page resolved in one query.
            context["codes_by_path"] = dict(
                Region.objects.values_list("path", "code").filter(depth__lte=2)
            )
        return context


class UnitSerializer(serializers.ModelSerializer):
    region = ScopedRelatedField(Region)
    region_name = serializers.CharField(source="region.name", read_only=True)
    vertical_superior = ScopedRelatedField(Unit, required=False, allow_null=True)

    class Meta:
        model = Unit
        fields = [
            "id",
            "name",
            "credit_code",
            "kind",
            "level",
            "region",
            "region_name",
            "has_enforcement_power",
            "vertical_superior",
            "rule_of_law_contact",
            "rule_of_law_phone",
        ]


class UnitViewSet(ScopedViewSet):
    model = Unit
    serializer_class = UnitSerializer
    filterset_class = UnitFilter
    select_related = ("region",)
    ordering_fields = ["name", "credit_code"]
    ordering = ["region__path", "name", "id"]
    create_service = services.create_unit
    update_service = services.update_unit
    update_target = "unit"
