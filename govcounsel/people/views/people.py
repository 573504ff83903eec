from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from govcounsel.certificates.selectors import certificate_panel
from govcounsel.core.errors import DomainError
from govcounsel.core.forms import form_page
from govcounsel.core.scoping import get_visible_or_404
from govcounsel.core.views import ScopedDetailView, ScopedListView
from govcounsel.organisations.models import Unit

from .. import services
from ..filters import LegalAdviserFilter, PersonFilter, QualificationFilter
from ..forms import AdviserForm, PersonForm, QualificationForm
from ..models import LegalAdviser, Person, Qualification
from ..reports import LegalAdviserReport, PersonReport, QualificationReport


class PersonListView(ScopedListView):
    model = Person
    filterset_class = PersonFilter
    report_class = PersonReport
    export_name = "人员"
    page_title = _("人员查询")
    select_related = ("unit",)
    prefetch_related = ("qualifications",)
    detail_url_name = "people:person"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["create_url"] = (
            "people:create" if Unit.objects.manageable_by(self.request.user).exists() else None
        )
        return context


class QualificationListView(ScopedListView):
    model = Qualification
    filterset_class = QualificationFilter
    report_class = QualificationReport
    export_name = "法律职业资格"
    page_title = _("法律职业资格")
    select_related = ("person", "person__unit")


class LegalAdviserListView(ScopedListView):
    model = LegalAdviser
    filterset_class = LegalAdviserFilter
    report_class = LegalAdviserReport
    export_name = "法律顾问"
    page_title = _("法律顾问")
    select_related = ("unit",)
    detail_url_name = "people:adviser"


class PersonDetailView(ScopedDetailView):
    model = Person
    template_name = "people/person_detail.html"

    def get_queryset(self) -> Any:
        return super().get_queryset().select_related("unit", "unit__region")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["qualifications"] = self.object.qualifications.all()
        context["adviser_roles"] = self.object.adviser_roles.select_related("unit")
        context["versions"] = self.object.versions.select_related("unit").order_by("-valid_from")
        context["may_reveal"] = self.request.user.has_perm("people.read_identity", self.object)
        context["may_manage"] = self.request.user.has_perm("people.manage_person", self.object)
        # The eligibility and membership panels and whether the apply button is offered.
        context.update(certificate_panel(self.object, self.request.user))
        return context


@login_required
@require_POST
def reveal_identity(request: HttpRequest, pk: int) -> HttpResponse:
    """The full ID number and phone, shown once and audited (htmx swaps it into the page)."""
    person = get_visible_or_404(Person, request.user, request=request, pk=pk)
    try:
        identity = services.reveal_identity(person=person, by=request.user)
    except DomainError as error:
        return render(
            request, "people/_identity.html", {"error": error.message}, status=error.status_code
        )
    return render(request, "people/_identity.html", {"identity": identity})


def _manageable_person(request: HttpRequest, pk: int) -> Person:
    person = get_visible_or_404(Person, request.user, request=request, pk=pk)
    if not request.user.has_perm("people.manage_person", person):
        raise PermissionDenied
    return person


@login_required
def person_create(request: HttpRequest) -> HttpResponse:
    if not Unit.objects.manageable_by(request.user).exists():
        raise PermissionDenied
    initial = {"unit": request.GET.get("unit")} if request.GET.get("unit") else None
    form = PersonForm(request.POST or None, user=request.user, initial=initial)
    return form_page(
        request,
        form,
        lambda: services.create_person(by=request.user, **form.service_fields()),
        success=_("已登记人员。"),
        next_url=lambda person: person.get_absolute_url(),
        template="people/person_form.html",
        context={"person": None},
    )


@login_required
def person_update(request: HttpRequest, pk: int) -> HttpResponse:
    person = _manageable_person(request, pk)
    initial = PersonForm.initial_for(person)
    form = PersonForm(request.POST or None, user=request.user, person=person, initial=initial)
    return form_page(
        request,
        form,
        lambda: services.update_person(person=person, by=request.user, **form.service_fields()),
        success=_("已保存。"),
        next_url=lambda saved: saved.get_absolute_url(),
        template="people/person_form.html",
        context={"person": person},
    )


@login_required
def qualification_add(request: HttpRequest, pk: int) -> HttpResponse:
    person = _manageable_person(request, pk)
    form = QualificationForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda: services.add_qualification(by=request.user, person=person, **form.cleaned_data),
        success=_("已登记资格。"),
        next_url=lambda added: person.get_absolute_url(),
        context={"title": _("登记法律职业资格"), "subject": person},
    )


@login_required
def adviser_add(request: HttpRequest, unit_pk: int) -> HttpResponse:
    unit = get_visible_or_404(Unit, request.user, request=request, pk=unit_pk)
    if not request.user.has_perm("people.manage_unit_staff", unit):
        raise PermissionDenied
    form = AdviserForm(request.POST or None, user=request.user, unit=unit)
    return form_page(
        request,
        form,
        lambda: services.register_adviser(by=request.user, unit=unit, **form.cleaned_data),
        success=_("已登记法律顾问。"),
        next_url=lambda adviser: unit.get_absolute_url(),
        context={"title": _("登记法律顾问"), "subject": unit},
    )
