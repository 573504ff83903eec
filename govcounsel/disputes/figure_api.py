"""/api/v1/dispute-figures/: the figures page's numbers (002 §12), from the same filter and
the same selector."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from govcounsel.core.errors import DomainError
from govcounsel.organisations.choices import Sector

from .figure_views import read_figures
from .figures import PERIOD_CHOICES, Granularity, reads_dispute_figures

SIGNED_IN: list[Any] = list(api_settings.DEFAULT_PERMISSION_CLASSES)


class ReadsDisputeFigures(BasePermission):
    message = _("只有依法治理办、司法局、和解中心和行政机关法治机构可以查看行政争议化解情况。")

    def has_permission(self, request: Request, view: Any) -> bool:
        return bool(reads_dispute_figures(request.user))


class FiguresSerializer(serializers.Serializer):
    registered = serializers.IntegerField(help_text="登记（按登记时间）")
    qualified = serializers.IntegerField(help_text="其中认定为行政争议")
    unqualified = serializers.IntegerField(help_text="其中不构成行政争议")
    closed = serializers.IntegerField(help_text="办结（按办结时间）")
    settled = serializers.IntegerField()
    mediated = serializers.IntegerField()
    withdrawn = serializers.IntegerField()
    to_reconsideration = serializers.IntegerField()
    to_litigation = serializers.IntegerField()
    not_resolved = serializers.IntegerField()
    satisfied = serializers.IntegerField()
    fairly = serializers.IntegerField()
    dissatisfied = serializers.IntegerField()
    not_given = serializers.IntegerField()
    resolved = serializers.IntegerField(help_text="诉前化解：和解、调解、撤回")
    referred = serializers.IntegerField(help_text="转入行政复议或行政诉讼")
    resolution_rate = serializers.FloatField(allow_null=True, help_text="诉前化解÷办结")
    satisfaction_rate = serializers.FloatField(
        allow_null=True, help_text="（满意+基本满意）÷作出评价的"
    )


class RowSerializer(serializers.Serializer):
    name = serializers.CharField()
    code = serializers.CharField(help_text="区划代码，或期间（2026Q1、2026-01）")
    figures = FiguresSerializer()


class OrganSerializer(serializers.Serializer):
    unit = serializers.IntegerField(read_only=True)
    name = serializers.CharField()
    region = serializers.CharField(read_only=True)
    sector = serializers.CharField()
    figures = FiguresSerializer()


class FigureRegionSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class DisputeFiguresSerializer(serializers.Serializer):
    region = FigureRegionSerializer()
    year = serializers.IntegerField()
    period = serializers.CharField()
    granularity = serializers.CharField()
    figures = FiguresSerializer()
    regions = RowSerializer(many=True)
    sectors = RowSerializer(many=True)
    organs = OrganSerializer(many=True)
    periods = RowSerializer(many=True)
    trend = RowSerializer(many=True)


class DisputeFiguresView(APIView):
    """Disputes registered, qualified, closed and resolved before litigation in a region's
    subtree, by sub-region, business system, organ and period (002 §12, 诉源治理).
    Registrations count by registration time, closures by closing time, in Beijing time."""

    permission_classes = [*SIGNED_IN, ReadsDisputeFigures]

    @extend_schema(
        parameters=[
            OpenApiParameter("region", str, description="区划代码，默认为本人可见的最高一级区域"),
            OpenApiParameter("year", int, description="年度，默认为今年"),
            OpenApiParameter(
                "period", str, enum=[c for c, _label in PERIOD_CHOICES], description="默认全年"
            ),
            OpenApiParameter("granularity", str, enum=[c for c, _label in Granularity.choices]),
            OpenApiParameter("sector", str, enum=Sector.values),
            OpenApiParameter("q", str, description="单位名称包含"),
        ],
        responses=DisputeFiguresSerializer,
    )
    def get(self, request: Request) -> Response:
        filterset, page = read_figures(request.user, request.query_params, request._request)
        if filterset.is_bound and not filterset.form.is_valid():
            name, errors = next(iter(filterset.form.errors.items()))
            raise DomainError("invalid", errors[0], field=name)
        if page is None:
            raise DomainError("not_found", _("未找到可统计的区域。"), field="region")
        return Response(DisputeFiguresSerializer(page.as_dict()).data)
