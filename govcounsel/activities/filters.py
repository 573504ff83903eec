"""One FilterSet serves the register, its export and print, and the API."""

from __future__ import annotations

import django_filters as filters
from django import forms
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from govcounsel.organisations.filters import region_filter

from .choices import ActivityKind, KindGroup, Source
from .models import Activity, Participant


class ActivityFilter(filters.FilterSet):
    q = filters.CharFilter(label=_("活动名称、情况、地点或律师姓名"), method="search")
    kind = filters.ChoiceFilter(label=_("活动类别"), choices=ActivityKind.choices)
    group = filters.ChoiceFilter(label=_("条款"), choices=KindGroup.choices, method="by_group")
    day_from = filters.DateFilter(label=_("活动日期起"), field_name="day", lookup_expr="gte")
    day_to = filters.DateFilter(label=_("活动日期止"), field_name="day", lookup_expr="lte")
    source = filters.ChoiceFilter(label=_("登记方式"), choices=Source.choices)
    region = region_filter("unit__region__path")
    # Reached from a lawyer's or a unit's page (and the API); the search box covers names.
    person = filters.NumberFilter(widget=forms.HiddenInput, method="by_person")
    unit = filters.NumberFilter(field_name="unit_id", widget=forms.HiddenInput)

    class Meta:
        model = Activity
        fields = ["q", "kind", "group", "day_from", "day_to", "source", "region", "person", "unit"]

    def search(self, queryset: QuerySet[Activity], name: str, value: str) -> QuerySet[Activity]:
        value = value.strip()
        if not value:
            return queryset
        by_name = Exists(
            Participant.objects.filter(activity=OuterRef("pk"), person__name__icontains=value)
        )
        return queryset.filter(
            Q(title__icontains=value)
            | Q(description__icontains=value)
            | Q(place__icontains=value)
            | by_name
        )

    def by_group(self, queryset: QuerySet[Activity], name: str, value: str) -> QuerySet[Activity]:
        return queryset.of_group(value) if value else queryset  # type: ignore[attr-defined]

    def by_person(self, queryset: QuerySet[Activity], name: str, value: int) -> QuerySet[Activity]:
        if value is None:
            return queryset
        return queryset.filter(
            Exists(Participant.objects.filter(activity=OuterRef("pk"), person_id=value))
        )
