"""Second approval of grants that read identity, by a justice bureau of the region."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from govcounsel.core.errors import DomainError

from .. import services
from ..choices import IDENTITY_READERS
from ..models import RoleGrant
from ..scopes import has_role


@login_required
def pending_grants(request: HttpRequest) -> HttpResponse:
    if not has_role(request.user, IDENTITY_READERS):
        raise PermissionDenied
    grants = services.pending_grants_for(request.user)
    return render(request, "accounts/pending_grants.html", {"grants": grants})


@login_required
@require_POST
def decide_grant(request: HttpRequest, pk: int, decision: str) -> HttpResponse:
    grant = RoleGrant.objects.filter(pk=pk, pending=True).select_related("region", "user").first()
    if (
        grant is None
        or not services.may_approve(request.user, grant)
        or decision
        not in {
            "approve",
            "reject",
        }
    ):
        raise Http404
    try:
        if decision == "approve":
            services.approve_grant(grant=grant, by=request.user)
            messages.success(request, _("已批准该授权。"))
        else:
            services.reject_grant(grant=grant, by=request.user, note=request.POST.get("note", ""))
            messages.success(request, _("已驳回该授权。"))
    except DomainError as error:
        messages.error(request, str(error.message))
    return redirect("accounts:pending-grants")
