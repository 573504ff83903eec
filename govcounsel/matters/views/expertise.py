"""The superior's pages of the shared list of fields of expertise and of the pool's tags
(001 一(三)); the writes are matters/services/expertise.py."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from govcounsel.core.errors import DomainError
from govcounsel.core.fields import ScopedForm, ScopedModelMultipleChoiceField
from govcounsel.core.forms import form_page
from govcounsel.core.scoping import get_visible_or_404
from govcounsel.people.models import Person

from ..models import Expertise
from ..services import expertise as services


class ExpertiseNameForm(forms.Form):
    name = forms.CharField(label=_("专长名称"), max_length=50)


class ExpertiseTagsForm(ScopedForm):
    expertise = ScopedModelMultipleChoiceField(
        Expertise,
        label=_("专长"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("只列出在用的专长；已停用的专长保留在原有记录中。"),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        self.scoped_field("expertise").narrow(Expertise.objects.in_use())


def _ensure_keeper(request: HttpRequest) -> None:
    if not request.user.has_perm("matters.manage_expertise"):
        raise PermissionDenied


@login_required
def expertise_list(request: HttpRequest) -> HttpResponse:
    """The shared list: add a field here; rename or retire each one."""
    _ensure_keeper(request)
    form = ExpertiseNameForm(request.POST or None)
    fields = Expertise.objects.visible_to(request.user).annotate(lawyers=Count("people"))
    return form_page(
        request,
        form,
        lambda: services.add_expertise(by=request.user, name=form.cleaned_data["name"]),
        success=_("已新增专长。"),
        next_url=lambda added: reverse("matters:expertise"),
        template="matters/expertise.html",
        context={"fields": fields},
    )


@login_required
def expertise_rename(request: HttpRequest, pk: int) -> HttpResponse:
    expertise = get_visible_or_404(Expertise, request.user, request=request, pk=pk)
    _ensure_keeper(request)
    form = ExpertiseNameForm(request.POST or None, initial={"name": expertise.name})
    return form_page(
        request,
        form,
        lambda: services.rename_expertise(
            expertise=expertise, by=request.user, name=form.cleaned_data["name"]
        ),
        success=_("已修改专长名称。"),
        next_url=lambda renamed: reverse("matters:expertise"),
        context={"title": _("修改专长名称"), "subject": expertise},
    )


@login_required
@require_POST
def expertise_active(request: HttpRequest, pk: int) -> HttpResponse:
    """Retire a field (active=0) or take it back into use (active=1)."""
    expertise = get_visible_or_404(Expertise, request.user, request=request, pk=pk)
    _ensure_keeper(request)
    active = request.POST.get("active")
    if active not in ("0", "1"):
        messages.error(request, _("请求无效：未说明停用还是恢复使用。"))
        return redirect("matters:expertise")
    try:
        services.set_expertise_active(expertise=expertise, by=request.user, active=active == "1")
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            (_("已恢复使用“%(name)s”。") if active == "1" else _("已停用“%(name)s”。"))
            % {"name": expertise.name},
        )
    return redirect("matters:expertise")


@login_required
def pool_tags(request: HttpRequest, person_pk: int) -> HttpResponse:
    """The fields a lawyer of the superior's pool is known for."""
    person = get_visible_or_404(Person, request.user, request=request, pk=person_pk)
    if not request.user.has_perm("matters.tag_expertise", person):
        raise PermissionDenied
    initial = {"expertise": list(person.expertise.in_use().values_list("pk", flat=True))}
    form = ExpertiseTagsForm(request.POST or None, user=request.user, initial=initial)
    return form_page(
        request,
        form,
        lambda: services.tag_lawyer(
            person=person, by=request.user, expertise=form.cleaned_data["expertise"]
        ),
        success=_("已保存%(name)s的专长。") % {"name": person.name},
        next_url=lambda tagged: reverse("matters:pool"),
        context={"title": _("标注专长"), "subject": person},
    )
