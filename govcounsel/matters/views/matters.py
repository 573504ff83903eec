from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.core.forms import form_page
from govcounsel.core.views import ScopedDetailView, ScopedListView
from govcounsel.core.workdays import calendar_covers
from govcounsel.organisations.models import Unit

from .. import services
from ..choices import AssignmentStatus, MatterStatus
from ..filters import MatterFilter
from ..forms import MatterForm
from ..models import Matter
from ..reports import MatterReport


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
    overdue_flag = "is_overdue"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["create_url"] = (
            "matters:create" if Unit.objects.run_by(self.request.user).exists() else None
        )
        return context


class MyQueueView(MatterBoardView):
    """A lawyer's own matters, open ones first."""

    page_title = _("我的承办事项")
    keyset_field = None  # a lawyer's own queue is short, and sorted by urgency instead

    def base_queryset(self) -> Any:
        person_id = getattr(self.request.user, "person_id", None)
        # A lawyer taken off the matter (reassigned), or a matter withdrawn, is no longer
        # in the lawyer's work; the register still shows both.
        return (
            super()
            .base_queryset()
            .filter(
                assignments__person_id=person_id,
                assignments__status__in=[
                    s for s in AssignmentStatus if s != AssignmentStatus.REPLACED
                ],
            )
            .exclude(status=MatterStatus.WITHDRAWN)
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
            .prefetch_related(
                "assignments__person",
                "opinions__author",
                "opinions__attachments",
                "steps__actor",
                "overtime__person",
            )
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["calendar_known"] = calendar_covers(self.object.deadline)
        return context


class MatterPrintView(MatterDetailView):
    """The matter as a 办理单 on paper: its fields, lawyers, opinions, timeline and the
    signature lines of the lawyer and of the head of the rule-of-law office."""

    template_name = "matters/matter_print.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            page_title=_("法律事务办理单"),
            unit=self.object.unit.name,
            printed_at=timezone.localtime(),
        )
        return context


@login_required
def matter_create(request: HttpRequest) -> HttpResponse:
    units = Unit.objects.run_by(request.user)
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
