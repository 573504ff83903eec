"""Administrative disputes in the API: list, detail, registration and corrections; the
workflow verbs are POST actions declared in verbs.py."""

from __future__ import annotations

from typing import Any

from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from govcounsel.core.api import ScopedReadViewSet
from govcounsel.core.fields import ScopedRelatedField
from govcounsel.core.pagination import KeysetPagination
from govcounsel.core.uploads import DocumentUploadSerializerField
from govcounsel.organisations.models import Unit

from . import services
from .filters import DisputeFilter
from .models import Dispute
from .selectors import phone_as_shown, with_phone_shown


class AnswerSerializer(serializers.Serializer):
    condition = serializers.IntegerField()
    condition_label = serializers.CharField(source="get_condition_display")
    met = serializers.BooleanField()
    reason = serializers.CharField()


class DisputeLawyerSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    person = serializers.IntegerField(source="person_id", read_only=True)
    name = serializers.CharField(source="person.name")
    mediator = serializers.BooleanField()
    is_lead = serializers.BooleanField()
    status = serializers.CharField()
    ended_reason = serializers.CharField()


class DisputeStepSerializer(serializers.Serializer):
    action = serializers.CharField()
    to_status = serializers.CharField()
    actor = serializers.CharField(source="actor.username", default="")
    at = serializers.DateTimeField()
    note = serializers.CharField()


class DisputeSerializer(serializers.ModelSerializer):
    unit = ScopedRelatedField(Unit)
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    # Written in full; read as the reader may see it (masked unless the office or the centre).
    counterparty_phone = serializers.CharField(
        write_only=True, required=False, allow_blank=True, max_length=20
    )
    counterparty_phone_shown = serializers.SerializerMethodField()
    attachment = DocumentUploadSerializerField(required=False, write_only=True)
    clock_overdue = serializers.BooleanField(source="clock_is_overdue", read_only=True)
    qualification = AnswerSerializer(many=True, read_only=True)
    lawyers = DisputeLawyerSerializer(many=True, read_only=True)
    steps = DisputeStepSerializer(many=True, read_only=True)

    class Meta:
        model = Dispute
        fields = [
            "id",
            "unit",
            "unit_name",
            "title",
            "registered_by_centre",
            "counterparty_kind",
            "counterparty_name",
            "counterparty_phone",
            "counterparty_phone_shown",
            "act_kind",
            "act",
            "contested",
            "origin",
            "arose_on",
            "attachment",
            "status",
            "status_label",
            "registered_at",
            "guidance",
            "channels_offered",
            "channel_chosen",
            "clock_label",
            "clock_started_on",
            "clock_workdays",
            "clock_deadline",
            "clock_overdue",
            "outcome",
            "outcome_note",
            "satisfaction",
            "closed_at",
            "qualification",
            "lawyers",
            "steps",
        ]
        read_only_fields = [
            "registered_by_centre",
            "status",
            "registered_at",
            "guidance",
            "channels_offered",
            "channel_chosen",
            "clock_label",
            "clock_started_on",
            "clock_workdays",
            "clock_deadline",
            "outcome",
            "outcome_note",
            "satisfaction",
            "closed_at",
        ]

    def get_counterparty_phone_shown(self, dispute: Dispute) -> str:
        """The phone in full for the organ's office and the centre, masked for others."""
        return phone_as_shown(dispute)


class DeletedSerializer(serializers.Serializer):
    """The answer to `delete`: the dispute is gone."""

    deleted = serializers.BooleanField()


class DisputeViewSet(ScopedReadViewSet):
    """Administrative disputes (002 §5): POST registers one; PATCH corrects it before
    qualification; the workflow verbs are POST actions. Lists page by keyset (`?cursor=`)."""

    model = Dispute
    serializer_class = DisputeSerializer
    filterset_class = DisputeFilter
    select_related = ("unit",)
    pagination_class = KeysetPagination
    filter_backends = [DjangoFilterBackend]
    http_method_names = ["get", "post", "patch", "put", "head", "options"]

    def get_queryset(self) -> Any:
        return with_phone_shown(
            super()
            .get_queryset()
            .prefetch_related("qualification", "lawyers__person", "steps__actor"),
            self.request.user,
        )

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        body = self.get_serializer(data=request.data)
        body.is_valid(raise_exception=True)
        dispute = services.register_dispute(by=request.user, **body.validated_data)
        return Response(
            self.get_serializer(self.get_queryset().get(pk=dispute.pk)).data, status=201
        )

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        dispute = self.get_object()
        body = self.get_serializer(dispute, data=request.data, partial=True)
        body.is_valid(raise_exception=True)
        data = dict(body.validated_data)
        data.pop("unit", None)
        services.edit_dispute(dispute=dispute, by=request.user, **data)
        return Response(self.get_serializer(self.get_queryset().get(pk=dispute.pk)).data)

    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self.update(request, *args, **kwargs)
