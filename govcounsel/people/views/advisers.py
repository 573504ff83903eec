"""The page of one legal adviser: the record, and the corrections its keepers may make."""

from __future__ import annotations

from typing import Any

from govcounsel.core.views import ScopedDetailView

from ..models import LegalAdviser


class LegalAdviserDetailView(ScopedDetailView):
    model = LegalAdviser
    template_name = "people/adviser_detail.html"
    context_object_name = "adviser"

    def get_queryset(self) -> Any:
        return super().get_queryset().select_related("unit", "person")
