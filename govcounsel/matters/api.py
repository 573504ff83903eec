from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from govcounsel.core.api import ScopedReadViewSet, ScopedViewSet
from govcounsel.core.audit import record_event
from govcounsel.core.errors import DomainError, NotPermitted
from govcounsel.core.fields import ScopedRelatedField
from govcounsel.core.pagination import KeysetPagination
from govcounsel.organisations.models import Unit
from govcounsel.people.models import LegalAdviser, Person

from . import services
from .archive import work_archive
from .documents import LITIGATION_SUBTYPES, commission_letter
from .filters import MatterFilter
from .models import Decision, DecisionItem, DispatchRequest, Expertise, Matter
from .selectors import assignable_people, rank_candidates


class OpinionSerializer(serializers.Serializer):
    version = serializers.IntegerField()
    author = serializers.CharField(source="author.name")
    text = serializers.CharField()
    submitted_at = serializers.DateTimeField()


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
    # Named among the people the office can see (and lawyers lent to it): anyone else is
    # "not found", never "<name> is not a public lawyer of this unit".
    lawyer = ScopedRelatedField(Person, scope=assignable_people)
    co_handlers = ScopedRelatedField(Person, scope=assignable_people, many=True, required=False)
    adviser = ScopedRelatedField(LegalAdviser, required=False, allow_null=True)
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


class OvertimeInput(serializers.Serializer):
    worked_on = serializers.DateField()
    hours = serializers.DecimalField(max_digits=4, decimal_places=1)
    note = serializers.CharField(required=False, allow_blank=True, default="")


class LetterInput(serializers.Serializer):
    court = serializers.CharField()
    counterparty = serializers.CharField()
    authority = serializers.CharField(required=False, default="一般授权")


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
        body = serializer_class(data=self.request.data, context=self.get_serializer_context())
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

    @extend_schema(request=OvertimeInput, responses=MatterSerializer)
    @action(detail=True, methods=["post"])
    def overtime(self, request: Request, pk: str | None = None) -> Response:
        matter = self.get_object()
        services.record_overtime(matter=matter, by=request.user, **self._body(OvertimeInput))
        return self._answer(matter)

    @extend_schema(request=LetterInput, responses=OpenApiTypes.BINARY)
    @action(detail=True, methods=["post"], url_path="commission-letter")
    def commission_letter(self, request: Request, pk: str | None = None) -> HttpResponse:
        """委托公函 (001 三(四)) for a litigation, arbitration or reconsideration matter."""
        matter = self.get_object()
        if not request.user.has_perm("matters.run", matter):
            raise NotPermitted(_("只有本单位法治工作机构可以出具委托公函。"))
        if matter.subtype not in LITIGATION_SUBTYPES:
            raise DomainError("not_litigation", _("只有诉讼、仲裁和复议事项需要委托公函。"))
        body = self._body(LetterInput)
        lawyers = [a.person for a in matter.assignments.all() if a.status != "declined"]
        content = commission_letter(matter, lawyers=lawyers, **body)
        record_event("matters.commission_letter.issued", matter, by=request.user)
        return HttpResponse(
            content,
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
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


class WorkArchiveView(APIView):
    """A public lawyer's work archive for a year (002 §15): GET ?person=&year=."""

    @extend_schema(
        parameters=[OpenApiParameter("person", int, required=True), OpenApiParameter("year", int)],
        responses=OpenApiTypes.OBJECT,
    )
    def get(self, request: Request) -> Response:
        person_text = request.query_params.get("person") or ""
        person = (
            Person.objects.visible_to(request.user).filter(pk=person_text).first()
            if person_text.isdigit() and len(person_text) < 19
            else None
        )
        if person is None:
            raise DomainError("not_found", _("未找到该人员，或您无权查看。"), field="person")
        year_text = request.query_params.get("year") or str(timezone.localdate().year)
        if not (year_text.isdigit() and 1900 <= int(year_text) <= 9999):
            raise DomainError("invalid", _("年度应为四位数字。"), field="year")
        return Response(work_archive(person, int(year_text)).as_dict())


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


class DispatchInput(serializers.Serializer):
    lawyer = ScopedRelatedField(Person)
    answer = serializers.CharField(required=False, allow_blank=True, default="")


class AnswerInput(serializers.Serializer):
    answer = serializers.CharField(allow_blank=True)


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

    @extend_schema(request=DispatchInput, responses=DispatchRequestSerializer)
    @action(detail=True, methods=["post"], url_path="dispatch")
    def send_lawyer(self, request: Request, pk: str | None = None) -> Response:
        # Not named "dispatch": that is APIView's own request handling.
        body = self._input(DispatchInput)
        done = services.dispatch(request=self.get_object(), by=request.user, **body)
        return Response(self.get_serializer(done).data)

    @extend_schema(request=AnswerInput, responses=DispatchRequestSerializer)
    @action(detail=True, methods=["post"])
    def reject(self, request: Request, pk: str | None = None) -> Response:
        done = services.reject_dispatch(
            request=self.get_object(), by=request.user, **self._input(AnswerInput)
        )
        return Response(self.get_serializer(done).data)

    def _input(self, serializer_class: type[serializers.Serializer]) -> dict[str, Any]:
        body = serializer_class(data=self.request.data, context=self.get_serializer_context())
        body.is_valid(raise_exception=True)
        return dict(body.validated_data)
