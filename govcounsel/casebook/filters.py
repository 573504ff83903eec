from __future__ import annotations

from typing import Any

import django_filters as filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from govcounsel.organisations.choices import Sector
from govcounsel.organisations.filters import region_filter

from .choices import CaseStatus
from .models import TypicalCase


class TypicalCaseFilter(filters.FilterSet):
    """The bureau's register of nominations and cases, and an office's own nominations."""

    q = filters.CharFilter(label=_("标题、单位或推荐理由"), method="search")
    status = filters.MultipleChoiceFilter(label=_("状态"), choices=CaseStatus.choices)
    year = filters.NumberFilter(label=_("年度"))
    sector = filters.ChoiceFilter(label=_("业务系统"), choices=Sector.choices)
    region = region_filter("unit__region__path")

    class Meta:
        model = TypicalCase
        fields = ["q", "status", "year", "sector", "region"]

    def search(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        value = value.strip()
        return queryset.filter(
            Q(title__icontains=value) | Q(unit__name__icontains=value) | Q(reason__icontains=value)
        )


class PublicCaseFilter(filters.FilterSet):
    """The public page: published text only (the version the public reads)."""

    q = filters.CharFilter(label=_("关键词"), method="search")
    year = filters.NumberFilter(label=_("年度"), field_name="current_revision__year")
    sector = filters.ChoiceFilter(
        label=_("业务系统"), choices=Sector.choices, field_name="current_revision__sector"
    )

    class Meta:
        model = TypicalCase
        fields = ["q", "year", "sector"]

    def search(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        value = value.strip()
        condition = Q()
        for field in ("title", "subtitle", "facts", "resolution", "key_points"):
            condition |= Q(**{f"current_revision__{field}__icontains": value})
        return queryset.filter(condition)
