"""The audit administrator's filters: actor, object (type, id or name), action group or
action, request, and a range of Beijing dates (ADR 0017)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

import django_filters as filters
from auditlog.models import LogEntry
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Concat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .audit_actions import actions
from .audit_display import ENTRY_ACTIONS
from .choices import ExportFormat, ExportStatus
from .models import AuditEvent, ExportJob


def beijing_midnight(day: date) -> datetime:
    """The start of a Beijing calendar day. The trail is stored in UTC: comparing with this
    instant (not `__date`) keeps a day's early hours in that day, and uses the index."""
    return timezone.make_aware(datetime.combine(day, time.min), timezone.get_default_timezone())


def object_type_choices() -> list[tuple[str, str]]:
    """The application's models (and django-axes' login records), by their names."""
    models = [
        m
        for m in apps.get_models()
        if m.__module__.startswith("govcounsel.") or m._meta.app_label == "axes"
    ]
    return sorted(
        ((m._meta.label_lower, str(m._meta.verbose_name)) for m in models), key=lambda c: c[1]
    )


def _content_type_id(value: str) -> int | None:
    try:
        return ContentType.objects.get_for_model(apps.get_model(value)).pk
    except (LookupError, ValueError):
        return None


def _actors_named(value: str) -> QuerySet[Any]:
    """Accounts whose login name or full name (姓 + 名) is `value`."""
    return (
        get_user_model()
        .objects.annotate(full_name=Concat("last_name", "first_name", output_field=CharField()))
        .filter(Q(username__iexact=value) | Q(full_name=value))
        .values("pk")
    )


class _AuditFilter(filters.FilterSet):
    """What both audit lists filter by; `at_field` names the time column."""

    at_field = "at"

    object_type = filters.ChoiceFilter(
        label=_("对象类型"), choices=object_type_choices, method="by_object_type"
    )
    since = filters.DateFilter(label=_("起始日期（北京时间）"), method="by_since")
    until = filters.DateFilter(label=_("截止日期（北京时间）"), method="by_until")

    def by_object_type(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return queryset.filter(content_type_id=_content_type_id(value))

    def by_since(self, queryset: QuerySet[Any], name: str, value: date) -> QuerySet[Any]:
        return queryset.filter(**{f"{self.at_field}__gte": beijing_midnight(value)})

    def by_until(self, queryset: QuerySet[Any], name: str, value: date) -> QuerySet[Any]:
        end = beijing_midnight(value + timedelta(days=1))
        return queryset.filter(**{f"{self.at_field}__lt": end})


class AuditEventFilter(_AuditFilter):
    group = filters.ChoiceFilter(
        label=_("事件类别"), choices=actions.group_choices, method="by_group"
    )
    action = filters.ChoiceFilter(label=_("事件"), choices=actions.action_choices)
    actor = filters.CharFilter(label=_("操作人（账号或姓名）"), method="by_actor")
    object_id = filters.CharFilter(label=_("对象编号"), field_name="object_id")
    q = filters.CharFilter(label=_("对象名称或地址"), method="search")
    request = filters.CharFilter(label=_("请求编号"), field_name="request_id")

    class Meta:
        model = AuditEvent
        fields = [
            "group",
            "action",
            "actor",
            "object_type",
            "object_id",
            "q",
            "request",
            "since",
            "until",
        ]

    def by_group(self, queryset: QuerySet[AuditEvent], name: str, value: str) -> QuerySet[Any]:
        return queryset.filter(action__in=actions.names_in(value))

    def by_actor(self, queryset: QuerySet[AuditEvent], name: str, value: str) -> QuerySet[Any]:
        value = value.strip()
        return queryset.filter(Q(actor_name__iexact=value) | Q(actor__in=_actors_named(value)))

    def search(self, queryset: QuerySet[AuditEvent], name: str, value: str) -> QuerySet[AuditEvent]:
        return queryset.filter(
            Q(object_repr__icontains=value) | Q(client_address__startswith=value)
        )


class ChangeFilter(_AuditFilter):
    at_field = "timestamp"

    action = filters.ChoiceFilter(label=_("操作"), choices=list(ENTRY_ACTIONS.items()))
    actor = filters.CharFilter(label=_("操作人（账号或姓名）"), method="by_actor")
    object_id = filters.CharFilter(label=_("对象编号"), field_name="object_pk")
    q = filters.CharFilter(label=_("对象名称"), field_name="object_repr", lookup_expr="icontains")
    request = filters.CharFilter(label=_("请求编号"), field_name="cid")

    class Meta:
        model = LogEntry
        fields = ["object_type", "object_id", "actor", "action", "q", "request", "since", "until"]

    def by_actor(self, queryset: QuerySet[LogEntry], name: str, value: str) -> QuerySet[Any]:
        return queryset.filter(actor__in=_actors_named(value.strip()))


class ExportJobFilter(filters.FilterSet):
    """One's own exports: by name and by where they stand."""

    q = filters.CharFilter(label=_("名称"), field_name="title", lookup_expr="icontains")
    status = filters.ChoiceFilter(label=_("状态"), choices=ExportStatus.choices)
    format = filters.ChoiceFilter(label=_("格式"), choices=ExportFormat.choices)

    class Meta:
        model = ExportJob
        fields = ["q", "status", "format"]
