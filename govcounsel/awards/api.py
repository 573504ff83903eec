"""The awards API: rules, cycles (opened here, worked through their verbs), candidates with
their figures and the multiple-award flag (002 §19), and the awardees."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import mixins, serializers
from rest_framework.decorators import action
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings

from govcounsel.core.api import ScopedReadViewSet
from govcounsel.core.fields import ScopedRelatedField
from govcounsel.core.views.verbs import document_response
from govcounsel.organisations.models import Region

from . import services
from .filters import CandidateFilter, CycleFilter, RuleFilter
from .models import AwardCycle, AwardRule, Candidate
from .rules import reads_awards
from .selectors import ASSESSMENT_NOTE, award_counts, figures_of

SIGNED_IN: list[Any] = list(api_settings.DEFAULT_PERMISSION_CLASSES)
REPEATED = 2


class ReadsAwards(BasePermission):
    """Selections are business records: not for the three administrator duties (三员分立)."""

    message = _("管理员职责不查看评选表彰记录。")

    def has_permission(self, request: Request, view: Any) -> bool:
        return bool(reads_awards(request.user))


class AwardRuleSerializer(serializers.ModelSerializer):
    region = ScopedRelatedField(Region)
    region_name = serializers.CharField(source="region.name", read_only=True)

    class Meta:
        model = AwardRule
        fields = [
            "id",
            "region",
            "region_name",
            "valid_from",
            "valid_to",
            "cycle_month",
            "unit_quota",
            "individual_quota",
            "basis",
            "basis_text",
        ]


class AwardStepSerializer(serializers.Serializer):
    action = serializers.CharField()
    from_status = serializers.CharField()
    to_status = serializers.CharField()
    actor = serializers.CharField(source="actor.username", default="")
    at = serializers.DateTimeField()
    note = serializers.CharField()


class AwardCycleSerializer(serializers.ModelSerializer):
    region = ScopedRelatedField(Region)
    region_name = serializers.CharField(source="region.name", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    rule = AwardRuleSerializer(read_only=True)
    decision_number = serializers.CharField(source="decision.number", read_only=True, default=None)
    steps = AwardStepSerializer(many=True, read_only=True)

    class Meta:
        model = AwardCycle
        fields = [
            "id",
            "region",
            "region_name",
            "year",
            "note",
            "status",
            "status_label",
            "rule",
            "opened_at",
            "locked_at",
            "decided_on",
            "decision_number",
            "steps",
        ]
        read_only_fields = ["status", "opened_at", "locked_at", "decided_on"]


class AwardCandidateSerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    person_name = serializers.CharField(source="person.name", read_only=True, default=None)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    year = serializers.IntegerField(source="cycle.year", read_only=True)
    figures = serializers.SerializerMethodField()
    figures_kept = serializers.BooleanField(source="is_kept", read_only=True)
    assessment_note = serializers.SerializerMethodField()
    repeatedly_awarded = serializers.SerializerMethodField()

    class Meta:
        model = Candidate
        fields = [
            "id",
            "cycle",
            "year",
            "kind",
            "kind_label",
            "unit",
            "unit_name",
            "person",
            "person_name",
            "source",
            "reason",
            "awarded",
            "figures",
            "figures_kept",
            "figures_at",
            "assessment_note",
            "repeatedly_awarded",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.DictField())
    def get_figures(self, candidate: Candidate) -> dict[str, Any]:
        return figures_of(candidate).as_dict()

    def get_assessment_note(self, candidate: Candidate) -> str:
        return str(ASSESSMENT_NOTE)

    def get_repeatedly_awarded(self, candidate: Candidate) -> bool:
        """多次评优，人才推荐优先 (002 §19)."""
        if not candidate.person_id:
            return False
        counts = self.context.get("award_counts")
        if counts is None:
            counts = award_counts([candidate.person_id])
        return counts.get(candidate.person_id, 0) >= REPEATED


class AwardRuleViewSet(mixins.CreateModelMixin, ScopedReadViewSet):
    """Rules with their period of validity (002 §20); POST registers one (committee office)."""

    model = AwardRule
    serializer_class = AwardRuleSerializer
    filterset_class = RuleFilter
    permission_classes = [*SIGNED_IN, ReadsAwards]
    select_related = ("region",)

    def perform_create(self, serializer: Any) -> None:
        serializer.instance = services.create_rule(
            by=self.request.user, **serializer.validated_data
        )


class AwardCycleViewSet(mixins.CreateModelMixin, ScopedReadViewSet):
    """A region's annual selection; POST opens one (committee office, 002 §19)."""

    model = AwardCycle
    serializer_class = AwardCycleSerializer
    filterset_class = CycleFilter
    permission_classes = [*SIGNED_IN, ReadsAwards]
    select_related = ("region", "rule__region", "decision")

    def get_queryset(self) -> Any:
        return super().get_queryset().prefetch_related("steps__actor")

    def perform_create(self, serializer: Any) -> None:
        serializer.instance = services.open_cycle(by=self.request.user, **serializer.validated_data)

    @extend_schema(responses=OpenApiTypes.BINARY, summary=str(_("下载表彰决定")))
    @action(detail=True, methods=["get"], url_path="decision", url_name="decision")
    def decision(self, request: Request, pk: str | None = None) -> Any:
        """The decision as issued, unchanged."""
        cycle = self.get_object()
        return document_response(services.decision_file(cycle=cycle, by=request.user))


class _Candidates(ScopedReadViewSet):
    serializer_class = AwardCandidateSerializer
    filterset_class = CandidateFilter
    permission_classes = [*SIGNED_IN, ReadsAwards]
    select_related = ("cycle", "unit", "person")

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        rows = page if page is not None else list(queryset)
        context = {
            **self.get_serializer_context(),
            "award_counts": award_counts(c.person_id for c in rows if c.person_id),
        }
        data = AwardCandidateSerializer(rows, many=True, context=context).data
        return self.get_paginated_response(data) if page is not None else Response(data)


class CandidateViewSet(_Candidates):
    """Candidates with their figures of the year from the records, kept once the list closed."""

    model = Candidate


class AwardeeViewSet(_Candidates):
    """The awarded units and lawyers of decided cycles."""

    model = Candidate

    def get_queryset(self) -> Any:
        return super().get_queryset().filter(awarded=True)
