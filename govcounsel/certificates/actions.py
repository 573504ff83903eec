"""The workflow verbs as the pages offer them: who may, from which state, with what input."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _
from django_fsm import can_proceed

from . import services

OPINION = _("意见")


@dataclass(frozen=True)
class Action:
    verb: str
    label: Any
    perm: str
    transition: str
    run: Callable[..., Any]
    note_label: Any = OPINION
    note_required: bool = False
    asks_date: Any = None  # a label when the action takes a date
    style: str = "primary"


APPLICATION_ACTIONS = [
    Action(
        "review",
        _("审核通过"),
        "certificates.unit_review",
        "pass_review",
        lambda obj, by, **d: services.review(application=obj, by=by, passed=True, **d),
        style="success",
    ),
    Action(
        "return",
        _("退回"),
        "certificates.unit_review",
        "return_to_applicant",
        lambda obj, by, **d: services.review(application=obj, by=by, passed=False, **d),
        note_label=_("退回理由"),
        note_required=True,
        style="warning",
    ),
    Action(
        "submit",
        _("申报司法局"),
        "certificates.unit_review",
        "submit",
        lambda obj, by, **d: services.submit(application=obj, by=by, **d),
        style="success",
    ),
    Action(
        "approve",
        _("批准并颁证"),
        "certificates.decide",
        "approve",
        lambda obj, by, **d: services.approve(application=obj, by=by, **d),
        style="success",
    ),
    Action(
        "reject",
        _("不予批准"),
        "certificates.decide",
        "reject",
        lambda obj, by, **d: services.reject(application=obj, by=by, **d),
        note_label=_("不予批准理由"),
        note_required=True,
        style="danger",
    ),
    Action(
        "withdraw",
        _("撤回申请"),
        "certificates.withdraw",
        "withdraw",
        lambda obj, by, note="", **d: services.withdraw(application=obj, by=by, note=note),
        style="secondary",
    ),
]

CERTIFICATE_ACTIONS = [
    Action(
        "suspend",
        _("暂停执业"),
        "certificates.manage_certificate",
        "suspend",
        lambda obj, by, **d: services.suspend(certificate=obj, by=by, **d),
        note_label=_("暂停理由"),
        note_required=True,
        style="warning",
    ),
    Action(
        "reinstate",
        _("恢复执业"),
        "certificates.manage_certificate",
        "reinstate",
        lambda obj, by, **d: services.reinstate(certificate=obj, by=by, **d),
        style="success",
    ),
    Action(
        "cancel",
        _("注销证书"),
        "certificates.manage_certificate",
        "cancel",
        lambda obj, by, **d: services.cancel(certificate=obj, by=by, **d),
        note_label=_("注销理由"),
        note_required=True,
        asks_date=_("注销生效日期"),
        style="danger",
    ),
]

CASE_ACTIONS = [
    Action(
        "recover",
        _("登记证书已收回"),
        "certificates.recover_certificate",
        "record_recovery",
        lambda obj, by, **d: services.record_recovery(case=obj, by=by, **d),
        asks_date=_("收回日期"),
        style="primary",
    ),
    Action(
        "complete",
        _("办结注销"),
        "certificates.manage_certificate",
        "complete",
        lambda obj, by, on=None, **d: services.complete_case(case=obj, by=by, **d),
        style="danger",
    ),
]


def available(actions: list[Action], obj: Any, user: Any, perm_target: Any = None) -> list[Action]:
    """The actions this user may take on this object in its present state."""
    target = perm_target if perm_target is not None else obj
    return [
        a
        for a in actions
        if can_proceed(getattr(obj, a.transition)) and user.has_perm(a.perm, target)
    ]
