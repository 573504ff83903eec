from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from govcounsel.accounts.choices import UNIT_ROLES
from govcounsel.accounts.scopes import scope_for
from govcounsel.core.dates import parse_day
from govcounsel.core.errors import DomainError
from govcounsel.core.forms import form_page
from govcounsel.core.views import ScopedDetailView, ScopedListView
from govcounsel.core.workdays import calendar_covers
from govcounsel.organisations.models import Unit

from . import services
from .documents import LITIGATION_SUBTYPES
from .filters import MatterFilter
from .forms import AssignForm, MatterForm
from .models import Matter
from .reports import MatterReport


def offices_of(user: Any) -> Any:
    """The units whose rule-of-law office the user is (unit and superior-unit roles)."""
    scope = scope_for(user, UNIT_ROLES)
    return Unit.objects.filter(scope.q(unit="pk", system_path="system_path"))


class MatterBoardView(ScopedListView):
    model = Matter
    filterset_class = MatterFilter
    report_class = MatterReport
    export_name = "法律事务"
    page_title = _("法律事务")
    select_related = ("unit",)
    prefetch_related = ("assignments__person",)
    detail_url_name = "matters:matter"
    keyset_field: str | None = "registered_at"  # national-size lists: no COUNT(*), no OFFSET

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["create_url"] = "matters:create" if offices_of(self.request.user).exists() else None
        return context


class MyQueueView(MatterBoardView):
    """A lawyer's own matters, open ones first."""

    page_title = _("我的承办事项")
    keyset_field = None  # a lawyer's own queue is short, and sorted by urgency instead

    def base_queryset(self) -> Any:
        person_id = getattr(self.request.user, "person_id", None)
        return (
            super()
            .base_queryset()
            .filter(assignments__person_id=person_id)
            .distinct()
            .order_by("status", "deadline")
        )


class MatterDetailView(ScopedDetailView):
    model = Matter
    template_name = "matters/matter_detail.html"

    def get_queryset(self) -> Any:
        return (
            super()
            .get_queryset()
            .select_related("unit", "adviser")
            .prefetch_related("assignments__person", "opinions__author", "steps__actor")
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        matter, user = self.object, self.request.user
        runs = user.has_perm("matters.run", matter)
        handles = user.has_perm("matters.handle", matter)
        context.update(
            runs=runs,
            handles=handles,
            assign_form=AssignForm(user=user, unit=matter.unit)
            if runs and matter.status == "registered"
            else None,
            calendar_known=calendar_covers(matter.deadline),
            litigation=matter.subtype in LITIGATION_SUBTYPES,
        )
        return context


@login_required
def matter_create(request: HttpRequest) -> HttpResponse:
    units = offices_of(request.user)
    if not units.exists():
        raise PermissionDenied
    posted = request.method == "POST"
    form = MatterForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        user=request.user,
        units=units,
    )
    return form_page(
        request,
        form,
        lambda: services.register_matter(
            by=request.user, **{k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
        ),
        success=_("已登记法律事务。"),
        next_url=lambda matter: matter.get_absolute_url(),
        context={"title": _("登记法律事务"), "multipart": True},
    )


def _assign(matter: Matter, user: Any, data: Any) -> Matter:
    form = AssignForm(data, user=user, unit=matter.unit)
    if not form.is_valid():
        raise DomainError("invalid", _("请从列表中选择本单位的公职律师。"), field="lawyer")
    return services.assign(
        matter=matter,
        by=user,
        lawyer=form.cleaned_data["lawyer"],
        co_handlers=list(form.cleaned_data["co_handlers"]),
        adviser=form.cleaned_data["adviser"],
    )


VERBS = {
    "assign": _assign,
    "accept": lambda m, u, p: services.accept(matter=m, by=u),
    "decline": lambda m, u, p: services.decline(matter=m, by=u, reason=p.get("reason", "")),
    "opinion": lambda m, u, p: services.submit_opinion(matter=m, by=u, text=p.get("text", "")),
    "return": lambda m, u, p: services.return_for_rework(matter=m, by=u, note=p.get("note", "")),
    "close": lambda m, u, p: services.close(
        matter=m, by=u, score=_score(p), comment=p.get("comment", "")
    ),
}


def _date(value: Any) -> Any:
    day = parse_day(value)
    if day is None:
        raise DomainError("invalid_date", _("请填写日期，如2024-03-01。"), field="worked_on")
    return day


def _score(data: Any) -> int:
    try:
        return int(data.get("score", ""))
    except ValueError:
        raise DomainError("invalid_score", _("评价得分应在1至100之间。"), field="score") from None


@login_required
@require_POST
def matter_action(request: HttpRequest, pk: int, verb: str) -> HttpResponse:
    matter = get_object_or_404(
        Matter.objects.visible_to(request.user).select_related("unit"), pk=pk
    )
    if verb not in VERBS:
        raise PermissionDenied
    try:
        VERBS[verb](matter, request.user, request.POST)
    except DomainError as error:
        if error.status_code == 403:
            raise PermissionDenied(str(error.message)) from None
        messages.error(request, error.message)
    else:
        messages.success(request, _("已办理。"))
    return redirect(matter)
