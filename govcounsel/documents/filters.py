"""The filters of the documents register; one FilterSet serves the page and the API."""

from __future__ import annotations

import django_filters as filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from .choices import DocumentKind
from .models import OfficialDocument


class OfficialDocumentFilter(filters.FilterSet):
    q = filters.CharFilter(label=_("标题或发文字号"), method="search")
    kind = filters.ChoiceFilter(label=_("文种"), choices=DocumentKind.choices)
    # A year a date can hold; a larger number would overflow in the query (400, not 500).
    year = filters.NumberFilter(
        label=_("年度"), field_name="dated", lookup_expr="year", min_value=1900, max_value=9999
    )
    issuer = filters.CharFilter(
        label=_("发文机关"), field_name="issuer_name", lookup_expr="icontains"
    )

    class Meta:
        model = OfficialDocument
        fields = ["q", "kind", "year", "issuer"]

    def search(
        self, queryset: QuerySet[OfficialDocument], name: str, value: str
    ) -> QuerySet[OfficialDocument]:
        return queryset.filter(Q(title__icontains=value) | Q(number__icontains=value))
