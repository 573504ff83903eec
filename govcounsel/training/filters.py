"""The training registers' searches and filters (one FilterSet serves the page and the API)."""

from __future__ import annotations

from typing import Any

import django_filters as filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from govcounsel.organisations.filters import yes_no

from .choices import Category, ClaimStatus, CourseKind, OwnerKind
from .models import (
    Course,
    Enrolment,
    ExternalClaim,
    TrainingExemption,
    TrainingPlan,
    TrainingRequirement,
    VerificationSample,
)


class PlanFilter(filters.FilterSet):
    q = filters.CharFilter(label=_("计划名称"), field_name="title", lookup_expr="icontains")
    year = filters.NumberFilter(label=_("年度"))
    owner_kind = filters.ChoiceFilter(label=_("制定机构"), choices=OwnerKind.choices)

    class Meta:
        model = TrainingPlan
        fields = ["q", "year", "owner_kind"]


class CourseFilter(filters.FilterSet):
    q = filters.CharFilter(label=_("课程或主办单位"), method="search")
    year = filters.NumberFilter(label=_("年度"), field_name="plan__year")
    kind = filters.ChoiceFilter(label=_("培训形式"), choices=CourseKind.choices)
    category = filters.ChoiceFilter(label=_("培训类别"), choices=Category.choices)
    plan = filters.NumberFilter(label=_("培训计划"), field_name="plan_id")

    class Meta:
        model = Course
        fields = ["q", "year", "kind", "category", "plan"]

    def search(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return queryset.filter(Q(title__icontains=value) | Q(provider__icontains=value))


class EnrolmentFilter(filters.FilterSet):
    q = filters.CharFilter(label=_("姓名或课程"), method="search")
    plan = filters.NumberFilter(label=_("培训计划"), field_name="course__plan_id")
    course = filters.NumberFilter(label=_("课程"), field_name="course_id")
    attended = yes_no(_("已参训"), field_name="attended")
    mine = yes_no(_("我的报名"), method="of_mine")

    class Meta:
        model = Enrolment
        fields = ["q", "plan", "course", "attended", "mine"]

    def search(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return queryset.filter(Q(person__name__icontains=value) | Q(course__title__icontains=value))

    def of_mine(self, queryset: QuerySet[Any], name: str, value: Any) -> QuerySet[Any]:
        if value is None:
            return queryset
        person_id = getattr(getattr(self.request, "user", None), "person_id", None)
        return (
            queryset.filter(person_id=person_id) if value else queryset.exclude(person_id=person_id)
        )


class ClaimFilter(filters.FilterSet):
    q = filters.CharFilter(label=_("姓名或培训名称"), method="search")
    status = filters.ChoiceFilter(label=_("状态"), choices=ClaimStatus.choices)
    # A year a date can hold; a larger number would overflow in the query (400, not 500).
    year = filters.NumberFilter(
        label=_("年度"), field_name="day__year", min_value=1900, max_value=9999
    )

    class Meta:
        model = ExternalClaim
        fields = ["q", "status", "year"]

    def search(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return queryset.filter(Q(person__name__icontains=value) | Q(title__icontains=value))


class RequirementFilter(filters.FilterSet):
    q = filters.CharFilter(label=_("区域或依据"), method="search")
    region = filters.CharFilter(label=_("区划代码"), field_name="region__code")

    class Meta:
        model = TrainingRequirement
        fields = ["q", "region"]

    def search(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return queryset.filter(Q(region__name__icontains=value) | Q(note__icontains=value))


class ExemptionFilter(filters.FilterSet):
    q = filters.CharFilter(label=_("姓名"), field_name="person__name", lookup_expr="icontains")
    year = filters.NumberFilter(label=_("年度"))

    class Meta:
        model = TrainingExemption
        fields = ["q", "year"]


class SampleFilter(filters.FilterSet):
    q = filters.CharFilter(label=_("区域"), field_name="region__name", lookup_expr="icontains")
    year = filters.NumberFilter(label=_("年度"))

    class Meta:
        model = VerificationSample
        fields = ["q", "year"]


class ComplianceFilter(filters.FilterSet):
    """The compliance page's search: its rows are computed (compliance.py), not a queryset,
    so the filters are applied to those rows by the view; the FilterSet gives the form."""

    q = filters.CharFilter(label=_("姓名或单位"))
    year = filters.NumberFilter(label=_("年度"))
    behind = yes_no(_("未达标"))
    pre_service = yes_no(_("职前培训逾期"))

    class Meta:
        model = Enrolment
        fields = ["q", "year", "behind", "pre_service"]
