from __future__ import annotations

from typing import Any

import django_filters as filters
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.organisations.filters import region_filter, yes_no

from .choices import ApplicationStatus, CancellationReason, CaseStatus, CertificateStatus
from .models import AssociationMembership, CancellationCase, Certificate, CertificateApplication


def _person_or_number(prefix: str, number: str | None) -> Any:
    """Search by holder or unit name, pinyin initials, or the start of a licence number
    (where the model has one: `number` is its path)."""

    def method(queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        value = value.strip()
        condition = Q(**{f"{prefix}person__name__icontains": value}) | Q(
            **{f"{prefix}unit__name__icontains": value}
        )
        if number and value.isdigit():
            condition |= Q(**{f"{number}__startswith": value})
        if value.isascii() and value.isalpha():
            condition |= Q(**{f"{prefix}person__name_initials__startswith": value.lower()})
        return queryset.filter(condition)

    return method


class ApplicationFilter(filters.FilterSet):
    q = filters.CharFilter(label=_("申请人或单位"), method=_person_or_number("", None))
    status = filters.MultipleChoiceFilter(label=_("状态"), choices=ApplicationStatus.choices)
    region = region_filter("unit__region__path")

    class Meta:
        model = CertificateApplication
        fields = ["q", "status", "region"]


class CertificateFilter(filters.FilterSet):
    q = filters.CharFilter(
        label=_("执业证号、持证人或单位"), method=_person_or_number("", "number")
    )
    status = filters.ChoiceFilter(label=_("状态"), choices=CertificateStatus.choices)
    region = region_filter("unit__region__path")
    issued_from = filters.DateFilter(
        label=_("颁证日期起"), field_name="issued_on", lookup_expr="gte"
    )
    issued_to = filters.DateFilter(label=_("颁证日期止"), field_name="issued_on", lookup_expr="lte")
    active_on = filters.DateFilter(label=_("某日有效"), method="active")

    class Meta:
        model = Certificate
        fields = ["q", "status", "region", "issued_from", "issued_to", "active_on"]

    def active(
        self, queryset: QuerySet[Certificate], name: str, value: Any
    ) -> QuerySet[Certificate]:
        return queryset.active_on(value)  # type: ignore[attr-defined]


class CaseFilter(filters.FilterSet):
    q = filters.CharFilter(
        label=_("持证人或单位"), method=_person_or_number("certificate__", "certificate__number")
    )
    status = filters.ChoiceFilter(label=_("状态"), choices=CaseStatus.choices)
    reason = filters.ChoiceFilter(label=_("事由"), choices=CancellationReason.choices)
    # Open: not completed yet, whether the certificate is still out or already recovered.
    open = yes_no(_("未办结"), method="is_open")
    overdue = yes_no(_("已超期"), method="is_overdue")
    region = region_filter("certificate__unit__region__path")

    class Meta:
        model = CancellationCase
        fields = ["q", "status", "reason", "open", "overdue", "region"]

    def is_open(
        self, queryset: QuerySet[CancellationCase], name: str, value: bool
    ) -> QuerySet[CancellationCase]:
        completed = Q(status=CaseStatus.COMPLETED)
        return queryset.filter(~completed if value else completed)

    def is_overdue(
        self, queryset: QuerySet[CancellationCase], name: str, value: bool
    ) -> QuerySet[CancellationCase]:
        overdue = Q(due_on__lt=timezone.localdate()) & ~Q(status=CaseStatus.COMPLETED)
        return queryset.filter(overdue if value else ~overdue)


class MembershipFilter(filters.FilterSet):
    q = filters.CharFilter(label=_("姓名、单位或会员证号"), method="search")
    current = yes_no(_("在会"), method="is_current")
    region = region_filter("person__unit__region__path")
    joined_from = filters.DateFilter(
        label=_("入会日期起"), field_name="joined_on", lookup_expr="gte"
    )
    joined_to = filters.DateFilter(label=_("入会日期止"), field_name="joined_on", lookup_expr="lte")

    class Meta:
        model = AssociationMembership
        fields = ["q", "current", "region", "joined_from", "joined_to"]

    def search(
        self, queryset: QuerySet[AssociationMembership], name: str, value: str
    ) -> QuerySet[AssociationMembership]:
        value = value.strip()
        condition = (
            Q(person__name__icontains=value)
            | Q(person__unit__name__icontains=value)
            | Q(member_number__istartswith=value)
        )
        if value.isascii() and value.isalpha():
            condition |= Q(person__name_initials__startswith=value.lower())
        return queryset.filter(condition)

    def is_current(
        self, queryset: QuerySet[AssociationMembership], name: str, value: bool
    ) -> QuerySet[AssociationMembership]:
        return queryset.filter(ended_on__isnull=value)
