from __future__ import annotations

import django_filters as filters
from auditlog.models import LogEntry
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from .models import AuditEvent


class AuditEventFilter(filters.FilterSet):
    action = filters.CharFilter(
        label=_("事件（前缀）"), field_name="action", lookup_expr="startswith"
    )
    actor = filters.CharFilter(label=_("操作人账号"), field_name="actor_name", lookup_expr="iexact")
    q = filters.CharFilter(label=_("对象或地址"), method="search")
    since = filters.DateFilter(label=_("起始日期"), field_name="at", lookup_expr="date__gte")
    until = filters.DateFilter(label=_("截止日期"), field_name="at", lookup_expr="date__lte")

    class Meta:
        model = AuditEvent
        fields = ["action", "actor", "q", "since", "until"]

    def search(self, queryset: QuerySet[AuditEvent], name: str, value: str) -> QuerySet[AuditEvent]:
        return queryset.filter(
            Q(object_repr__icontains=value) | Q(client_address__startswith=value)
        )


class ChangeFilter(filters.FilterSet):
    model = filters.CharFilter(
        label=_("数据类型"), field_name="content_type__model", lookup_expr="iexact"
    )
    actor = filters.CharFilter(
        label=_("操作人账号"), field_name="actor__username", lookup_expr="iexact"
    )
    action = filters.ChoiceFilter(label=_("操作"), choices=LogEntry.Action.choices)
    q = filters.CharFilter(label=_("对象"), field_name="object_repr", lookup_expr="icontains")
    since = filters.DateFilter(label=_("起始日期"), field_name="timestamp", lookup_expr="date__gte")
    until = filters.DateFilter(label=_("截止日期"), field_name="timestamp", lookup_expr="date__lte")

    class Meta:
        model = LogEntry
        fields = ["model", "actor", "action", "q", "since", "until"]
