"""The register of activities, one activity's page and the form that records one."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from govcounsel.core.forms import form_page
from govcounsel.core.views import ScopedDetailView, ScopedListView

from . import services
from .filters import ActivityFilter
from .forms import ActivityForm
from .models import Activity
from .reports import ActivityReport
from .selectors import may_record


class ActivityListView(ScopedListView):
    """The office's activities of its lawyers, a lawyer's own, a region's for its readers."""

    model = Activity
    filterset_class = ActivityFilter
    report_class = ActivityReport
    export_name = "争议化解与普法活动"
    page_title = _("争议化解与普法活动")
    select_related = ("unit", "matter", "dispute")
    prefetch_related = ("people",)
    detail_url_name = "activities:activity"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["create_url"] = "activities:create" if may_record(self.request.user) else None
        return context


class ActivityDetailView(ScopedDetailView):
    model = Activity
    template_name = "activities/activity_detail.html"
    context_object_name = "activity"

    def get_queryset(self) -> QuerySet[Any]:
        return (
            super()
            .get_queryset()
            .select_related("unit", "matter", "dispute", "recorded_by")
            .prefetch_related("people")
        )


@login_required
def activity_create(request: HttpRequest) -> HttpResponse:
    if not may_record(request.user):
        raise PermissionDenied
    form = ActivityForm(request.POST or None, user=request.user)
    return form_page(
        request,
        form,
        lambda: services.record_activity(by=request.user, **form.cleaned_data),
        success=_("已登记活动。"),
        next_url=lambda activity: activity.get_absolute_url(),
        context={"title": _("登记争议化解或普法活动")},
    )
