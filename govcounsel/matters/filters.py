from __future__ import annotations

import django_filters as filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.organisations.filters import yes_no

from .choices import DutyCategory, MatterStatus, Priority
from .models import Matter


class MatterFilter(filters.FilterSet):
    q = filters.CharFilter(label=_("事项名称"), field_name="title", lookup_expr="icontains")
    status = filters.ChoiceFilter(label=_("状态"), choices=MatterStatus.choices)
    category = filters.ChoiceFilter(label=_("职责类别"), choices=DutyCategory.choices)
    priority = filters.ChoiceFilter(label=_("紧急程度"), choices=Priority.choices)
    lawyer = filters.CharFilter(label=_("承办律师"), method="by_lawyer")
    overdue = yes_no(_("已超期"), method="is_overdue")
    unit = filters.NumberFilter(field_name="unit_id", widget=forms.HiddenInput)

    class Meta:
        model = Matter
        fields = ["q", "status", "category", "priority", "lawyer", "overdue", "unit"]

    def by_lawyer(self, queryset: QuerySet[Matter], name: str, value: str) -> QuerySet[Matter]:
        return queryset.filter(
            Q(assignments__person__name__icontains=value)
            | Q(assignments__person__name_initials=value.lower())
        ).distinct()

    def is_overdue(self, queryset: QuerySet[Matter], name: str, value: bool) -> QuerySet[Matter]:
        late = Q(deadline__lt=timezone.localdate()) & ~Q(status=MatterStatus.CLOSED)
        return queryset.filter(late if value else ~late)
