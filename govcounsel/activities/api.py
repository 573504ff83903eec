"""Activities in the API: list and read in scope, record (POST), correct (PATCH), and the
`edit` and `delete` verbs (POST <id>/delete/)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from govcounsel.core.api import ScopedViewSet
from govcounsel.core.fields import ScopedRelatedField
from govcounsel.disputes.models import Dispute
from govcounsel.matters.models import Matter
from govcounsel.people.models import Person

from . import services
from .choices import ActivityKind
from .filters import ActivityFilter
from .models import Activity
from .selectors import recordable_people


class ActivitySerializer(serializers.ModelSerializer):
    # A text, not a choice: a kind that is a record of its own is answered with where it
    # comes from (FROM_RECORDS), not with "not a valid choice".
    kind = serializers.CharField(
        help_text="、".join(f"{value}：{label}" for value, label in ActivityKind.choices)
    )
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    group = serializers.CharField(read_only=True)
    people = ScopedRelatedField(Person, scope=recordable_people, many=True)
    people_names = serializers.CharField(read_only=True)
    matter = ScopedRelatedField(Matter, required=False, allow_null=True)
    dispute = ScopedRelatedField(Dispute, required=False, allow_null=True)
    unit_name = serializers.CharField(source="unit.name", read_only=True)

    class Meta:
        model = Activity
        fields = [
            "id",
            "unit",
            "unit_name",
            "kind",
            "kind_label",
            "group",
            "day",
            "title",
            "description",
            "place",
            "audience",
            "hours",
            "people",
            "people_names",
            "matter",
            "dispute",
            "source",
            "recorded_by",
            "recorded_at",
        ]
        read_only_fields = ["unit", "source", "recorded_by", "recorded_at"]

    def validate_kind(self, value: str) -> str:
        services.refuse_record_kinds(value)
        if value not in ActivityKind.values:
            raise serializers.ValidationError(_("请选择有效的活动类别。"))
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        instance = self.instance
        if instance is not None and "people" in attrs:
            named = {p.pk for p in attrs.pop("people")}
            if named != {p.pk for p in instance.people.all()}:
                raise serializers.ValidationError(
                    {"people": [_("参加人不能更改；如登记有误，请删除后重新登记。")]}
                )
        return attrs


class ActivityViewSet(ScopedViewSet):
    """Activities of public lawyers (002 §7, §14): a lawyer records their own, the unit's
    office records for its lawyers; the supervisor and the justice bureau read their region."""

    model = Activity
    serializer_class = ActivitySerializer
    filterset_class = ActivityFilter
    select_related = ("unit",)
    ordering = ["-day", "-id"]
    create_service = services.record_activity
    update_service = services.update_activity
    update_target = "activity"

    def get_queryset(self) -> QuerySet[Any]:
        return super().get_queryset().prefetch_related("people")
