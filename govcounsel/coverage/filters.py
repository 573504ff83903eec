"""Filters of the coverage registers."""

from __future__ import annotations

import django_filters as filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from .choices import BulletinStatus
from .models import Bulletin


class BulletinFilter(filters.FilterSet):
    q = filters.CharFilter(label=_("区域名称或代码"), method="search")
    year = filters.NumberFilter(label=_("年度"))
    quarter = filters.ChoiceFilter(
        label=_("季度"), choices=[(q, _("第%(q)d季度") % {"q": q}) for q in (1, 2, 3, 4)]
    )
    status = filters.ChoiceFilter(label=_("状态"), choices=BulletinStatus.choices)

    class Meta:
        model = Bulletin
        fields = ["q", "year", "quarter", "status"]

    def search(self, queryset: QuerySet[Bulletin], name: str, value: str) -> QuerySet[Bulletin]:
        return queryset.filter(Q(region__name__icontains=value) | Q(region__code=value))
