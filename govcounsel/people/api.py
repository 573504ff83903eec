from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from govcounsel.core.api import ScopedViewSet
from govcounsel.core.codes import CodeSerializerField
from govcounsel.core.fields import ScopedRelatedField
from govcounsel.organisations.models import Unit

from . import services
from .filters import LegalAdviserFilter, PersonFilter, QualificationFilter
from .models import LegalAdviser, Person, Qualification


class QualificationSerializer(serializers.ModelSerializer):
    person = ScopedRelatedField(Person)
    person_name = serializers.CharField(source="person.name", read_only=True)

    class Meta:
        model = Qualification
        fields = ["id", "person", "person_name", "kind", "certificate_number", "obtained_on"]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        instance = self.instance
        if instance is not None and attrs.pop("person", instance.person) != instance.person:
            raise serializers.ValidationError({"person": [_("资格所属人员不可更改。")]})
        return attrs


class PersonSerializer(serializers.ModelSerializer):
    """Identity data goes in whole and comes out masked; GET .../identity/ reads it in full."""

    id_number = CodeSerializerField(write_only=True, required=False, max_length=18)
    phone = serializers.CharField(write_only=True, required=False, allow_blank=True, max_length=20)
    phone_masked = serializers.CharField(read_only=True)
    # Issue 9: the year only; day and month are the eight digits the masked number hides.
    birth_year = serializers.IntegerField(read_only=True, allow_null=True)
    unit = ScopedRelatedField(Unit)
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    qualification_kinds = serializers.SerializerMethodField()
    effective_on = serializers.DateField(
        write_only=True,
        required=False,
        allow_null=True,
        help_text="变更生效日期（单位、公务员身份、专职、任职状态）；默认状态日期或今天",
    )

    class Meta:
        model = Person
        fields = [
            "id",
            "name",
            "name_pinyin",
            "name_initials",
            "sex",
            "birth_year",
            "id_number",
            "id_number_masked",
            "phone",
            "phone_masked",
            "unit",
            "unit_name",
            "is_civil_servant",
            "full_time_legal",
            "employment_status",
            "employment_status_date",
            "effective_on",
            "qualification_kinds",
        ]
        read_only_fields = ["name_pinyin", "name_initials", "id_number_masked"]
        extra_kwargs = {"sex": {"required": False}}

    def get_qualification_kinds(self, person: Person) -> list[str]:
        return [q.kind for q in person.qualifications.all()]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if self.instance is None and not attrs.get("id_number"):
            raise serializers.ValidationError({"id_number": [_("请填写身份证号码。")]})
        return attrs


class PersonViewSet(ScopedViewSet):
    model = Person
    serializer_class = PersonSerializer
    filterset_class = PersonFilter
    select_related = ("unit",)
    # Not by birth date: neighbours in that order would bound each other's birthday.
    ordering_fields = ["name_pinyin"]
    ordering = ["name_pinyin", "id"]
    create_service = services.create_person
    update_service = services.update_person
    update_target = "person"

    def get_queryset(self) -> Any:
        return super().get_queryset().prefetch_related("qualifications")

    @extend_schema(
        responses=inline_serializer(
            "Identity",
            {
                "id_number": serializers.CharField(),
                "birth_date": serializers.CharField(),
                "phone": serializers.CharField(),
            },
        )
    )
    @action(detail=True, methods=["get"])
    def identity(self, request: Request, pk: str | None = None) -> Response:
        """The full ID number and phone, for the justice bureau and the holder; audited."""
        return Response(services.reveal_identity(person=self.get_object(), by=request.user))


class QualificationViewSet(ScopedViewSet):
    model = Qualification
    serializer_class = QualificationSerializer
    filterset_class = QualificationFilter
    select_related = ("person",)
    ordering = ["person__name_pinyin", "obtained_on", "id"]
    create_service = services.add_qualification
    update_service = services.update_qualification
    update_target = "qualification"


class LegalAdviserSerializer(serializers.ModelSerializer):
    unit = ScopedRelatedField(Unit)
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    person = ScopedRelatedField(Person, required=False, allow_null=True)
    phone = serializers.CharField(write_only=True, required=False, allow_blank=True, max_length=20)
    phone_masked = serializers.CharField(read_only=True)

    class Meta:
        model = LegalAdviser
        fields = [
            "id",
            "unit",
            "unit_name",
            "kind",
            "name",
            "organisation",
            "person",
            "phone",
            "phone_masked",
            "service_start",
            "service_end",
        ]


class LegalAdviserViewSet(ScopedViewSet):
    model = LegalAdviser
    serializer_class = LegalAdviserSerializer
    filterset_class = LegalAdviserFilter
    select_related = ("unit",)
    ordering = ["unit__name", "-service_start", "id"]
    create_service = services.register_adviser
    update_service = services.update_adviser
    update_target = "adviser"

    @extend_schema(responses=inline_serializer("AdviserPhone", {"phone": serializers.CharField()}))
    @action(detail=True, methods=["get"])
    def identity(self, request: Request, pk: str | None = None) -> Response:
        """The full phone, for the justice bureau over the served unit; audited."""
        return Response(services.reveal_adviser_phone(adviser=self.get_object(), by=request.user))
