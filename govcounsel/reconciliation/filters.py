"""Filters of the reconciliation centre's registers."""

from __future__ import annotations

import django_filters as filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from govcounsel.disputes.models import Dispute
from govcounsel.organisations.choices import Sector
from govcounsel.organisations.models import Unit

from .choices import MediatorStatus, NominationStatus, SessionStatus
from .models import MediationSession, MediatorAssignment, Nomination, PoolRule


class PoolRuleFilter(filters.FilterSet):
    q = filters.CharFilter(label=_("区域或依据"), method="search")
    retired = filters.BooleanFilter(
        label=_("已终止"), field_name="retired_on", lookup_expr="isnull", exclude=True
    )

    class Meta:
        model = PoolRule
        fields = ["q", "retired"]

    def search(self, queryset: QuerySet[PoolRule], name: str, value: str) -> QuerySet[PoolRule]:
        return queryset.filter(Q(region__name__icontains=value) | Q(basis__icontains=value))


class NominationFilter(filters.FilterSet):
    q = filters.CharFilter(label=_("姓名或单位"), method="search")
    year = filters.NumberFilter(label=_("推荐年度"))
    status = filters.ChoiceFilter(label=_("状态"), choices=NominationStatus.choices)
    sector = filters.ChoiceFilter(
        label=_("业务系统"), field_name="unit__sector", choices=Sector.choices
    )

    class Meta:
        model = Nomination
        fields = ["q", "year", "status", "sector"]

    def search(self, queryset: QuerySet[Nomination], name: str, value: str) -> QuerySet[Nomination]:
        return queryset.filter(Q(person__name__icontains=value) | Q(unit__name__icontains=value))


class UnitFilter(filters.FilterSet):
    """The organs of the missing list and of the ledger; `year` is read by the view."""

    q = filters.CharFilter(label=_("单位名称"), field_name="name", lookup_expr="icontains")
    year = filters.NumberFilter(label=_("年度"), method="by_year")
    sector = filters.ChoiceFilter(label=_("业务系统"), choices=Sector.choices)

    class Meta:
        model = Unit
        fields = ["q", "year", "sector"]

    def by_year(self, queryset: QuerySet[Unit], name: str, value: int) -> QuerySet[Unit]:
        return queryset  # the view annotates or narrows by the year


class AwaitingFilter(filters.FilterSet):
    q = filters.CharFilter(label=_("争议名称或机关"), method="search")
    sector = filters.ChoiceFilter(
        label=_("业务系统"), field_name="unit__sector", choices=Sector.choices
    )

    class Meta:
        model = Dispute
        fields = ["q", "sector"]

    def search(self, queryset: QuerySet[Dispute], name: str, value: str) -> QuerySet[Dispute]:
        return queryset.filter(Q(title__icontains=value) | Q(unit__name__icontains=value))


class SessionFilter(filters.FilterSet):
    q = filters.CharFilter(label=_("争议或地点"), method="search")
    status = filters.ChoiceFilter(label=_("状态"), choices=SessionStatus.choices)
    day = filters.DateFilter(label=_("日期"), field_name="starts_at", lookup_expr="date")

    class Meta:
        model = MediationSession
        fields = ["q", "status", "day"]

    def search(
        self, queryset: QuerySet[MediationSession], name: str, value: str
    ) -> QuerySet[MediationSession]:
        return queryset.filter(Q(dispute__title__icontains=value) | Q(place__icontains=value))


class MineFilter(filters.FilterSet):
    q = filters.CharFilter(
        label=_("争议名称"), field_name="dispute__title", lookup_expr="icontains"
    )
    status = filters.ChoiceFilter(label=_("状态"), choices=MediatorStatus.choices)

    class Meta:
        model = MediatorAssignment
        fields = ["q", "status"]
