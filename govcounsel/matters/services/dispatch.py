"""Dispatch of public lawyers from the talent pool to units without one (001 一(三))."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from govcounsel.core.audit import record_event
from govcounsel.core.errors import DomainError
from govcounsel.core.permissions import ensure_can
from govcounsel.core.workflow import run_transition
from govcounsel.organisations.models import Unit
from govcounsel.people.models import Person

from ..models import DispatchRequest
from ..notices import DISPATCH_REQUESTED
from ..selectors import open_load, public_lawyers_of, talent_pool
from .workflow import _OFFICE_ONLY

# --- talent pool and dispatch (001 一(三)) ----------------------------------------------


@transaction.atomic
def request_dispatch(
    *,
    unit: Unit,
    by: Any,
    category: str,
    starts_on: date,
    ends_on: date,
    reason: str,
    expertise: Any = None,
) -> DispatchRequest:
    """A unit with no public lawyer asks its superior unit for one."""
    ensure_can(by, "matters.run", unit, _OFFICE_ONLY)
    if public_lawyers_of(unit, own_only=True).exists():
        raise DomainError("has_public_lawyer", _("本单位已有公职律师，无需申请调派。"))
    if unit.vertical_superior_id is None:
        raise DomainError("no_superior", _("本单位没有垂直管理的上级单位，无法申请调派。"))
    if ends_on < starts_on:
        raise DomainError("invalid_period", _("结束日期不能早于开始日期。"), field="ends_on")
    if not reason.strip():
        raise DomainError("reason_required", _("请说明申请理由。"), field="reason")
    request = DispatchRequest.objects.create(
        unit=unit,
        superior_id=unit.vertical_superior_id,
        category=category,
        expertise=expertise,
        starts_on=starts_on,
        ends_on=ends_on,
        reason=reason,
    )
    record_event("matters.dispatch.requested", request, by=by)
    DISPATCH_REQUESTED.send(request, request, by=by)
    return request


def _locked_request(request: DispatchRequest) -> DispatchRequest:
    return (
        DispatchRequest.objects.select_for_update()
        .select_related("unit", "superior")
        .get(pk=request.pk)
    )


@transaction.atomic
def dispatch(
    *, request: DispatchRequest, by: Any, lawyer: Person, answer: str = ""
) -> DispatchRequest:
    """The superior sends one of its system's lawyers for the requested period. The
    lawyer's row is locked so that two administrators cannot push them past the cap."""
    request = _locked_request(request)
    ensure_can(by, "matters.dispatch", request, _("只有上级单位管理员可以调派本系统的公职律师。"))
    lawyer = Person.objects.select_for_update().get(pk=lawyer.pk)
    if not talent_pool(request.superior).exclude(unit=request.unit).filter(pk=lawyer.pk).exists():
        raise DomainError("not_in_pool", _("该律师不在本系统人才库中，不能调派。"), field="lawyer")
    load = open_load(Person.objects.filter(pk=lawyer.pk)).get(lawyer.pk, 0)
    if load >= settings.DISPATCH_LOAD_CAP:
        raise DomainError(
            "over_capacity",
            _("%(name)s当前承办量为%(load)d，已达上限%(cap)d，不能再调派。")
            % {"name": lawyer.name, "load": load, "cap": settings.DISPATCH_LOAD_CAP},
            field="lawyer",
        )
    run_transition(request, "dispatch")
    request.lawyer, request.answer = lawyer, answer
    request.save()
    record_event("matters.dispatch.dispatched", request, by=by, data={"lawyer": lawyer.pk})
    return request


@transaction.atomic
def reject_dispatch(*, request: DispatchRequest, by: Any, answer: str) -> DispatchRequest:
    request = _locked_request(request)
    ensure_can(by, "matters.dispatch", request, _("只有上级单位管理员可以答复调派申请。"))
    if not answer.strip():
        raise DomainError("reason_required", _("不予调派须说明理由。"), field="answer")
    run_transition(request, "reject")
    request.answer = answer
    request.save()
    record_event("matters.dispatch.rejected", request, by=by)
    return request
