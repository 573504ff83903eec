from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import django_filters as filters
from django import forms
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.choices import Role
from govcounsel.organisations.filters import yes_no
from govcounsel.organisations.models import Unit
from govcounsel.people.models import Person

from .choices import (
    FINISHED,
    AssignmentStatus,
    DispatchStatus,
    DutyCategory,
    MatterStatus,
    Priority,
)
from .models import Assignment, DecisionItem, DispatchRequest, Expertise, Matter

UNJUDGED = "unjudged"


def unjudged_declines() -> Exists:
    """001 三(三): a decline whose reason the office has not yet judged."""
    return Exists(
        Assignment.objects.filter(
            matter=OuterRef("pk"),
            status=AssignmentStatus.DECLINED,
            decline_justified__isnull=True,
        )
    )


def lead_waiting_for(person_id: Any) -> Exists:
    """The person is the matter's lead and has not yet accepted or declined it."""
    return Exists(
        Assignment.objects.filter(
            matter=OuterRef("pk"),
            person_id=person_id,
            is_lead=True,
            status=AssignmentStatus.PENDING,
        )
    )


def handled_by(person_id: Any) -> Exists:
    """The person is on the matter, lead or co-handler, and has not declined it."""
    return Exists(
        Assignment.objects.filter(matter=OuterRef("pk"), person_id=person_id).exclude(
            status=AssignmentStatus.DECLINED
        )
    )


def due_within(days: int) -> Q:
    """Open, with a deadline at most `days` days from today (overdue ones included)."""
    last = timezone.localdate() + timedelta(days=days)
    return Q(deadline__lte=last) & ~Q(status__in=FINISHED)


def systems_headed_by(user: Any) -> QuerySet[Unit]:
    """The units of the vertical systems the user administers as a superior unit: requests
    addressed to one of them wait for the user's decision (rule matters.dispatch)."""
    return Unit.objects.reached_by(user, Role.SUPERIOR_ADMIN)


def _person_of(request: Any) -> int | None:
    return getattr(getattr(request, "user", None), "person_id", None)


class MatterFilter(filters.FilterSet):
    q = filters.CharFilter(label=_("事项名称"), field_name="title", lookup_expr="icontains")
    status = filters.ChoiceFilter(label=_("状态"), choices=MatterStatus.choices)
    category = filters.ChoiceFilter(label=_("职责类别"), choices=DutyCategory.choices)
    priority = filters.ChoiceFilter(label=_("紧急程度"), choices=Priority.choices)
    lawyer = filters.CharFilter(label=_("承办律师"), method="by_lawyer")
    overdue = yes_no(_("已超期"), method="is_overdue")
    declines = filters.ChoiceFilter(
        label=_("拒绝承办"), choices=[(UNJUDGED, _("理由待认定"))], method="by_declines"
    )
    to_accept = yes_no(_("待我接受"), method="waiting_for_me")
    handling = yes_no(_("我承办的"), method="handled_by_me")
    due_within = filters.NumberFilter(
        label=_("期限在几日内"), method="by_due_within", min_value=0, max_value=366
    )
    unit = filters.NumberFilter(field_name="unit_id", widget=forms.HiddenInput)

    class Meta:
        model = Matter
        fields = [
            "q",
            "status",
            "category",
            "priority",
            "lawyer",
            "overdue",
            "declines",
            "to_accept",
            "handling",
            "due_within",
            "unit",
        ]

    def by_lawyer(self, queryset: QuerySet[Matter], name: str, value: str) -> QuerySet[Matter]:
        return queryset.filter(
            Q(assignments__person__name__icontains=value)
            | Q(assignments__person__name_initials=value.lower())
        ).distinct()

    def is_overdue(self, queryset: QuerySet[Matter], name: str, value: bool) -> QuerySet[Matter]:
        late = Q(deadline__lt=timezone.localdate()) & ~Q(status__in=FINISHED)
        return queryset.filter(late if value else ~late)

    def by_declines(self, queryset: QuerySet[Matter], name: str, value: str) -> QuerySet[Matter]:
        return queryset.filter(unjudged_declines()) if value == UNJUDGED else queryset

    def waiting_for_me(
        self, queryset: QuerySet[Matter], name: str, value: bool
    ) -> QuerySet[Matter]:
        waiting = lead_waiting_for(_person_of(self.request))
        return queryset.filter(waiting if value else ~waiting)

    def handled_by_me(self, queryset: QuerySet[Matter], name: str, value: bool) -> QuerySet[Matter]:
        mine = handled_by(_person_of(self.request))
        return queryset.filter(mine if value else ~mine)

    def by_due_within(
        self, queryset: QuerySet[Matter], name: str, value: Decimal
    ) -> QuerySet[Matter]:
        return queryset.filter(due_within(int(value)))


class DispatchFilter(filters.FilterSet):
    q = filters.CharFilter(label=_("单位或律师"), method="search")
    status = filters.ChoiceFilter(label=_("状态"), choices=DispatchStatus.choices)
    category = filters.ChoiceFilter(label=_("事项类别"), choices=DutyCategory.choices)
    to_me = yes_no(_("待我调派"), method="addressed_to_me")

    class Meta:
        model = DispatchRequest
        fields = ["q", "status", "category", "to_me"]

    def addressed_to_me(
        self, queryset: QuerySet[DispatchRequest], name: str, value: bool
    ) -> QuerySet[DispatchRequest]:
        mine = Q(superior__in=systems_headed_by(getattr(self.request, "user", None)))
        return queryset.filter(mine if value else ~mine)

    def search(
        self, queryset: QuerySet[DispatchRequest], name: str, value: str
    ) -> QuerySet[DispatchRequest]:
        return queryset.filter(
            Q(unit__name__icontains=value)
            | Q(superior__name__icontains=value)
            | Q(lawyer__name__icontains=value)
        )


class DecisionItemFilter(filters.FilterSet):
    q = filters.CharFilter(label=_("决策事项或决策"), method="search")
    active = yes_no(_("在用"), method="is_active")

    class Meta:
        model = DecisionItem
        fields = ["q", "active"]

    def search(
        self, queryset: QuerySet[DecisionItem], name: str, value: str
    ) -> QuerySet[DecisionItem]:
        return queryset.filter(
            Q(title__icontains=value) | Q(decisions__title__icontains=value)
        ).distinct()

    def is_active(
        self, queryset: QuerySet[DecisionItem], name: str, value: bool
    ) -> QuerySet[DecisionItem]:
        return queryset.filter(active=value)


class PoolFilter(filters.FilterSet):
    q = filters.CharFilter(label=_("律师或单位"), method="search")
    expertise = filters.ModelChoiceFilter(
        label=_("专长"), queryset=Expertise.objects.all(), field_name="expertise"
    )
    idle = yes_no(_("暂无在办事项"), method="without_load")

    class Meta:
        model = Person
        fields = ["q", "expertise", "idle"]

    def search(self, queryset: QuerySet[Person], name: str, value: str) -> QuerySet[Person]:
        return queryset.filter(Q(name__icontains=value) | Q(unit__name__icontains=value))

    def without_load(self, queryset: QuerySet[Person], name: str, value: bool) -> QuerySet[Person]:
        # `load` is annotated by selectors.pool_of, which the stubs cannot follow.
        return queryset.filter(**({"load": 0} if value else {"load__gt": 0}))


def _archive_lawyers(request: Any) -> QuerySet[Person]:
    from .archive import archive_lawyers

    return archive_lawyers(getattr(request, "user", None))


class ArchiveFilter(filters.FilterSet):
    """The work archive's choice: a lawyer (found by name or unit) and a year."""

    q = filters.CharFilter(label=_("律师或单位"), method="search")
    person = filters.ModelChoiceFilter(
        label=_("公职律师"), queryset=lambda request: _archive_lawyers(request), method="chosen"
    )
    year = filters.NumberFilter(label=_("年度"), method="the_year")

    class Meta:
        model = Person
        fields = ["q", "person", "year"]

    def search(self, queryset: QuerySet[Person], name: str, value: str) -> QuerySet[Person]:
        return queryset.filter(Q(name__icontains=value) | Q(unit__name__icontains=value))

    def chosen(self, queryset: QuerySet[Person], name: str, value: Any) -> QuerySet[Person]:
        # The page picks the chosen lawyer among those found; a choice is not a narrowing.
        return queryset

    def the_year(self, queryset: QuerySet[Person], name: str, value: Any) -> QuerySet[Person]:
        # The year is the archive's, not a property of the lawyers listed.
        return queryset
