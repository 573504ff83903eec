"""The unit's list of decision items and its decisions; the gate's verbs (open a decision,
decide) are declared in verbs.py."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from govcounsel.core.fields import ScopedForm, ScopedModelChoiceField
from govcounsel.core.forms import form_page
from govcounsel.core.views import bootstrap_form
from govcounsel.organisations.models import Unit

from .. import services
from ..models import Decision, DecisionItem


class DecisionItemForm(ScopedForm):
    unit = ScopedModelChoiceField(Unit, label=_("单位"))
    title = forms.CharField(label=_("决策事项"), max_length=200)
    description = forms.CharField(
        label=_("说明"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        # Each office keeps its own unit's list.
        self.scoped_field("unit").narrow(Unit.objects.run_by(user))


@login_required
def decisions(request: HttpRequest) -> HttpResponse:
    user = request.user
    items = (
        DecisionItem.objects.visible_to(user)
        .select_related("unit")
        .prefetch_related("decisions__matter", "decisions__item__unit")
    )
    return render(
        request,
        "matters/decisions.html",
        {
            "items": items,
            "item_form": bootstrap_form(DecisionItemForm(user=user))
            if Unit.objects.run_by(user).exists()
            else None,
            "without_opinion": Decision.objects.visible_to(user)
            .without_opinion()
            .select_related("item__unit"),
        },
    )


@login_required
def decision_item_new(request: HttpRequest) -> HttpResponse:
    if not Unit.objects.run_by(request.user).exists():
        raise PermissionDenied
    form = DecisionItemForm(request.POST or None, user=request.user)
    return form_page(
        request,
        form,
        lambda: services.add_decision_item(by=request.user, **form.cleaned_data),
        success=_("已加入决策事项清单。"),
        next_url=lambda item: item.get_absolute_url(),
        context={"title": _("新增须听取公职律师意见的决策事项")},
    )
