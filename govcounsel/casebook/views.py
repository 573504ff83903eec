"""The casebook's internal pages: the register of nominations and cases, a case with its
versions and verbs, the disputes an office may nominate, and the annual compilations."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from govcounsel.core.forms import form_page
from govcounsel.core.scoping import get_visible_or_404
from govcounsel.core.views import ScopedDetailView, ScopedListView, bootstrap_form
from govcounsel.core.views.verbs import document_response
from govcounsel.disputes.models import Dispute
from govcounsel.organisations.models import Region

from . import selectors, services
from .filters import TypicalCaseFilter
from .forms import CompilationForm, NominateForm
from .models import Compilation, TypicalCase
from .reports import TypicalCaseReport

NOMINABLE_SHOWN = 200


class CaseListView(ScopedListView):
    model = TypicalCase
    filterset_class = TypicalCaseFilter
    report_class = TypicalCaseReport
    export_name = "典型案例"
    page_title = _("典型案例登记簿")
    select_related = ("unit",)
    detail_url_name = "casebook:case"


class CaseDetailView(ScopedDetailView):
    model = TypicalCase
    template_name = "casebook/case_detail.html"

    def get_queryset(self) -> Any:
        return (
            super()
            .get_queryset()
            .select_related("unit__region", "dispute", "current_revision", "nominated_by")
            .prefetch_related("steps__actor", "revisions__published_by")
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        case = self.object
        # What would still identify a party, shown to the editor before publishing.
        if case.is_editing or case.is_withdrawn:
            context["leaks"] = services.leaks_of(case)
        context["reviewer"] = self.request.user.has_perm("casebook.review", case)
        return context


@login_required
def nominable(request: HttpRequest) -> HttpResponse:
    """The office's resolved disputes not yet put forward (002 §18)."""
    disputes = list(selectors.nominable(request.user)[:NOMINABLE_SHOWN])
    return render(
        request,
        "casebook/nominable.html",
        {"disputes": disputes, "shown": NOMINABLE_SHOWN},
    )


@login_required
def nominate(request: HttpRequest, dispute_pk: int) -> HttpResponse:
    dispute = get_visible_or_404(
        Dispute.objects.select_related("unit"), request.user, request=request, pk=dispute_pk
    )
    if not request.user.has_perm("casebook.nominate", dispute):
        raise PermissionDenied
    form = NominateForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda: services.nominate(dispute=dispute, by=request.user, **form.cleaned_data),
        success=_("已推荐为典型案例，等待司法局审核。"),
        next_url=lambda case: case.get_absolute_url(),
        context={"title": _("推荐典型案例"), "subject": dispute.title},
    )


def _bureau_regions(user: Any) -> list[Region]:
    """The regions the user's justice-bureau grants are at (where it may compile)."""
    from govcounsel.accounts.choices import Role
    from govcounsel.accounts.scopes import grants_of

    return [
        g.region for g in grants_of(user) if g.role == Role.JUSTICE_BUREAU and g.region is not None
    ]


@login_required
def compilations(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("casebook.read_compilations"):
        raise PermissionDenied
    regions = _bureau_regions(request.user)
    form = bootstrap_form(CompilationForm(initial={"year": timezone.localdate().year}))
    return render(
        request,
        "casebook/compilations.html",
        {
            "compilations": selectors.compilations(request.user),
            "form": form if regions else None,
            "regions": regions,
        },
    )


@login_required
@require_POST
def issue_compilation(request: HttpRequest) -> HttpResponse:
    regions = _bureau_regions(request.user)
    if not regions:
        raise PermissionDenied
    region = next((r for r in regions if r.code == request.POST.get("region")), regions[0])
    form = CompilationForm(request.POST)
    return form_page(
        request,
        form,
        lambda: services.issue_compilation(
            region=region, year=form.cleaned_data["year"], by=request.user
        ),
        success=_("已印发典型案例汇编。"),
        next_url=lambda compilation: "casebook:compilations",
        context={"title": _("印发典型案例汇编"), "subject": region.name},
    )


@login_required
def compilation_download(request: HttpRequest, pk: int) -> HttpResponse:
    compilation = get_visible_or_404(
        Compilation.objects.select_related("document"), request.user, request=request, pk=pk
    )
    return document_response(services.compilation_file(compilation=compilation, by=request.user))
