"""Typical cases and their annual compilations in the REST API (/api/v1/typical-cases/,
/api/v1/typical-case-compilations/); the workflow verbs come from verbs.py."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from govcounsel.core.api import ScopedReadViewSet
from govcounsel.core.fields import ScopedRelatedField, ScopedSlugRelatedField
from govcounsel.core.views.verbs import document_response
from govcounsel.disputes.models import Dispute
from govcounsel.organisations.models import Region

from . import services
from .filters import TypicalCaseFilter
from .models import Compilation, TypicalCase, TypicalCaseRevision


class RevisionSerializer(serializers.ModelSerializer):
    class Meta:
        model = TypicalCaseRevision
        fields = [
            "number",
            "title",
            "subtitle",
            "facts",
            "resolution",
            "key_points",
            "year",
            "sector",
            "note",
            "published_at",
        ]


class TypicalCaseSerializer(serializers.ModelSerializer):
    dispute = ScopedRelatedField(Dispute)
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    revisions = RevisionSerializer(many=True, read_only=True)

    class Meta:
        model = TypicalCase
        fields = [
            "id",
            "dispute",
            "unit",
            "unit_name",
            "reason",
            "nominated_at",
            "status",
            "decline_reason",
            "withdraw_reason",
            "title",
            "subtitle",
            "facts",
            "resolution",
            "key_points",
            "year",
            "sector",
            "revisions",
        ]
        # Nominated with {dispute, reason}; everything else changes through the verbs.
        read_only_fields = [
            "unit",
            "nominated_at",
            "status",
            "decline_reason",
            "withdraw_reason",
            "title",
            "subtitle",
            "facts",
            "resolution",
            "key_points",
            "year",
            "sector",
        ]


class TypicalCaseViewSet(ScopedReadViewSet):
    """Typical cases (002 §18): POST {dispute, reason} nominates a resolved dispute of the
    office's own organ; the bureau's review, editing, anonymising, publishing, revision and
    withdrawal are POST actions."""

    model = TypicalCase
    serializer_class = TypicalCaseSerializer
    filterset_class = TypicalCaseFilter
    select_related = ("unit",)

    def get_queryset(self) -> Any:
        return super().get_queryset().prefetch_related("revisions")

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        body = self.get_serializer(data=request.data)
        body.is_valid(raise_exception=True)
        case = services.nominate(
            dispute=body.validated_data["dispute"],
            reason=body.validated_data["reason"],
            by=request.user,
        )
        return Response(self.get_serializer(self.get_queryset().get(pk=case.pk)).data, status=201)


class CompilationSerializer(serializers.ModelSerializer):
    region = ScopedSlugRelatedField(Region, slug_field="code")
    number = serializers.CharField(source="document.number", read_only=True)
    title = serializers.CharField(source="document.title", read_only=True)
    issuer_name = serializers.CharField(source="document.issuer_name", read_only=True)
    dated = serializers.DateField(source="document.dated", read_only=True)

    class Meta:
        model = Compilation
        fields = ["id", "region", "year", "number", "title", "issuer_name", "dated", "issued_at"]


class CompilationViewSet(ScopedReadViewSet):
    """The annual compilations: POST {region, year} issues one as an official document
    (the justice bureau of the region); download/ returns the file as issued."""

    model = Compilation
    serializer_class = CompilationSerializer
    select_related = ("document", "region")

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        body = self.get_serializer(data=request.data)
        body.is_valid(raise_exception=True)
        compilation = services.issue_compilation(
            region=body.validated_data["region"], year=body.validated_data["year"], by=request.user
        )
        return Response(self.get_serializer(compilation).data, status=201)

    @extend_schema(responses=OpenApiTypes.BINARY)
    @action(detail=True, methods=["get"], url_path="download")
    def download(self, request: Request, pk: str | None = None) -> Any:
        return document_response(
            services.compilation_file(compilation=self.get_object(), by=request.user)
        )
