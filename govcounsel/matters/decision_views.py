"""The unit's list of decision items, its decisions, and the gate on the page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from govcounsel.core.errors import DomainError
from govcounsel.organisations.models import Unit

from . import services
from .models import Decision, DecisionItem, Matter
from .views import offices_of


@login_required
def decisions(request: HttpRequest) -> HttpResponse:
    user = request.user
    items = (
        DecisionItem.objects.visible_to(user)
        .select_related("unit")
        .prefetch_related("decisions__matter")
    )
    # The units whose office this user is: one query from the role scope, not a
    # permission check per visible unit.
    offices = list(offices_of(user))
    closed = (
        Matter.objects.visible_to(user)
        .filter(status="closed", unit__in=offices, opinions__isnull=False)
        .distinct()
    )
    return render(
        request,
        "matters/decisions.html",
        {
            "items": items,
            "offices": offices,
            "closed_matters": closed,
            "without_opinion": Decision.objects.visible_to(user)
            .without_opinion()
            .select_related("item__unit"),
        },
    )


@login_required
@require_POST
def decisions_action(request: HttpRequest) -> HttpResponse:
    user, data = request.user, request.POST
    try:
        if data.get("verb") == "item":
            unit = get_object_or_404(Unit.objects.visible_to(user), pk=data.get("unit"))
            services.add_decision_item(
                unit=unit, by=user, title=data.get("title", "").strip() or "—"
            )
        elif data.get("verb") == "open":
            item = get_object_or_404(DecisionItem.objects.visible_to(user), pk=data.get("item"))
            services.open_decision(
                item=item, by=user, title=data.get("title", "").strip() or item.title
            )
        elif data.get("verb") == "decide":
            decision = get_object_or_404(Decision.objects.visible_to(user), pk=data.get("decision"))
            matter_id = data.get("matter") or ""
            matter = (
                Matter.objects.visible_to(user).filter(pk=matter_id).first()
                if matter_id.isdigit()
                else None
            )
            services.decide(decision=decision, by=user, matter=matter)
        else:
            raise PermissionDenied
    except DomainError as error:
        if error.status_code == 403:
            raise PermissionDenied(str(error.message)) from None
        messages.error(request, error.message)
    else:
        messages.success(request, _("已办理。"))
    return redirect("matters:decisions")
