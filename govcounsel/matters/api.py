from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from govcounsel.core.api import ScopedReadViewSet, ScopedViewSet
from govcounsel.core.errors import DomainError, NotPermitted
from govcounsel.core.fields import ScopedRelatedField
from govcounsel.core.pagination import KeysetPagination
from govcounsel.organisations.models import Unit

from . import services
from .archive import archive_of, parse_person_id
from .filters import MatterFilter
from .models import Decision, DecisionItem, DispatchRequest, Expertise, Matter, OpinionAttachment
from .selectors import rank_candidates


def _link(serializer: serializers.Serializer, name: str, pk: int) -> str:
    """A file's address, absolute when the request is known (as DRF writes links)."""
    path = reverse(name, args=[pk])
    request = serializer.context.get("request")
    return request.build_absolute_uri(path) if request is not None else path


class OpinionAttachmentSerializer(serializers.Serializer):
    name = serializers.CharField()
    content_type = serializers.CharField()
    size = serializers.IntegerField()
    download_url = serializers.SerializerMethodField()
    preview_url = serializers.SerializerMethodField()

    def get_download_url(self, attachment: OpinionAttachment) -> str:
        return _link(self, "matters:opinion-file", attachment.pk)

    def get_preview_url(self, attachment: OpinionAttachment) -> str:
        return _link(self, "matters:opinion-file-preview", attachment.pk)


class OpinionSerializer(serializers.Serializer):
    version = serializers.IntegerField()
    author = serializers.CharField(source="author.name")
    text = serializers.CharField()
    submitted_at = serializers.DateTimeField()
    attachments = OpinionAttachmentSerializer(many=True, read_only=True)


class AssignmentSerializer(serializers.Serializer):
    person = serializers.IntegerField(source="person_id", read_only=True)
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
    attachment_url = serializers.SerializerMethodField()
    attachment_preview_url = serializers.SerializerMethodField()

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
            "attachment_url",
            "attachment_preview_url",
            "assignments",
            "opinions",
            "steps",
        ]
        read_only_fields = ["status", "registered_at", "closed_at", "score", "evaluation"]
        extra_kwargs = {"deadline": {"required": False}}

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_attachment_url(self, matter: Matter) -> str | None:
        """The attachment as a download; null when the matter has none."""
        return _link(self, "matters:attachment", matter.pk) if matter.attachment else None

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_attachment_preview_url(self, matter: Matter) -> str | None:
        """The attachment shown inline (PDF, JPEG, PNG); null when the matter has none."""
        if not matter.attachment:
            return None
        return _link(self, "matters:attachment-preview", matter.pk)


class MatterViewSet(ScopedReadViewSet):
    """Legal matters: POST registers one for a unit; the workflow verbs are POST actions.
    Lists page by keyset (`?cursor=`), newest first."""

    model = Matter
    serializer_class = MatterSerializer
    filterset_class = MatterFilter
    select_related = ("unit",)
    pagination_class = KeysetPagination
    # The pagination owns the order; a client-chosen ORDER BY would defeat the keyset.
    filter_backends = [DjangoFilterBackend]

    def get_queryset(self) -> Any:
        return (
            super()
            .get_queryset()
            .prefetch_related(
                "assignments__person",
                "opinions__author",
                "opinions__attachments",
                "steps__actor",
            )
        )

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        body = self.get_serializer(data=request.data)
        body.is_valid(raise_exception=True)
        matter = services.register_matter(by=request.user, **body.validated_data)
        return Response(self.get_serializer(self.get_queryset().get(pk=matter.pk)).data, status=201)


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


class WorkArchiveView(APIView):
    """A public lawyer's work archive for a year (002 §15): GET ?person=&year=."""

    @extend_schema(
        parameters=[OpenApiParameter("person", int, required=True), OpenApiParameter("year", int)],
        responses=OpenApiTypes.OBJECT,
    )
    def get(self, request: Request) -> Response:
        year_text = request.query_params.get("year") or str(timezone.localdate().year)
        if not (year_text.isdigit() and 1900 <= int(year_text) <= 9999):
            raise DomainError("invalid", _("年度应为四位数字。"), field="year")
        person_id = parse_person_id(request.query_params.get("person"))
        archive = archive_of(request.user, person_id, int(year_text))
        if archive is None:
            raise DomainError("not_found", _("未找到该人员，或您无权查看。"), field="person")
        return Response(archive.as_dict())


class DispatchRequestSerializer(serializers.ModelSerializer):
    unit = ScopedRelatedField(Unit)
    expertise = ScopedRelatedField(Expertise, required=False, allow_null=True)
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    superior_name = serializers.CharField(source="superior.name", read_only=True)
    lawyer_name = serializers.CharField(source="lawyer.name", read_only=True, default="")
    status_label = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = DispatchRequest
        fields = [
            "id",
            "unit",
            "unit_name",
            "superior",
            "superior_name",
            "category",
            "expertise",
            "starts_on",
            "ends_on",
            "reason",
            "status",
            "status_label",
            "lawyer",
            "lawyer_name",
            "answer",
            "requested_at",
            "decided_at",
        ]
        read_only_fields = ["superior", "status", "lawyer", "answer", "requested_at", "decided_at"]


class CandidateSerializer(serializers.Serializer):
    person = serializers.IntegerField(source="person.pk", read_only=True)
    name = serializers.CharField(source="person.name")
    unit = serializers.CharField(source="person.unit.name", read_only=True)
    matches_expertise = serializers.BooleanField(source="matches")
    open_load = serializers.IntegerField(source="load")
    distance = serializers.IntegerField()


class DispatchRequestViewSet(ScopedReadViewSet):
    """001 一(三): requests from units without public lawyers; the superior dispatches."""

    model = DispatchRequest
    serializer_class = DispatchRequestSerializer
    select_related = ("unit", "superior", "lawyer")
    ordering = ["-requested_at", "-id"]

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        body = self.get_serializer(data=request.data)
        body.is_valid(raise_exception=True)
        created = services.request_dispatch(by=request.user, **body.validated_data)
        return Response(self.get_serializer(created).data, status=201)

    @extend_schema(responses=CandidateSerializer(many=True))
    @action(detail=True, methods=["get"])
    def candidates(self, request: Request, pk: str | None = None) -> Response:
        dispatch_request = self.get_object()
        if not request.user.has_perm("matters.dispatch", dispatch_request):
            raise NotPermitted(_("只有上级单位管理员可以查看候选律师。"))
        return Response(CandidateSerializer(rank_candidates(dispatch_request), many=True).data)
