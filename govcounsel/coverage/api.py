from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from govcounsel.core.api import ScopedReadViewSet, ScopedViewSet
from govcounsel.core.dates import parse_day
from govcounsel.core.errors import DomainError
from govcounsel.core.fields import ScopedRelatedField, ScopedSlugRelatedField
from govcounsel.core.views.verbs import document_response
from govcounsel.organisations import selectors as org_selectors
from govcounsel.organisations.models import Region

from . import dashboard, services
from .choices import BulletinStatus
from .groups import GroupKind, UnitGroup
from .models import Bulletin, Target
from .rules import reads_reports
from .status import read_target

# The project's own defaults (signed in, password current) and the report check.
SIGNED_IN: list[Any] = list(api_settings.DEFAULT_PERMISSION_CLASSES)


class ReadsReports(BasePermission):
    """Coverage figures, targets and bulletins are business reports: the three administrator
    duties are refused them (三员分立), whatever their scope over the organisation tree."""

    message = _("管理员职责不查看业务报表（覆盖情况、目标、通报）。")

    def has_permission(self, request: Request, view: Any) -> bool:
        return reads_reports(request.user)


class TargetSerializer(serializers.ModelSerializer):
    region = ScopedRelatedField(Region)
    region_code = serializers.CharField(source="region.code", read_only=True)
    group_label = serializers.CharField(source="group.label", read_only=True)
    status = serializers.SerializerMethodField()
    measured_rate = serializers.SerializerMethodField()

    class Meta:
        model = Target
        fields = [
            "id",
            "region",
            "region_code",
            "level",
            "kind",
            "enforcement",
            "group_label",
            "metric",
            "percentage",
            "deadline",
            "source_clause",
            "clause_text",
            "retired_on",
            "retired_reason",
            "status",
            "measured_rate",
        ]
        # Ended by the "retire" verb only, with its reason and its event.
        read_only_fields = ["retired_on", "retired_reason"]

    def _reading(self, target: Target) -> Any:
        cache = self.__dict__.setdefault("_readings", {})
        if target.pk not in cache:
            cache[target.pk] = read_target(target)
        return cache[target.pk]

    def get_status(self, target: Target) -> str:
        return str(self._reading(target).status)

    def get_measured_rate(self, target: Target) -> float | None:
        rate = self._reading(target).rate
        return None if rate is None else round(rate * 100, 2)


class TargetViewSet(ScopedViewSet):
    """Coverage targets; supervisors set and change those of their region. Each carries its
    status (met, on_track, missed), measured on the deadline once it has passed."""

    model = Target
    serializer_class = TargetSerializer
    permission_classes = [*SIGNED_IN, ReadsReports]
    select_related = ("region",)
    filterset_fields = ["metric", "level", "kind", "enforcement"]
    ordering = ["region__path", "deadline", "id"]
    create_service = services.create_target
    update_service = services.update_target
    update_target = "target"


class CoverageView(APIView):
    """Figures for a region and its sub-regions, for a group of units, as of a date."""

    permission_classes = [*SIGNED_IN, ReadsReports]

    @extend_schema(
        parameters=[
            OpenApiParameter("region", str, description="区划代码，默认为本人可见的最高一级区域"),
            OpenApiParameter("level", str),
            OpenApiParameter(
                "kind", str, enum=GroupKind.values, description="organ：党政机关（不含人民团体）"
            ),
            OpenApiParameter("enforcement", bool),
            OpenApiParameter("on", str, description="YYYY-MM-DD"),
        ],
        responses=OpenApiTypes.OBJECT,
    )
    def get(self, request: Request) -> Response:
        code = request.query_params.get("region")
        regions = Region.objects.visible_to(request.user)
        region = (
            regions.filter(code=code).first()
            if code
            else org_selectors.top_regions(request.user).first()
        )
        if region is None:
            raise DomainError("not_found", _("未找到该区域，或您无权查看。"), field="region")
        raw_on = request.query_params.get("on")
        on = parse_day(raw_on) if raw_on else timezone.localdate()
        if on is None:
            raise DomainError("invalid", _("日期应为YYYY-MM-DD格式的有效日期。"), field="on")
        group = UnitGroup.from_params(request.query_params)
        return Response(dashboard.coverage_summary(request.user, region, group, on))


class BulletinSerializer(serializers.ModelSerializer):
    region = ScopedSlugRelatedField(Region, slug_field="code")
    region_name = serializers.CharField(source="region.name", read_only=True)
    downloads = serializers.SerializerMethodField()

    class Meta:
        model = Bulletin
        fields = [
            "id",
            "region",
            "region_name",
            "year",
            "quarter",
            "status",
            "progress",
            "requested_at",
            "finished_at",
            "error",
            "summary",
            "downloads",
        ]
        read_only_fields = ["status", "progress", "requested_at", "finished_at", "error", "summary"]

    @extend_schema_field(serializers.DictField(child=serializers.CharField()))
    def get_downloads(self, bulletin: Bulletin) -> dict[str, str]:
        if bulletin.status != BulletinStatus.DONE:
            return {}
        return {
            fmt: f"/api/v1/bulletins/{bulletin.pk}/download/?file={fmt}"
            for fmt in ("docx", "xlsx", "pdf")
        }


class BulletinViewSet(ScopedReadViewSet):
    """Quarterly bulletins: POST {region, year, quarter} starts one (202); GET shows its
    status and progress; download/?file=docx|xlsx|pdf fetches it once done."""

    model = Bulletin
    serializer_class = BulletinSerializer
    permission_classes = [*SIGNED_IN, ReadsReports]
    select_related = ("region",)
    ordering = ["-year", "-quarter", "-requested_at"]

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        body = self.get_serializer(data=request.data)
        body.is_valid(raise_exception=True)
        bulletin = services.request_bulletin(
            region=body.validated_data["region"],
            year=body.validated_data["year"],
            quarter=body.validated_data["quarter"],
            by=request.user,
        )
        return Response(self.get_serializer(bulletin).data, status=202)

    @extend_schema(
        parameters=[OpenApiParameter("file", str, enum=["docx", "xlsx", "pdf"])],
        responses=OpenApiTypes.BINARY,
    )
    @action(detail=True, methods=["get"], url_path="download")
    def download(self, request: Request, pk: str | None = None) -> Any:
        # Not "format": DRF reserves that parameter to choose a renderer.
        document = services.bulletin_document(
            bulletin=self.get_object(), fmt=request.query_params.get("file", "pdf"), by=request.user
        )
        return document_response(document)
