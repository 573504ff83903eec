from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from govcounsel.core.scoping import get_visible_or_404
from govcounsel.core.views import ScopedDetailView, ScopedListView

from . import selectors
from .filters import UnitFilter
from .models import Region, Unit
from .reports import UnitReport


@login_required
def region_tree(request: HttpRequest) -> HttpResponse:
    """The region/unit tree with counts, one level at a time."""
    code = request.GET.get("code")
    region = None
    if code:
        region = get_visible_or_404(Region, request.user, request=request, code=code)
        rows = selectors.region_rows(request.user, selectors.child_regions(request.user, region))
        units = list(selectors.units_in_region(request.user, region))
        visible_paths = set(
            Region.objects.visible_to(request.user)
            .filter(
                path__in=[
                    region.path[:i] for i in range(Region.steplen, len(region.path), Region.steplen)
                ]
            )
            .values_list("path", flat=True)
        )
        breadcrumbs = [a for a in Region.objects.get_ancestors(region) if a.path in visible_paths]
    else:
        rows = selectors.region_rows(request.user, selectors.top_regions(request.user))
        units = []
        breadcrumbs = []
    return render(
        request,
        "organisations/tree.html",
        {"region": region, "rows": rows, "units": units, "breadcrumbs": breadcrumbs},
    )


class UnitListView(ScopedListView):
    model = Unit
    filterset_class = UnitFilter
    report_class = UnitReport
    export_name = "单位"
    page_title = _("单位")
    select_related = ("region", "vertical_superior")
    detail_url_name = "organisations:unit"


class UnitDetailView(ScopedDetailView):
    model = Unit
    template_name = "organisations/unit_detail.html"

    def get_queryset(self) -> Any:
        return super().get_queryset().select_related("region", "vertical_superior")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        from govcounsel.people.models import LegalAdviser, Person

        context = super().get_context_data(**kwargs)
        people = (
            Person.objects.visible_to(self.request.user)
            .filter(unit=self.object)
            .prefetch_related("qualifications")
        )
        context["people_page"] = Paginator(people, 50).get_page(self.request.GET.get("page"))
        context["advisers"] = LegalAdviser.objects.visible_to(self.request.user).filter(
            unit=self.object
        )
        context["may_manage"] = self.request.user.has_perm("people.manage_unit_staff", self.object)
        # Both ends of a dispatch show it: the receiving unit and the lawyer's own unit.
        from govcounsel.matters.choices import DispatchStatus
        from govcounsel.matters.models import DispatchRequest

        context["dispatches"] = (
            DispatchRequest.objects.visible_to(self.request.user)
            .filter(
                Q(unit=self.object) | Q(lawyer__unit=self.object), status=DispatchStatus.DISPATCHED
            )
            .select_related("unit", "lawyer__unit")
        )
        context["subordinates"] = Unit.objects.visible_to(self.request.user).filter(
            vertical_superior=self.object
        )
        context["versions"] = self.object.versions.order_by("-valid_from")
        return context
