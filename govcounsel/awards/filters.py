"""Filters of the awards registers (one FilterSet serves the page and the API)."""

from __future__ import annotations

from datetime import date
from typing import Any

import django_filters as filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from govcounsel.people.models import Person

from .choices import CandidateKind, CycleStatus
from .models import AwardCycle, AwardRule, Candidate


class CycleFilter(filters.FilterSet):
    q = filters.CharFilter(label=_("区域名称或代码"), method="search")
    year = filters.NumberFilter(label=_("评选年度"))
    status = filters.ChoiceFilter(label=_("状态"), choices=CycleStatus.choices)

    class Meta:
        model = AwardCycle
        fields = ["q", "year", "status"]

    def search(self, queryset: QuerySet[AwardCycle], name: str, value: str) -> QuerySet[AwardCycle]:
        return queryset.filter(Q(region__name__icontains=value) | Q(region__code=value))


class RuleFilter(filters.FilterSet):
    q = filters.CharFilter(label=_("区域或依据"), method="search")
    in_force_on = filters.DateFilter(label=_("有效日期"), method="in_force")

    class Meta:
        model = AwardRule
        fields = ["q", "in_force_on"]

    def search(self, queryset: QuerySet[AwardRule], name: str, value: str) -> QuerySet[AwardRule]:
        return queryset.filter(
            Q(region__name__icontains=value) | Q(region__code=value) | Q(basis__icontains=value)
        )

    def in_force(self, queryset: Any, name: str, value: date) -> Any:
        return queryset.in_force(value)


class CandidateFilter(filters.FilterSet):
    q = filters.CharFilter(label=_("单位或姓名"), method="search")
    cycle = filters.NumberFilter(label=_("评选"), field_name="cycle_id")
    year = filters.NumberFilter(label=_("评选年度"), field_name="cycle__year")
    kind = filters.ChoiceFilter(label=_("类别"), choices=CandidateKind.choices)

    class Meta:
        model = Candidate
        fields = ["q", "cycle", "year", "kind"]

    def search(self, queryset: QuerySet[Candidate], name: str, value: str) -> QuerySet[Candidate]:
        return queryset.filter(Q(unit__name__icontains=value) | Q(person__name__icontains=value))


class RepeatedFilter(filters.FilterSet):
    q = filters.CharFilter(label=_("姓名或单位"), method="search")
    min_awards = filters.NumberFilter(label=_("表彰次数不少于"), method="at_least")

    class Meta:
        model = Person
        fields = ["q", "min_awards"]

    def search(self, queryset: QuerySet[Person], name: str, value: str) -> QuerySet[Person]:
        return queryset.filter(Q(name__icontains=value) | Q(unit__name__icontains=value))

    def at_least(self, queryset: Any, name: str, value: int) -> Any:
        # `award_count` is annotated by selectors.repeatedly_awarded.
        return queryset.filter(award_count__gte=value)
