"""Training in the API (/api/v1/training-…): plans, courses (with the enrol, check-in and
attendance verbs), enrolments (training certificate), self-claims (verify, refuse),
requirements, exemptions, samples and their items; a lawyer's or a region's compliance."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from govcounsel.core.api import ScopedReadViewSet, ScopedViewSet
from govcounsel.core.dates import parse_year
from govcounsel.core.fields import ScopedRelatedField
from govcounsel.organisations.models import Region, Unit
from govcounsel.people.models import Person

from . import services
from .filters import ClaimFilter, CourseFilter, EnrolmentFilter, PlanFilter
from .models import (
    Course,
    Enrolment,
    ExternalClaim,
    SampleItem,
    TrainingExemption,
    TrainingPlan,
    TrainingRequirement,
    VerificationSample,
)
from .selectors import standings_for


class PlanSerializer(serializers.ModelSerializer):
    region = ScopedRelatedField(Region)
    unit = ScopedRelatedField(Unit, required=False, allow_null=True)
    owner_name = serializers.CharField(read_only=True)

    class Meta:
        model = TrainingPlan
        fields = ["id", "title", "year", "owner_kind", "region", "unit", "owner_name", "note"]


class CourseSerializer(serializers.ModelSerializer):
    class Meta:
        model = Course
        fields = [
            "id", "plan", "title", "kind", "category", "provider", "hours", "starts_on",
            "ends_on", "place", "online", "capacity", "cost_per_person", "cost_borne_by_unit",
        ]  # fmt: skip
        read_only_fields = ["plan"]


class EnrolmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Enrolment
        fields = ["id", "course", "person", "enrolled_at", "attended", "hours", "source"]
        read_only_fields = fields


class ClaimSerializer(serializers.ModelSerializer):
    class Meta:
        model = ExternalClaim
        fields = [
            "id", "person", "title", "provider", "kind", "category", "day", "hours",
            "status", "reason",
        ]  # fmt: skip
        read_only_fields = fields


class RequirementSerializer(serializers.ModelSerializer):
    region = ScopedRelatedField(Region)

    class Meta:
        model = TrainingRequirement
        fields = [
            "id", "region", "effective_from", "effective_to", "min_trainings", "min_hours",
            "pre_service_after", "pre_service_days", "sample_percent", "risk_hours",
            "reminders", "note",
        ]  # fmt: skip
        read_only_fields = ["effective_to"]


class ExemptionSerializer(serializers.ModelSerializer):
    person = ScopedRelatedField(Person)

    class Meta:
        model = TrainingExemption
        fields = ["id", "person", "year", "months", "reason"]


class SampleSerializer(serializers.ModelSerializer):
    region = ScopedRelatedField(Region)

    class Meta:
        model = VerificationSample
        fields = ["id", "region", "year", "seed", "percent", "risk_hours", "drawn_at"]
        read_only_fields = ["seed", "percent", "risk_hours", "drawn_at"]


class SampleItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = SampleItem
        fields = ["id", "sample", "claim", "reason", "outcome", "note"]
        read_only_fields = fields


class PlanViewSet(ScopedViewSet):
    model = TrainingPlan
    serializer_class = PlanSerializer
    filterset_class = PlanFilter
    select_related = ("region", "unit")
    create_service = services.create_plan
    http_method_names = ["get", "post", "head", "options"]


class CourseViewSet(ScopedReadViewSet):
    model = Course
    serializer_class = CourseSerializer
    filterset_class = CourseFilter
    select_related = ("plan",)


class EnrolmentViewSet(ScopedReadViewSet):
    model = Enrolment
    serializer_class = EnrolmentSerializer
    filterset_class = EnrolmentFilter


class ClaimViewSet(ScopedReadViewSet):
    model = ExternalClaim
    serializer_class = ClaimSerializer
    filterset_class = ClaimFilter


class RequirementViewSet(ScopedViewSet):
    model = TrainingRequirement
    serializer_class = RequirementSerializer
    select_related = ("region",)
    create_service = services.set_requirement
    http_method_names = ["get", "post", "head", "options"]


class ExemptionViewSet(ScopedViewSet):
    model = TrainingExemption
    serializer_class = ExemptionSerializer
    create_service = services.grant_exemption
    http_method_names = ["get", "post", "head", "options"]


class SampleViewSet(ScopedViewSet):
    model = VerificationSample
    serializer_class = SampleSerializer
    create_service = services.draw_sample
    http_method_names = ["get", "post", "head", "options"]


class SampleItemViewSet(ScopedReadViewSet):
    model = SampleItem
    serializer_class = SampleItemSerializer


class StandingSerializer(serializers.Serializer):
    person = serializers.IntegerField(source="person_id", read_only=True)
    name = serializers.CharField()
    unit = serializers.CharField(source="unit_name", read_only=True)
    months = serializers.IntegerField(source="counted_months")
    owed_trainings = serializers.DecimalField(max_digits=6, decimal_places=0)
    done_trainings = serializers.IntegerField(source="done.trainings")
    owed_hours = serializers.DecimalField(max_digits=8, decimal_places=1)
    done_hours = serializers.DecimalField(source="done.hours", max_digits=8, decimal_places=1)
    behind = serializers.BooleanField()
    missing = serializers.ListField(child=serializers.CharField())
    pre_service_overdue = serializers.BooleanField()


class ComplianceView(APIView):
    """The compliance of the lawyers the caller reads (a lawyer: their own) for `?year=`."""

    @extend_schema(responses=StandingSerializer(many=True))
    def get(self, request: Request) -> Response:
        year = parse_year(request.query_params.get("year")) or timezone.localdate().year
        rows: Any = standings_for(request.user, year)
        return Response(StandingSerializer(rows, many=True).data)
