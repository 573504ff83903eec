from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from govcounsel.core.api import ScopedReadViewSet
from govcounsel.core.errors import DomainError
from govcounsel.core.fields import ScopedRelatedField
from govcounsel.people.models import Person

from . import numbering, services
from .filters import ApplicationFilter, CaseFilter, CertificateFilter
from .models import CancellationCase, Certificate, CertificateApplication


class StepSerializer(serializers.Serializer):
    action = serializers.CharField()
    from_status = serializers.CharField()
    to_status = serializers.CharField()
    actor = serializers.CharField(source="actor.username", default="")
    at = serializers.DateTimeField()
    note = serializers.CharField()
    effective_on = serializers.DateField(required=False)


class ApplicationSerializer(serializers.ModelSerializer):
    person = ScopedRelatedField(Person)
    person_name = serializers.CharField(source="person.name", read_only=True)
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    steps = StepSerializer(many=True, read_only=True)

    class Meta:
        model = CertificateApplication
        fields = [
            "id",
            "person",
            "person_name",
            "unit",
            "unit_name",
            "status",
            "status_label",
            "statement",
            "created_at",
            "decided_at",
            "steps",
        ]
        read_only_fields = ["unit", "status", "created_at", "decided_at"]


class CertificateSerializer(serializers.ModelSerializer):
    person_name = serializers.CharField(source="person.name", read_only=True)
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    decoded = serializers.SerializerMethodField()
    steps = StepSerializer(many=True, read_only=True)

    class Meta:
        model = Certificate
        fields = [
            "id",
            "number",
            "decoded",
            "person",
            "person_name",
            "unit",
            "unit_name",
            "status",
            "status_label",
            "serial",
            "first_approved_year",
            "issued_on",
            "ended_on",
            "application",
            "steps",
        ]
        # The register is read here and changed only by the workflow actions.
        read_only_fields = fields

    @extend_schema_field(serializers.DictField())
    def get_decoded(self, certificate: Certificate) -> dict[str, object]:
        return numbering.decode(certificate.number).as_dict()


class CertificateApplicationViewSet(ScopedReadViewSet):
    """申请 → 审核 → 申报 → 审批. POST creates an application for a person."""

    model = CertificateApplication
    serializer_class = ApplicationSerializer
    filterset_class = ApplicationFilter
    select_related = ("person", "unit")
    ordering = ["-created_at", "-id"]

    def get_queryset(self) -> Any:
        return super().get_queryset().prefetch_related("steps__actor")

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        body = self.get_serializer(data=request.data)
        body.is_valid(raise_exception=True)
        application = services.apply(
            person=body.validated_data["person"],
            by=request.user,
            statement=body.validated_data.get("statement", ""),
        )
        return Response(self.get_serializer(application).data, status=201)


class CertificateViewSet(ScopedReadViewSet):
    """The certificate register; suspend, reinstate and cancel belong to the justice bureau."""

    model = Certificate
    serializer_class = CertificateSerializer
    filterset_class = CertificateFilter
    select_related = ("person", "unit")
    ordering = ["-issued_on", "-id"]

    def get_queryset(self) -> Any:
        return super().get_queryset().prefetch_related("steps__actor")

    @extend_schema(parameters=[OpenApiParameter("number", str, required=True)])
    @action(detail=False, methods=["get"])
    def decode(self, request: Request) -> Response:
        """Read a 17-digit licence number back into its parts; no record is looked up."""
        try:
            parts = numbering.decode(request.query_params.get("number", ""))
        except ValidationError as error:
            raise DomainError("invalid_number", error.messages[0], field="number") from None
        return Response(parts.as_dict())


class CaseSerializer(serializers.ModelSerializer):
    number = serializers.CharField(source="certificate.number", read_only=True)
    person_name = serializers.CharField(source="certificate.person.name", read_only=True)
    unit_name = serializers.CharField(source="certificate.unit.name", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    overdue = serializers.BooleanField(source="is_overdue", read_only=True)

    class Meta:
        model = CancellationCase
        fields = [
            "id",
            "certificate",
            "number",
            "person_name",
            "unit_name",
            "reason",
            "event_on",
            "opened_at",
            "due_on",
            "overdue",
            "status",
            "status_label",
            "recovered_on",
            "completed_at",
        ]
        read_only_fields = fields  # changed only by the recover and complete actions


class CancellationCaseViewSet(ScopedReadViewSet):
    """000 #3: open from the HR event until the justice bureau completes the cancellation."""

    model = CancellationCase
    serializer_class = CaseSerializer
    filterset_class = CaseFilter
    select_related = ("certificate__person", "certificate__unit")
    ordering = ["due_on", "id"]
