"""The awards pages: cycles (opened here by the committee office), one cycle with its
candidates and figures, the decision as issued, rules, awardees and the lawyers awarded
more than once (002 §19, §20). The verbs come from verbs.py."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import UserPassesTestMixin
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from govcounsel.core.errors import DomainError
from govcounsel.core.forms import form_page
from govcounsel.core.scoping import get_visible_or_404
from govcounsel.core.views import ScopedListView
from govcounsel.core.views.base import bootstrap_form
from govcounsel.core.views.verbs import document_response
from govcounsel.organisations.models import Region
from govcounsel.people.models import Person

from . import selectors, services
from .filters import CandidateFilter, CycleFilter, RepeatedFilter, RuleFilter
from .forms import OpenCycleForm, RuleForm
from .models import AwardCycle, AwardRule, Candidate
from .reports import AwardeeReport, CycleReport, RepeatedReport, RuleReport
from .rules import reads_awards, reads_repeated


class _ReadsAwards(UserPassesTestMixin):
    request: HttpRequest

    def test_func(self) -> bool:
        return bool(reads_awards(self.request.user))  # 三员分立: not for the admin duties


class _WithForm:
    """A register with a form on top for those who may use it (open a cycle, add a rule)."""

    request: HttpRequest
    form_class: Any
    # The service the form runs, declared by each register: called with the acting user as
    # `by` and the form's cleaned data.
    create_service: Callable[..., Any]
    success: Any = ""
    submit_label: Any = ""

    def may_use_form(self) -> bool:
        user = self.request.user
        return Region.objects.supervised_by(user).exists()

    def make_form(self) -> Any:
        if not self.may_use_form():
            return None
        return self.form_class(self.request.POST or None, user=self.request.user)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = self.make_form()
        if form is None:
            raise PermissionDenied
        self.form = form
        self.object_list = self.get_queryset()  # type: ignore[attr-defined]
        return form_page(
            request,
            form,
            lambda: self.create_service(by=request.user, **form.cleaned_data),
            success=self.success,
            next_url=lambda obj: obj.get_absolute_url(),
            template=str(getattr(self, "template_name", "")),
            context=self.get_context_data(),
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)  # type: ignore[misc]
        form = getattr(self, "form", None) or self.make_form()
        context["form"] = bootstrap_form(form) if form is not None else None
        context["submit_label"] = self.submit_label
        return context


class CycleListView(_ReadsAwards, _WithForm, ScopedListView):
    model = AwardCycle
    filterset_class = CycleFilter
    report_class = CycleReport
    export_name = "评选表彰"
    page_title = _("公职律师参与行政纠纷化解工作评选表彰")
    submit_label = _("启动评选")
    template_name = "awards/register_form.html"
    select_related = ("region", "rule", "decision")
    detail_url_name = "awards:cycle"
    form_class = OpenCycleForm
    success = _("已启动评选，已通知司法局组织推荐候选。")

    create_service = staticmethod(services.open_cycle)


class RuleListView(_ReadsAwards, _WithForm, ScopedListView):
    model = AwardRule
    filterset_class = RuleFilter
    report_class = RuleReport
    export_name = "评选规则"
    page_title = _("评选规则")
    submit_label = _("登记规则")
    template_name = "awards/register_form.html"
    select_related = ("region",)
    form_class = RuleForm
    success = _("已登记评选规则。")

    create_service = staticmethod(services.create_rule)


class AwardeeListView(_ReadsAwards, ScopedListView):
    model = Candidate
    filterset_class = CandidateFilter
    report_class = AwardeeReport
    export_name = "表彰名单"
    page_title = _("表彰名单")
    select_related = ("cycle__region", "cycle__decision", "unit", "person")
    detail_url_name = None

    def base_queryset(self) -> QuerySet[Any]:
        return super().base_queryset().filter(awarded=True).order_by("-cycle__year", "kind", "id")


class RepeatedListView(UserPassesTestMixin, ScopedListView):
    """多次评优公职律师 (002 §19): priority in talent recommendation, selection, promotion."""

    model = Person
    filterset_class = RepeatedFilter
    report_class = RepeatedReport
    export_name = "多次评优公职律师"
    page_title = _("多次评优公职律师")
    select_related = ("unit",)
    detail_url_name = "people:person"

    def test_func(self) -> bool:
        return bool(reads_repeated(self.request.user))

    def base_queryset(self) -> QuerySet[Any]:
        people = Person.objects.visible_to(self.request.user).select_related("unit")
        ranked: QuerySet[Any] = selectors.repeatedly_awarded(people)
        return ranked.order_by("-award_count", "name", "pk")


def _cycle(request: HttpRequest, pk: int) -> AwardCycle:
    if not reads_awards(request.user):
        raise PermissionDenied
    return get_visible_or_404(
        AwardCycle.objects.select_related("region", "rule__region", "decision"),
        request.user,
        request=request,
        pk=pk,
    )


@login_required
def cycle_detail(request: HttpRequest, pk: int) -> HttpResponse:
    cycle = _cycle(request, pk)
    candidates = cycle.candidates.select_related("unit", "person", "cycle").order_by(
        "kind", "unit__name", "person__name", "id"
    )
    rows = selectors.candidate_rows(cycle, candidates)
    withdrawable = {
        row.candidate.pk
        for row in rows
        if cycle.is_open and request.user.has_perm("awards.withdraw_candidate", row.candidate)
    }
    return render(
        request,
        "awards/cycle_detail.html",
        {
            "cycle": cycle,
            "rule": cycle.rule,
            "rows": rows,
            "labels": [label for _key, label in selectors.FIGURE_LABELS],
            "withdrawable": withdrawable,
            "assessment_note": selectors.ASSESSMENT_NOTE,
            "steps": cycle.steps.select_related("actor"),
        },
    )


@login_required
def decision_download(request: HttpRequest, pk: int) -> HttpResponse:
    cycle = _cycle(request, pk)
    try:
        document = services.decision_file(cycle=cycle, by=request.user)
    except DomainError:
        raise Http404 from None
    return document_response(document)
