"""The signed-in person's own notifications in the API: the inbox's list (newest first, by
keyset), marking one read, marking all read. Another person's notification answers 404,
as a missing one does."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from .models import Notification
from .notify import kinds
from .pagination import KeysetPagination


class NotificationSerializer(serializers.ModelSerializer):
    kind_label = serializers.SerializerMethodField()
    read = serializers.SerializerMethodField()

    class Meta:
        model = Notification
        fields = [
            "id",
            "kind",
            "kind_label",
            "title",
            "body",
            "url",
            "created_at",
            "read_at",
            "read",
        ]
        read_only_fields = fields

    def get_kind_label(self, notification: Notification) -> str:
        return str(kinds.label(notification.kind)) if notification.kind else ""

    def get_read(self, notification: Notification) -> bool:
        return notification.read_at is not None


class ReadAllAnswer(serializers.Serializer):
    marked = serializers.IntegerField(help_text=_("本次标为已读的通知条数。"))


class NotificationFilter(django_filters.FilterSet):
    # A choice, not BooleanFilter: a value other than true/false is refused (400), not ignored.
    unread = django_filters.ChoiceFilter(
        choices=[("true", _("仅未读")), ("false", _("仅已读"))],
        method="filter_unread",
        label=_("true：仅未读；false：仅已读"),
    )
    kind = django_filters.CharFilter(label=_("通知类别"))

    class Meta:
        model = Notification
        fields = ["unread", "kind"]

    def filter_unread(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return queryset.filter(read_at__isnull=value == "true")


class NotificationViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """The caller's own notifications, newest first."""

    serializer_class = NotificationSerializer
    pagination_class = KeysetPagination.by("created_at")
    filterset_class = NotificationFilter
    ordering_fields: list[str] = []
    queryset = Notification.objects.none()

    def get_queryset(self) -> QuerySet[Notification]:
        return Notification.objects.filter(recipient_id=self.request.user.pk)

    @extend_schema(request=None, responses=NotificationSerializer, summary=str(_("标为已读")))
    @action(detail=True, methods=["post"], url_path="read", url_name="read")
    def read(self, request: Request, pk: str | None = None) -> Response:
        notification = get_object_or_404(self.get_queryset(), pk=pk)
        if notification.read_at is None:
            notification.read_at = timezone.now()
            notification.save(update_fields=["read_at"])
        return Response(self.get_serializer(notification).data)

    @extend_schema(request=None, responses=ReadAllAnswer, summary=str(_("全部标为已读")))
    @action(detail=False, methods=["post"], url_path="read-all", url_name="read-all")
    def read_all(self, request: Request) -> Response:
        marked = self.get_queryset().filter(read_at__isnull=True).update(read_at=timezone.now())
        return Response({"marked": marked})
