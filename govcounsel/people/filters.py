from __future__ import annotations

import re

import django_filters as filters
from django import forms
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from govcounsel.organisations.filters import region_filter, yes_no

from .choices import AdviserKind, EmploymentStatus, QualificationKind
from .models import LegalAdviser, Person, Qualification

_ID_LIKE = re.compile(r"^\d{17}[\dXx]$")


def search_people(queryset: QuerySet[Person], value: str) -> QuerySet[Person]:
    """Name, pinyin or its initials, unit name, or an exact full ID number."""
    value = value.strip()
    if not value:
        return queryset
    if _ID_LIKE.match(value):
        return queryset.with_id_number(value)  # type: ignore[attr-defined]
    latin = value.lower().replace(" ", "")
    condition = Q(name__icontains=value) | Q(unit__name__icontains=value)
    if latin.isascii() and latin.isalpha():
        condition |= Q(name_initials__startswith=latin) | Q(name_pinyin__startswith=latin)
    return queryset.filter(condition)


class PersonFilter(filters.FilterSet):
    q = filters.CharFilter(label=_("姓名、拼音、单位或身份证号"), method="search")
    # Reached from a unit's page; the search box covers unit names for people typing.
    unit = filters.NumberFilter(field_name="unit_id", widget=forms.HiddenInput)
    region = region_filter("unit__region__path")
    employment_status = filters.ChoiceFilter(label=_("任职状态"), choices=EmploymentStatus.choices)
    is_civil_servant = yes_no(_("公务员"))
    full_time_legal = yes_no(_("专门从事法律事务"))
    qualified = yes_no(_("具有法律职业资格"), method="with_qualification")

    class Meta:
        model = Person
        fields = ["q", "unit", "region", "employment_status", "is_civil_servant", "full_time_legal"]

    def search(self, queryset: QuerySet[Person], name: str, value: str) -> QuerySet[Person]:
        return search_people(queryset, value)

    def with_qualification(
        self, queryset: QuerySet[Person], name: str, value: bool
    ) -> QuerySet[Person]:
        has = Exists(Qualification.objects.filter(person=OuterRef("pk")))
        return queryset.filter(has if value else ~has)


class QualificationFilter(filters.FilterSet):
    person = filters.NumberFilter(field_name="person_id", widget=forms.HiddenInput)
    unit = filters.NumberFilter(field_name="person__unit_id", widget=forms.HiddenInput)
    kind = filters.ChoiceFilter(label=_("资格类别"), choices=QualificationKind.choices)
    q = filters.CharFilter(label=_("姓名或证书编号"), method="search")

    class Meta:
        model = Qualification
        fields = ["person", "unit", "kind", "q"]

    def search(
        self, queryset: QuerySet[Qualification], name: str, value: str
    ) -> QuerySet[Qualification]:
        return queryset.filter(
            Q(person__name__icontains=value) | Q(certificate_number__icontains=value)
        )


class LegalAdviserFilter(filters.FilterSet):
    unit = filters.NumberFilter(field_name="unit_id", widget=forms.HiddenInput)
    region = region_filter("unit__region__path")
    kind = filters.ChoiceFilter(label=_("顾问类别"), choices=AdviserKind.choices)
    in_service_on = filters.DateFilter(label=_("在某日在任"), method="in_service")
    q = filters.CharFilter(label=_("姓名或机构"), method="search")

    class Meta:
        model = LegalAdviser
        fields = ["unit", "region", "kind", "in_service_on", "q"]

    def in_service(
        self, queryset: QuerySet[LegalAdviser], name: str, value: object
    ) -> QuerySet[LegalAdviser]:
        return queryset.in_service(value)  # type: ignore[attr-defined]

    def search(
        self, queryset: QuerySet[LegalAdviser], name: str, value: str
    ) -> QuerySet[LegalAdviser]:
        return queryset.filter(Q(name__icontains=value) | Q(organisation__icontains=value))
