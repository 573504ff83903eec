from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from govcounsel.core.api import ScopedReadViewSet, ScopedRelatedField, ScopedViewSet
from govcounsel.organisations.models import Unit
from govcounsel.people.models import LegalAdviser, Person

from . import services
from .filters import MatterFilter
from .models import Decision, DecisionItem, Matter


class OpinionSerializer(serializers.Serializer):
    version = serializers.IntegerField()
    author = serializers.CharField(source="author.name")
    text = serializers.CharField()
    submitted_at = serializers.DateTimeField()


class AssignmentSerializer(serializers.Serializer):
    person = serializers.IntegerField(source="person_id")
    name = serializers.CharField(source="person.name")
    is_lead = serializers.BooleanField()
    status = serializers.CharField()
    decline_reason = serializers.CharField()
    decline_justified = serializers.BooleanField(allow_null=True)


class MatterStepSerializer(serializers.Serializer):
    action = serializers.CharField()
    to_status = serializers.CharField()
    actor = serializers.CharField(source="actor.username", default="")
    at = serializers.DateTimeField()
    note = serializers.CharField()


class MatterSerializer(serializers.ModelSerializer):
    unit = ScopedRelatedField(Unit)
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    overdue = serializers.BooleanField(source="is_overdue", read_only=True)
    working_days = serializers.IntegerField(
        write_only=True, required=False, min_value=1, max_value=365
    )
    assignments = AssignmentSerializer(many=True, read_only=True)
    opinions = OpinionSerializer(many=True, read_only=True)
    steps = MatterStepSerializer(many=True, read_only=True)

    class Meta:
        model = Matter
        fields = [
            "id",
            "unit",
            "unit_name",
            "category",
            "subtype",
            "title",
            "description",
            "confidential",
            "priority",
            "deadline",
            "working_days",
            "status",
            "status_label",
            "overdue",
            "registered_at",
            "closed_at",
            "score",
            "evaluation",
            "assignments",
            "opinions",
            "steps",
        ]
        read_only_fields = ["status", "registered_at", "closed_at", "score", "evaluation"]
        extra_kwargs = {"deadline": {"required": False}}


class AssignSerializer(serializers.Serializer):
    lawyer = serializers.PrimaryKeyRelatedField(queryset=Person.objects.all())
    co_handlers = serializers.PrimaryKeyRelatedField(
        queryset=Person.objects.all(), many=True, required=False
    )
    adviser = serializers.PrimaryKeyRelatedField(
        queryset=LegalAdviser.objects.all(), required=False, allow_null=True
    )
    note = serializers.CharField(required=False, allow_blank=True, default="")


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(allow_blank=True, default="")


class OpinionInput(serializers.Serializer):
    text = serializers.CharField(allow_blank=True)


class NoteSerializer(serializers.Serializer):
    note = serializers.CharField(allow_blank=True, default="")


class CloseSerializer(serializers.Serializer):
    score = serializers.IntegerField()
    comment = serializers.CharField(required=False, allow_blank=True, default="")


class MatterViewSet(ScopedReadViewSet):
    """Legal matters: POST registers one for a unit; the workflow verbs are POST actions."""

    model = Matter
    serializer_class = MatterSerializer
    filterset_class = MatterFilter
    select_related = ("unit",)
    ordering = ["-registered_at", "-id"]

    def get_queryset(self) -> Any:
        return (
            super()
            .get_queryset()
            .prefetch_related("assignments__person", "opinions__author", "steps__actor")
        )

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        body = self.get_serializer(data=request.data)
        body.is_valid(raise_exception=True)
        matter = services.register_matter(by=request.user, **body.validated_data)
        return Response(self.get_serializer(self.get_queryset().get(pk=matter.pk)).data, status=201)

    def _answer(self, matter: Matter) -> Response:
        return Response(self.get_serializer(self.get_queryset().get(pk=matter.pk)).data)

    def _body(self, serializer_class: type[serializers.Serializer]) -> dict[str, Any]:
        body = serializer_class(data=self.request.data)
        body.is_valid(raise_exception=True)
        return dict(body.validated_data)

    @extend_schema(request=AssignSerializer, responses=MatterSerializer)
    @action(detail=True, methods=["post"])
    def assign(self, request: Request, pk: str | None = None) -> Response:
        return self._answer(
            services.assign(
                matter=self.get_object(), by=request.user, **self._body(AssignSerializer)
            )
        )

    @extend_schema(request=None, responses=MatterSerializer)
    @action(detail=True, methods=["post"])
    def accept(self, request: Request, pk: str | None = None) -> Response:
        return self._answer(services.accept(matter=self.get_object(), by=request.user))

    @extend_schema(request=ReasonSerializer, responses=MatterSerializer)
    @action(detail=True, methods=["post"])
    def decline(self, request: Request, pk: str | None = None) -> Response:
        return self._answer(
            services.decline(
                matter=self.get_object(), by=request.user, **self._body(ReasonSerializer)
            )
        )

    @extend_schema(request=OpinionInput, responses=MatterSerializer)
    @action(detail=True, methods=["post"], url_path="submit-opinion")
    def submit_opinion(self, request: Request, pk: str | None = None) -> Response:
        matter = self.get_object()
        services.submit_opinion(matter=matter, by=request.user, **self._body(OpinionInput))
        return self._answer(matter)

    @extend_schema(request=NoteSerializer, responses=MatterSerializer)
    @action(detail=True, methods=["post"], url_path="return")
    def return_for_rework(self, request: Request, pk: str | None = None) -> Response:
        matter = self.get_object()
        return self._answer(
            services.return_for_rework(matter=matter, by=request.user, **self._body(NoteSerializer))
        )

    @extend_schema(request=CloseSerializer, responses=MatterSerializer)
    @action(detail=True, methods=["post"])
    def close(self, request: Request, pk: str | None = None) -> Response:
        return self._answer(
            services.close(matter=self.get_object(), by=request.user, **self._body(CloseSerializer))
        )


class DecisionItemSerializer(serializers.ModelSerializer):
    unit = ScopedRelatedField(Unit)

    class Meta:
        model = DecisionItem
        fields = ["id", "unit", "title", "description", "active"]


class DecisionItemViewSet(ScopedViewSet):
    """Each unit's list of decisions that need a public lawyer's opinion first (001 二(二))."""

    model = DecisionItem
    serializer_class = DecisionItemSerializer
    ordering = ["unit_id", "title"]
    create_service = services.add_decision_item
    update_service = services.update_decision_item
    update_target = "item"


class DecisionSerializer(serializers.ModelSerializer):
    item = ScopedRelatedField(DecisionItem)
    status_label = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = Decision
        fields = ["id", "item", "title", "matter", "status", "status_label", "decided_on"]
        read_only_fields = ["matter", "status", "decided_on"]


class DecideSerializer(serializers.Serializer):
    matter = ScopedRelatedField(Matter, required=False, allow_null=True)


class DecisionViewSet(ScopedReadViewSet):
    """Decisions on listed items; `decide` refuses unless a closed matter with an opinion
    is linked."""

    model = Decision
    serializer_class = DecisionSerializer
    select_related = ("item",)
    ordering = ["-id"]

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        body = self.get_serializer(data=request.data)
        body.is_valid(raise_exception=True)
        decision = services.open_decision(by=request.user, **body.validated_data)
        return Response(self.get_serializer(decision).data, status=201)

    @extend_schema(request=DecideSerializer, responses=DecisionSerializer)
    @action(detail=True, methods=["post"])
    def decide(self, request: Request, pk: str | None = None) -> Response:
        body = DecideSerializer(data=request.data, context={"request": request})
        body.is_valid(raise_exception=True)
        decision = services.decide(
            decision=self.get_object(), by=request.user, matter=body.validated_data.get("matter")
        )
        return Response(self.get_serializer(decision).data)
