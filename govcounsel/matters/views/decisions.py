"""The unit's list of decision items and its decisions; the gate's verbs (open a decision,
decide) are declared in verbs.py."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from govcounsel.core.fields import ScopedForm, ScopedModelChoiceField
from govcounsel.core.forms import form_page
from govcounsel.core.views import ScopedListView, bootstrap_form
from govcounsel.organisations.models import Unit

from .. import services
from ..filters import DecisionItemFilter
from ..models import Decision, DecisionItem
from ..reports import DecisionItemReport


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


class DecisionListView(ScopedListView):
    """The unit's list of decision items with their decisions, and those taken without an
    opinion (城固县办法二（二））."""

    model = DecisionItem
    filterset_class = DecisionItemFilter
    report_class = DecisionItemReport
    export_name = "决策事项"
    page_title = _("须听取公职律师意见的决策事项")
    template_name = "matters/decisions.html"
    select_related = ("unit",)
    prefetch_related = ("decisions__matter", "decisions__item__unit")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["items"] = context["object_list"]
        context["item_form"] = (
            bootstrap_form(DecisionItemForm(user=user))
            if Unit.objects.run_by(user).exists()
            else None
        )
        context["without_opinion"] = (
            Decision.objects.visible_to(user).without_opinion().select_related("item__unit")
        )
        return context


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
