"""The reconciliation centre in the API: pool rules, nominations, draws (read; POST draws
one), mediator assignments and sessions. Verbs are POST actions (core/verb_api.py)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from govcounsel.core.api import ScopedReadViewSet, ScopedViewSet
from govcounsel.core.fields import ScopedRelatedField
from govcounsel.disputes.models import Dispute
from govcounsel.organisations.models import Region, Unit
from govcounsel.people.models import Person

from . import services
from .models import MediationSession, MediatorAssignment, MediatorDraw, Nomination, PoolRule


class PoolRuleSerializer(serializers.ModelSerializer):
    region = ScopedRelatedField(Region)
    region_name = serializers.CharField(source="region.name", read_only=True)

    class Meta:
        model = PoolRule
        fields = [
            "id",
            "region",
            "region_name",
            *services.RULE_FIELDS[1:],
            "retired_on",
            "retired_reason",
        ]
        # Ended by the "retire" verb only, with its reason and its event.
        read_only_fields = ["retired_on", "retired_reason"]


class PoolRuleViewSet(ScopedViewSet):
    """The rules a centre keeps its pool by, with their period (002 §10, §20)."""

    model = PoolRule
    serializer_class = PoolRuleSerializer
    select_related = ("region",)
    ordering = ["region__path", "-valid_from", "id"]
    create_service = services.create_rule
    update_service = services.update_rule
    update_target = "rule"


class NominationSerializer(serializers.ModelSerializer):
    unit = ScopedRelatedField(Unit, scope="run_by")
    person = ScopedRelatedField(Person)
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    person_name = serializers.CharField(source="person.name", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    starts_on = serializers.DateField(required=False)

    class Meta:
        model = Nomination
        fields = [
            "id",
            "unit",
            "unit_name",
            "person",
            "person_name",
            "rule",
            "year",
            "starts_on",
            "ends_on",
            "status",
            "status_label",
            "renewed_from",
            "ended_on",
            "end_reason",
        ]
        read_only_fields = [
            "rule",
            "year",
            "ends_on",
            "status",
            "renewed_from",
            "ended_on",
            "end_reason",
        ]


class NominationViewSet(ScopedReadViewSet):
    """Mediators nominated by organs (002 §10): POST {unit, person, starts_on?} nominates."""

    model = Nomination
    serializer_class = NominationSerializer
    select_related = ("unit", "person")
    filterset_fields = ["year", "status", "unit"]

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        body = self.get_serializer(data=request.data)
        body.is_valid(raise_exception=True)
        nomination = services.nominate(by=request.user, **body.validated_data)
        return Response(self.get_serializer(nomination).data, status=201)


class MediatorDrawSerializer(serializers.ModelSerializer):
    dispute = ScopedRelatedField(Dispute)
    dispute_title = serializers.CharField(source="dispute.title", read_only=True)
    wanted = serializers.IntegerField(required=False, min_value=1, max_value=5)
    seed = serializers.CharField(read_only=True)  # above 2**53: kept exact as text

    class Meta:
        model = MediatorDraw
        fields = [
            "id",
            "dispute",
            "dispute_title",
            "rule",
            "seed",
            "candidates",
            "excluded",
            "wanted",
            "picked",
            "drawn_at",
            "note",
        ]
        read_only_fields = ["rule", "candidates", "excluded", "picked", "drawn_at"]


class MediatorDrawViewSet(ScopedReadViewSet):
    """Draws of mediators: each keeps its seed and ordered candidates, so anyone may re-run
    it (`verify`). POST {dispute, wanted?, note?} draws for a dispute (the centre only)."""

    model = MediatorDraw
    serializer_class = MediatorDrawSerializer
    select_related = ("dispute",)
    filterset_fields = ["dispute"]

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        body = self.get_serializer(data=request.data)
        body.is_valid(raise_exception=True)
        draw = services.draw_mediators(by=request.user, **body.validated_data)
        return Response(self.get_serializer(draw).data, status=201)


class MediatorAssignmentSerializer(serializers.ModelSerializer):
    person_name = serializers.CharField(source="person.name", read_only=True)
    unit_name = serializers.CharField(source="nomination.unit.name", read_only=True)

    class Meta:
        model = MediatorAssignment
        fields = [
            "id",
            "dispute",
            "draw",
            "nomination",
            "person",
            "person_name",
            "unit_name",
            "status",
            "assigned_at",
            "ended_at",
            "ended_reason",
        ]
        read_only_fields = fields


class MediatorAssignmentViewSet(ScopedReadViewSet):
    """Mediators on disputes; `withdraw` records a recusal or a no-show."""

    model = MediatorAssignment
    serializer_class = MediatorAssignmentSerializer
    select_related = ("person", "nomination__unit")
    filterset_fields = ["dispute", "status", "person"]


class MediationSessionSerializer(serializers.ModelSerializer):
    dispute = ScopedRelatedField(Dispute)
    mediators = ScopedRelatedField(Person, many=True)
    dispute_title = serializers.CharField(source="dispute.title", read_only=True)

    class Meta:
        model = MediationSession
        fields = [
            "id",
            "dispute",
            "dispute_title",
            "place",
            "starts_at",
            "ends_at",
            "mediators",
            "status",
            "cancel_reason",
            "note",
        ]
        read_only_fields = ["status", "cancel_reason", "note"]


class MediationSessionViewSet(ScopedReadViewSet):
    """Mediation sessions: POST {dispute, place, starts_at, ends_at, mediators} schedules
    one (a mediator booked at that time is refused); `hold` and `cancel` record the rest."""

    model = MediationSession
    serializer_class = MediationSessionSerializer
    select_related = ("dispute",)
    filterset_fields = ["dispute", "status"]

    def get_queryset(self) -> Any:
        return super().get_queryset().prefetch_related("mediators")

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        body = self.get_serializer(data=request.data)
        body.is_valid(raise_exception=True)
        session = services.schedule_session(by=request.user, **body.validated_data)
        return Response(self.get_serializer(session).data, status=201)
