"""The pages of administrative disputes: the register (the organ's, the region's, the
lawyer's own), the detail page with its verbs, registration and the files."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from govcounsel.core.audit import record_event
from govcounsel.core.forms import form_page
from govcounsel.core.scoping import get_visible_or_404
from govcounsel.core.uploads import stored_file_response
from govcounsel.core.views import ScopedDetailView, ScopedListView
from govcounsel.core.workdays import calendar_covers

from . import services
from .choices import Condition
from .filters import DisputeFilter
from .forms import DisputeForm
from .models import Dispute
from .reports import DisputeReport
from .selectors import registering_units, with_phone_shown


class DisputeListView(ScopedListView):
    """One register for every reader: the organ's office sees its disputes, the supervisor,
    the justice bureau and the reconciliation centre those of their region (scoping decides)."""

    model = Dispute
    filterset_class = DisputeFilter
    report_class = DisputeReport
    export_name = "行政争议"
    page_title = _("行政争议")
    select_related = ("unit",)
    prefetch_related = ("lawyers__person",)
    detail_url_name = "disputes:dispute"
    keyset_field: str | None = "registered_at"
    overdue_flag = "clock_is_overdue"

    def base_queryset(self) -> Any:
        return with_phone_shown(super().base_queryset(), self.request.user)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        shown = [d for d in context["object_list"] if d.phone_shown and d.counterparty_phone]
        if shown:
            services.record_phone_read(None, by=self.request.user, count=len(shown))
        context["create_url"] = (
            "disputes:create" if registering_units(self.request.user).exists() else None
        )
        return context


class MyDisputesView(DisputeListView):
    """我的行政争议: the disputes the lawyer is or was on for the organ, open ones first."""

    page_title = _("我的行政争议")
    keyset_field = None  # a lawyer's own list is short, and sorted by urgency instead

    def base_queryset(self) -> Any:
        person_id = getattr(self.request.user, "person_id", None)
        return (
            super()
            .base_queryset()
            .filter(lawyers__person_id=person_id, lawyers__mediator=False)
            .distinct()
            .order_by("closed_at", "clock_deadline", "-registered_at", "-id")
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["create_url"] = None
        return context


class DisputeDetailView(ScopedDetailView):
    model = Dispute
    template_name = "disputes/dispute_detail.html"

    def get_queryset(self) -> Any:
        return with_phone_shown(
            super()
            .get_queryset()
            .select_related("unit")
            .prefetch_related(
                "qualification",
                "lawyers__person",
                "lawyers__conflicts",
                "steps__actor",
            ),
            self.request.user,
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        dispute = self.object
        if dispute.phone_shown and dispute.counterparty_phone:
            services.record_phone_read(dispute, by=self.request.user)
        answers = {a.condition: a for a in dispute.qualification.all()}
        context.update(
            conditions=[(c, answers.get(c.value)) for c in Condition],
            channels=[_channel_label(c) for c in dispute.channels_offered],
            organ_lawyers=[row for row in dispute.lawyers.all() if not row.mediator],
            conflicts=[
                c for row in dispute.lawyers.all() if not row.mediator for c in row.conflicts.all()
            ],
            calendar_known=(
                calendar_covers(dispute.clock_deadline) if dispute.clock_deadline else True
            ),
        )
        return context


def _channel_label(value: str) -> str:
    from .choices import Channel

    return str(Channel(value).label) if value in Channel.values else value


@login_required
def dispute_create(request: HttpRequest) -> HttpResponse:
    units = registering_units(request.user)
    if not units.exists():
        raise PermissionDenied
    posted = request.method == "POST"
    form = DisputeForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        user=request.user,
        units=units,
    )
    return form_page(
        request,
        form,
        lambda: services.register_dispute(
            by=request.user, **{k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
        ),
        success=_("已登记行政争议。"),
        next_url=lambda dispute: dispute.get_absolute_url(),
        context={"title": _("登记行政争议"), "multipart": True},
    )


FILES = {"attachment", "agreement"}


@login_required
def dispute_file(request: HttpRequest, pk: int, which: str) -> FileResponse:
    """The dispute's material or its agreement, for those who may see the dispute; recorded."""
    if which not in FILES:
        raise Http404
    dispute = get_visible_or_404(Dispute, request.user, request=request, pk=pk)
    stored = getattr(dispute, which)
    if not stored:
        raise Http404
    response = stored_file_response(stored, inline=False)
    record_event("disputes.attachment.downloaded", dispute, by=request.user, data={"file": which})
    return response
