from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from govcounsel.core.api import ScopedViewSet
from govcounsel.core.codes import CodeSerializerField
from govcounsel.core.fields import ScopedRelatedField, ScopedSlugRelatedField

from . import services
from .filters import RegionFilter, UnitFilter
from .models import Region, Unit


class RegionSerializer(serializers.ModelSerializer):
    parent: serializers.SlugRelatedField = ScopedSlugRelatedField(  # type: ignore[assignment]
        Region,
        slug_field="code",
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
    # Normalised on the way in; the service checks it (GB 32100 and the length, with its own
    # message) and names the unit that holds it already.
    credit_code = CodeSerializerField(label=_("统一社会信用代码"))
    region = ScopedRelatedField(Region)
    region_name = serializers.CharField(source="region.name", read_only=True)
    vertical_superior = ScopedRelatedField(Unit, required=False, allow_null=True)
    effective_on = serializers.DateField(
        write_only=True,
        required=False,
        allow_null=True,
        help_text="单位类别、层级、行政执法权变更的生效日期；默认今天",
    )

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
            "sector",
            "abbreviation",
            "vertical_superior",
            "rule_of_law_contact",
            "rule_of_law_phone",
            "established_on",
            "abolished_on",
            "effective_on",
        ]
        # Abolition is its own verb (POST .../abolish/), so that it is recorded as such.
        read_only_fields = ["abolished_on"]


class AbolishSerializer(serializers.Serializer):
    on = serializers.DateField(help_text="撤销日期：自该日起不再计入覆盖率等统计")


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

    @extend_schema(request=AbolishSerializer, responses=UnitSerializer)
    @action(detail=True, methods=["post"])
    def abolish(self, request: Request, pk: str | None = None) -> Response:
        """Abolish (撤销) the unit on a day: from that day it counts in no figure."""
        unit = self.get_object()
        body = AbolishSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        unit = services.abolish_unit(unit=unit, by=request.user, on=body.validated_data["on"])
        return Response(self.get_serializer(unit).data)
