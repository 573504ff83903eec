"""Issued documents in the API: read-only, and the stored file as issued."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.request import Request

from govcounsel.core.api import ScopedReadViewSet
from govcounsel.core.views.verbs import document_response

from . import services
from .filters import OfficialDocumentFilter
from .models import OfficialDocument


class OfficialDocumentSerializer(serializers.ModelSerializer):
    region = serializers.CharField(source="region.code", read_only=True)
    file = serializers.SerializerMethodField()

    class Meta:
        model = OfficialDocument
        fields = [
            "id",
            "kind",
            "number",
            "title",
            "issuer_name",
            "region",
            "unit",
            "dated",
            "sha256",
            "confidential",
            "created_at",
            "file",
        ]
        read_only_fields = fields

    def get_file(self, document: OfficialDocument) -> str:
        return f"/api/v1/documents/{document.pk}/file/"


class OfficialDocumentViewSet(ScopedReadViewSet):
    """Official documents in scope (GET); file/ returns the stored bytes as issued, whose
    SHA-256 is the document's `sha256`."""

    model = OfficialDocument
    serializer_class = OfficialDocumentSerializer
    select_related = ("region",)
    filterset_class = OfficialDocumentFilter

    @extend_schema(responses=OpenApiTypes.BINARY)
    @action(detail=True, methods=["get"], url_path="file")
    def file(self, request: Request, pk: str | None = None) -> Any:
        document = services.document_file(document=self.get_object(), by=request.user)
        return document_response(document)
