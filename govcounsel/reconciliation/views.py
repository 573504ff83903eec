"""Pages of the reconciliation centre: the pool, organs that nominated nobody, disputes to
assign, the assignment page, sessions, the ledger; an organ's nominations; a lawyer's own
mediation work (002 §10)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import UserPassesTestMixin
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.choices import Role
from govcounsel.core.forms import form_page
from govcounsel.core.scoping import get_visible_or_404, scope_of
from govcounsel.core.views import ScopedListView
from govcounsel.core.views.base import bootstrap_form
from govcounsel.disputes.models import Dispute
from govcounsel.organisations.models import Region, Unit

from . import selectors, services
from .filters import (
    AwaitingFilter,
    MineFilter,
    NominationFilter,
    PoolRuleFilter,
    SessionFilter,
    UnitFilter,
)
from .forms import DrawForm, NominationForm, PoolRuleForm, SessionForm
from .models import MediationSession, MediatorAssignment, MediatorDraw, Nomination, PoolRule
from .reports import (
    AwaitingReport,
    LedgerReport,
    MineReport,
    MissingReport,
    NominationReport,
    PoolRuleReport,
    SessionReport,
)
from .rules import keeps_a_pool


def _year(request: HttpRequest) -> int:
    raw = request.GET.get("year", "")
    return int(raw) if raw.isdigit() and 2000 <= int(raw) <= 2100 else timezone.localdate().year


def centre_paths(user: Any) -> list[str]:
    """The paths of the regions the user keeps a pool for (their centre's grants)."""
    return list(scope_of(user, Role.RECONCILIATION_ADMIN).region_paths)


def under(paths: list[str], lookup: str) -> Q:
    where = Q(pk__in=[])
    for path in paths:
        where |= Q(**{f"{lookup}__startswith": path})
    return where


class CentreOnly(UserPassesTestMixin):
    request: HttpRequest

    def test_func(self) -> bool:
        return keeps_a_pool(self.request.user)


class PoolRuleListView(ScopedListView):
    model = PoolRule
    filterset_class = PoolRuleFilter
    report_class = PoolRuleReport
    export_name = "人才库规则"
    page_title = _("和解调解员人才库规则")
    select_related = ("region",)
    detail_url_name = "reconciliation:rule"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["create_url"] = (
            "reconciliation:rule-new" if keeps_a_pool(self.request.user) else None
        )
        return context


@login_required
def rule_detail(request: HttpRequest, pk: int) -> HttpResponse:
    rule = get_visible_or_404(
        PoolRule.objects.select_related("region"), request.user, request=request, pk=pk
    )
    return render(request, "reconciliation/rule_detail.html", {"rule": rule})


@login_required
def rule_new(request: HttpRequest) -> HttpResponse:
    paths = sorted(centre_paths(request.user))
    region = Region.objects.filter(path=paths[0]).first() if paths else None
    if region is None:
        raise PermissionDenied
    form = PoolRuleForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda: services.create_rule(by=request.user, region=region, **form.service_fields()),
        success=_("已新增人才库规则。"),
        next_url=lambda rule: rule.get_absolute_url(),
        context={"title": _("新增人才库规则"), "subject": region},
    )


class NominationListView(ScopedListView):
    """The pool: the centre sees its region's nominations, an organ its own."""

    model = Nomination
    filterset_class = NominationFilter
    report_class = NominationReport
    export_name = "和解调解员人才库"
    page_title = _("和解调解员人才库")
    select_related = ("unit", "person")
    detail_url_name = "reconciliation:nomination"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        may_nominate = Unit.objects.run_by(self.request.user).exists()
        context["create_url"] = "reconciliation:nominate" if may_nominate else None
        return context


@login_required
def nomination_detail(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = get_visible_or_404(
        Nomination.objects.select_related("unit", "person", "rule", "renewed_from"),
        request.user,
        request=request,
        pk=pk,
    )
    return render(
        request,
        "reconciliation/nomination_detail.html",
        {
            "nomination": nomination,
            "assignments": nomination.assignments.select_related("dispute"),
        },
    )


@login_required
def nominate(request: HttpRequest) -> HttpResponse:
    form = NominationForm(request.POST or None, user=request.user)
    if not form.fields["unit"].queryset.exists():  # type: ignore[attr-defined]
        raise PermissionDenied
    return form_page(
        request,
        form,
        lambda: services.nominate(by=request.user, **form.cleaned_data),
        success=_("已推荐和解调解员。"),
        next_url=lambda nomination: nomination.get_absolute_url(),
        context={"title": _("推荐和解调解员")},
    )


class MissingListView(CentreOnly, ScopedListView):
    """未推荐单位: the organs of the centre's region with no mediator nominated in the year."""

    model = Unit
    filterset_class = UnitFilter
    report_class = MissingReport
    export_name = "未推荐单位"
    page_title = _("未推荐和解调解员的单位")
    select_related = ("region",)

    def base_queryset(self) -> QuerySet[Any]:
        obliged = selectors.obliged_units(centre_paths(self.request.user))
        units = super().base_queryset().filter(pk__in=obliged.values("pk"))
        return selectors.missing_units(units, _year(self.request))


class AwaitingListView(CentreOnly, ScopedListView):
    """Disputes the centre works with no active mediator yet."""

    model = Dispute
    filterset_class = AwaitingFilter
    report_class = AwaitingReport
    export_name = "待委派争议"
    page_title = _("待委派和解调解员的争议")
    select_related = ("unit",)
    detail_url_name = "reconciliation:assign"

    def base_queryset(self) -> QuerySet[Any]:
        paths = centre_paths(self.request.user)
        return selectors.awaiting_mediator(
            super().base_queryset().filter(under(paths, "unit__region__path"))
        )


@login_required
def assign(request: HttpRequest, pk: int) -> HttpResponse:
    """The dispute seen by the centre: the rule that applies, every nominee eligible or not
    (with reasons), the draws and mediators, and a draw."""
    dispute = get_visible_or_404(
        Dispute.objects.select_related("unit", "unit__region"), request.user, request=request, pk=pk
    )
    may_assign = request.user.has_perm("reconciliation.assign", dispute)
    rule = selectors.rule_in_force(dispute.unit.region)
    form = DrawForm(request.POST or None)
    if request.method == "POST":
        if not may_assign:
            raise PermissionDenied
        return form_page(
            request,
            form,
            lambda: services.draw_mediators(
                dispute=dispute,
                by=request.user,
                wanted=form.cleaned_data.get("wanted"),
                note=form.cleaned_data.get("note") or "",
            ),
            success=_("已抽取和解调解员。"),
            next_url=lambda draw: reverse("reconciliation:assign", args=[dispute.pk]),
            template="reconciliation/assign.html",
            context=_assign_context(request, dispute, rule, may_assign),
        )
    return render(
        request,
        "reconciliation/assign.html",
        {"form": bootstrap_form(form), **_assign_context(request, dispute, rule, may_assign)},
    )


def _assign_context(
    request: HttpRequest, dispute: Dispute, rule: Any, may_assign: bool
) -> dict[str, Any]:
    return {
        "dispute": dispute,
        "rule": rule,
        "may_assign": may_assign and dispute.status in services.WORKED,
        "rows": selectors.eligibility(dispute, rule) if rule and may_assign else [],
        "assignments": MediatorAssignment.objects.visible_to(request.user)
        .filter(dispute=dispute)
        .select_related("person", "nomination__unit"),
        "draws": MediatorDraw.objects.visible_to(request.user).filter(dispute=dispute),
        "sessions": MediationSession.objects.visible_to(request.user)
        .filter(dispute=dispute)
        .prefetch_related("mediators"),
    }


@login_required
def draw_detail(request: HttpRequest, pk: int) -> HttpResponse:
    draw = get_visible_or_404(
        MediatorDraw.objects.select_related("dispute", "rule", "rule__region", "drawn_by"),
        request.user,
        request=request,
        pk=pk,
    )
    names = dict(draw.assignments.values_list("person_id", "person__name"))
    return render(request, "reconciliation/draw_detail.html", {"draw": draw, "names": names})


class SessionListView(ScopedListView):
    """Sessions, soonest last: the centre's calendar; ?day= for one day."""

    model = MediationSession
    filterset_class = SessionFilter
    report_class = SessionReport
    export_name = "和解调解会"
    page_title = _("和解调解会")
    select_related = ("dispute",)
    prefetch_related = ("mediators",)
    detail_url_name = "reconciliation:session"


@login_required
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_visible_or_404(
        MediationSession.objects.select_related("dispute", "dispute__unit"),
        request.user,
        request=request,
        pk=pk,
    )
    return render(request, "reconciliation/session_detail.html", {"session": session})


@login_required
def session_new(request: HttpRequest, pk: int) -> HttpResponse:
    dispute = get_visible_or_404(
        Dispute.objects.select_related("unit", "unit__region"), request.user, request=request, pk=pk
    )
    if not request.user.has_perm("reconciliation.assign", dispute):
        raise PermissionDenied
    form = SessionForm(request.POST or None, user=request.user, dispute=dispute)
    return form_page(
        request,
        form,
        lambda: services.schedule_session(dispute=dispute, by=request.user, **form.cleaned_data),
        success=_("已安排和解调解会。"),
        next_url=lambda session: session.get_absolute_url(),
        context={"title": _("安排和解调解会"), "subject": dispute},
    )


class LedgerView(ScopedListView):
    """台账 (002 §10): per organ, mediators contributed, sessions held, disputes received.
    The centre sees its region's organs; an organ's office its own line."""

    model = Unit
    filterset_class = UnitFilter
    report_class = LedgerReport
    export_name = "和解调解工作台账"
    page_title = _("和解调解工作台账")

    def base_queryset(self) -> QuerySet[Any]:
        user = self.request.user
        obliged = selectors.obliged_units(centre_paths(user))
        condition = Q(pk__in=Unit.objects.run_by(user).values("pk")) | Q(
            pk__in=obliged.values("pk")
        )
        units = Unit.objects.visible_to(user).filter(condition).select_related("region")
        return selectors.with_ledger(units, _year(self.request))


class MineView(ScopedListView):
    """我的和解调解: the lawyer's parts as mediator, with their sessions."""

    model = MediatorAssignment
    filterset_class = MineFilter
    report_class = MineReport
    export_name = "我的和解调解"
    page_title = _("我的和解调解")
    template_name = "reconciliation/mine.html"
    select_related = ("dispute", "dispute__unit")

    def base_queryset(self) -> QuerySet[Any]:
        person_id = getattr(self.request.user, "person_id", None)
        return super().base_queryset().filter(person_id=person_id)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        person_id = getattr(self.request.user, "person_id", None)
        context["sessions"] = (
            MediationSession.objects.visible_to(self.request.user)
            .filter(mediators=person_id)
            .select_related("dispute")
            .order_by("starts_at")[:50]
            if person_id
            else []
        )
        return context
