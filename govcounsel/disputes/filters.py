from __future__ import annotations

from typing import Any

import django_filters as filters
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.organisations.filters import yes_no
from govcounsel.organisations.models import Unit

from .choices import FINISHED, DisputeStatus, Origin, Outcome
from .models import Dispute
from .selectors import open_conflicts, worked_by


def _units(request: Any) -> QuerySet[Unit]:
    """The organs whose disputes the user reads (visible_to decides the rows anyway)."""
    user = getattr(request, "user", None)
    return Unit.objects.filter(pk__in=Dispute.objects.visible_to(user).values("unit_id")).order_by(
        "name"
    )


def clock_overdue_q() -> Q:
    """Open, with a statutory clock past its last day (002 §8)."""
    return Q(clock_deadline__lt=timezone.localdate()) & ~Q(status__in=FINISHED)


class DisputeFilter(filters.FilterSet):
    q = filters.CharFilter(label=_("争议名称或相对人"), method="search")
    status = filters.ChoiceFilter(label=_("状态"), choices=DisputeStatus.choices)
    origin = filters.ChoiceFilter(label=_("争议来源"), choices=Origin.choices)
    outcome = filters.ChoiceFilter(label=_("化解结果"), choices=Outcome.choices)
    unit = filters.ModelChoiceFilter(label=_("行政机关"), queryset=_units, field_name="unit")
    open = yes_no(_("未办结"), method="is_open")
    overdue = yes_no(_("法定期限已届满"), method="is_overdue")
    conflicts = yes_no(_("工作冲突待处理"), method="with_open_conflicts")
    working = yes_no(_("我参与的"), method="worked_by_me")
    by_centre = yes_no(_("由和解中心登记"), method="registered_by_centre")

    class Meta:
        model = Dispute
        fields = [
            "q",
            "status",
            "origin",
            "outcome",
            "unit",
            "open",
            "overdue",
            "conflicts",
            "working",
            "by_centre",
        ]

    def search(self, queryset: QuerySet[Dispute], name: str, value: str) -> QuerySet[Dispute]:
        return queryset.filter(Q(title__icontains=value) | Q(counterparty_name__icontains=value))

    def is_open(self, queryset: QuerySet[Dispute], name: str, value: bool) -> QuerySet[Dispute]:
        finished = Q(status__in=FINISHED)
        return queryset.filter(~finished if value else finished)

    def is_overdue(self, queryset: QuerySet[Dispute], name: str, value: bool) -> QuerySet[Dispute]:
        late = clock_overdue_q()
        return queryset.filter(late if value else ~late)

    def with_open_conflicts(
        self, queryset: QuerySet[Dispute], name: str, value: bool
    ) -> QuerySet[Dispute]:
        return queryset.filter(open_conflicts() if value else ~open_conflicts())

    def worked_by_me(
        self, queryset: QuerySet[Dispute], name: str, value: bool
    ) -> QuerySet[Dispute]:
        person_id = getattr(getattr(self.request, "user", None), "person_id", None)
        mine = worked_by(person_id)
        return queryset.filter(mine if value else ~mine)

    def registered_by_centre(
        self, queryset: QuerySet[Dispute], name: str, value: bool
    ) -> QuerySet[Dispute]:
        return queryset.filter(registered_by_centre=value)
