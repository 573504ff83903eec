"""One FilterSet per list: the same filters serve the pages, the exports and the API."""

from __future__ import annotations

from typing import Any

import django_filters as filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from govcounsel.core.widgets import AllYesNo

from .choices import RegionLevel, Sector, UnitKind, UnitLevel
from .models import Region, Unit


def region_subtree(lookup: str) -> Any:
    """A filter method limiting a queryset to the subtree of the chosen region."""

    def method(queryset: QuerySet[Any], name: str, value: Region | None) -> QuerySet[Any]:
        if value is None:
            return queryset
        return queryset.filter(**{f"{lookup}__startswith": value.path})

    return method


def _visible_regions(request: Any) -> QuerySet[Region]:
    return Region.objects.visible_to(getattr(request, "user", None))


def region_filter(lookup: str) -> filters.ModelChoiceFilter:
    """Choose a region the user can see, by its code; matches the whole subtree below it."""
    return filters.ModelChoiceFilter(
        label=_("区域（含下级）"),
        queryset=_visible_regions,
        to_field_name="code",
        method=region_subtree(lookup),
    )


def yes_no(label: Any, **kwargs: Any) -> filters.BooleanFilter:
    return filters.BooleanFilter(label=label, widget=AllYesNo, **kwargs)


class RegionFilter(filters.FilterSet):
    q = filters.CharFilter(label=_("名称或代码"), method="search")
    level = filters.ChoiceFilter(label=_("层级"), choices=RegionLevel.choices)
    parent = filters.CharFilter(label=_("上级区划代码"), method="children_of")

    class Meta:
        model = Region
        fields = ["q", "level", "parent"]

    def search(self, queryset: QuerySet[Region], name: str, value: str) -> QuerySet[Region]:
        return queryset.filter(Q(name__icontains=value) | Q(code__startswith=value))

    def children_of(self, queryset: QuerySet[Region], name: str, value: str) -> QuerySet[Region]:
        parent = Region.objects.filter(code=value).first()
        if parent is None:
            return queryset.none()
        return queryset.filter(path__startswith=parent.path, depth=parent.depth + 1)


class UnitFilter(filters.FilterSet):
    q = filters.CharFilter(label=_("单位名称或信用代码"), method="search")
    region = region_filter("region__path")
    kind = filters.ChoiceFilter(label=_("单位类别"), choices=UnitKind.choices)
    level = filters.ChoiceFilter(label=_("单位层级"), choices=UnitLevel.choices)
    has_enforcement_power = yes_no(_("具有行政执法权"))
    sector = filters.ChoiceFilter(label=_("业务系统"), choices=Sector.choices)
    vertical_superior = filters.NumberFilter(label=_("垂直管理上级单位"), widget=forms.HiddenInput)

    class Meta:
        model = Unit
        fields = [
            "q",
            "region",
            "kind",
            "level",
            "has_enforcement_power",
            "sector",
            "vertical_superior",
        ]

    def search(self, queryset: QuerySet[Unit], name: str, value: str) -> QuerySet[Unit]:
        return queryset.filter(Q(name__icontains=value) | Q(credit_code=value.strip().upper()))
