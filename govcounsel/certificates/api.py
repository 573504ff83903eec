from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from govcounsel.core.api import ScopedReadViewSet
from govcounsel.core.errors import DomainError
from govcounsel.core.fields import ScopedRelatedField
from govcounsel.people.models import Person

from . import batch, numbering, services
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


class BatchInputSerializer(serializers.Serializer):
    ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=batch.MAX_ID),
        min_length=1,
        max_length=batch.MAX_BATCH,
        help_text=_("要办理的申请编号"),
    )
    note = serializers.CharField(required=False, allow_blank=True, default="")


class BatchDoneSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    person_name = serializers.CharField()
    status = serializers.CharField()
    certificate_number = serializers.CharField(allow_null=True)


class BatchRefusedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    person_name = serializers.CharField(allow_null=True)
    code = serializers.CharField()
    message = serializers.CharField()


class BatchAnswerSerializer(serializers.Serializer):
    done = BatchDoneSerializer(many=True)
    refused = BatchRefusedSerializer(many=True)
    summary = serializers.CharField()


def _batch_answer(outcome: batch.Outcome) -> dict[str, Any]:
    statuses = dict(
        CertificateApplication.objects.filter(
            pk__in=[application.pk for application, _result in outcome.done]
        ).values_list("pk", "status")
    )
    return {
        "done": [
            {
                "id": application.pk,
                "person_name": application.person.name,
                "status": statuses[application.pk],
                "certificate_number": getattr(result, "number", None),
            }
            for application, result in outcome.done
        ],
        "refused": [
            {
                "id": refusal.id,
                "person_name": refusal.application.person.name if refusal.application else None,
                "code": refusal.code,
                "message": refusal.message,
            }
            for refusal in outcome.refused
        ],
        "summary": outcome.summary(),
    }


class BatchActionsMixin:
    """统一申报 and 批量批准 (certificates/batch.py): each id through the declared verb, each
    in its own transaction; 200 with what was done and what was refused and why. An id out
    of the caller's scope is refused as not found and changes nothing."""

    def run_batch(self, request: Request, name: str) -> Response:
        body = BatchInputSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        action = batch.BATCHES[name]
        ids = batch.parse_ids(body.validated_data["ids"])
        outcome = batch.run(request.user, action, ids, {"note": body.validated_data["note"]})
        return Response(_batch_answer(outcome))

    @extend_schema(
        request=BatchInputSerializer,
        responses=BatchAnswerSerializer,
        summary=str(batch.BATCHES["submit"].label),
    )
    @action(detail=False, methods=["post"], url_path="batch-submit", url_name="batch-submit")
    def batch_submit(self, request: Request) -> Response:
        """统一申报: submit the unit's reviewed applications to the justice bureau together."""
        return self.run_batch(request, "submit")

    @extend_schema(
        request=BatchInputSerializer,
        responses=BatchAnswerSerializer,
        summary=str(batch.BATCHES["approve"].label),
    )
    @action(detail=False, methods=["post"], url_path="batch-approve", url_name="batch-approve")
    def batch_approve(self, request: Request) -> Response:
        """批量批准: approve submitted applications together, issuing each certificate."""
        return self.run_batch(request, "approve")


class CertificateApplicationViewSet(BatchActionsMixin, ScopedReadViewSet):
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
