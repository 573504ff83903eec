"""Pages of the talent pool and dispatch (001 一(三))."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import UserPassesTestMixin
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.choices import Role
from govcounsel.core.fields import ScopedForm, ScopedModelChoiceField
from govcounsel.core.forms import DateInput, form_page
from govcounsel.core.scoping import get_visible_or_404
from govcounsel.core.views import ScopedListView
from govcounsel.organisations.models import Unit
from govcounsel.people.models import Person

from .. import services
from ..choices import DispatchStatus, DutyCategory
from ..filters import DispatchFilter, PoolFilter
from ..models import DispatchRequest, Expertise
from ..reports import DispatchReport, PoolReport
from ..selectors import pool_of, rank_candidates


class DispatchRequestForm(ScopedForm):
    unit = ScopedModelChoiceField(Unit, label=_("申请单位"))
    category = forms.ChoiceField(label=_("事项类别"), choices=DutyCategory.choices)
    expertise = ScopedModelChoiceField(Expertise, label=_("所需专长"), required=False)
    starts_on = forms.DateField(label=_("开始日期"), widget=DateInput())
    ends_on = forms.DateField(label=_("结束日期"), widget=DateInput())
    reason = forms.CharField(label=_("申请理由"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        # A unit asks through its own rule-of-law office.
        self.scoped_field("unit").narrow(Unit.objects.reached_by(user, Role.UNIT_ADMIN))
        # The superiors keep the list (专长目录); a retired field is no longer asked for.
        self.scoped_field("expertise").narrow(Expertise.objects.in_use())


class DispatchListView(ScopedListView):
    """Dispatch requests seen from both ends: the asking unit and the superior's system."""

    model = DispatchRequest
    filterset_class = DispatchFilter
    report_class = DispatchReport
    export_name = "跨单位调派"
    page_title = _("跨单位调派公职律师")
    select_related = ("unit", "superior", "lawyer")
    detail_url_name = "matters:dispatch"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        # The request form's own gate (DispatchRequestForm): a unit whose office one runs.
        may_ask = Unit.objects.reached_by(self.request.user, Role.UNIT_ADMIN).exists()
        context["create_url"] = "matters:dispatch-new" if may_ask else None
        return context


@login_required
def dispatch_new(request: HttpRequest) -> HttpResponse:
    form = DispatchRequestForm(request.POST or None, user=request.user)
    if not form.fields["unit"].queryset.exists():  # type: ignore[attr-defined]
        raise PermissionDenied
    return form_page(
        request,
        form,
        lambda: services.request_dispatch(by=request.user, **form.cleaned_data),
        success=_("调派申请已提交上级单位。"),
        next_url=lambda created: created.get_absolute_url(),
        context={"title": _("申请调派公职律师")},
    )


@login_required
def dispatch_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_visible_or_404(
        DispatchRequest.objects.select_related("unit__region", "superior"),
        request.user,
        request=request,
        pk=pk,
    )
    may_dispatch = (
        request.user.has_perm("matters.dispatch", item) and item.status == DispatchStatus.OPEN
    )
    candidates = rank_candidates(item) if may_dispatch else []
    return render(
        request,
        "matters/dispatch_detail.html",
        {"item": item, "may_dispatch": may_dispatch, "candidates": candidates},
    )


class PoolView(UserPassesTestMixin, ScopedListView):
    """The superior unit's talent pool: its system's lawyers, their expertise and load."""

    model = Person
    filterset_class = PoolFilter
    report_class = PoolReport
    export_name = "人才库"
    page_title = _("本系统公职律师人才库")
    template_name = "matters/pool.html"

    def test_func(self) -> bool:
        return Unit.objects.heads_for(self.request.user).exists()

    def base_queryset(self) -> QuerySet[Person]:
        # The pool is the systems the user heads (001 一(三)), not the people they see.
        return pool_of(Unit.objects.heads_for(self.request.user))
