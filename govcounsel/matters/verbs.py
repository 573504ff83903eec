"""The workflow verbs of matters (指派 → 承办 → 反馈 → 督办 → 评价, 001 二、三), decisions
(001 二(二)) and dispatch requests (001 一(三))."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from govcounsel.core.errors import DomainError
from govcounsel.core.verbs import Verb, register

from . import services
from .choices import AssignmentStatus, MatterStatus
from .documents import LITIGATION_SUBTYPES
from .forms import (
    AnswerForm,
    AssignForm,
    CloseForm,
    DecideForm,
    DeclineForm,
    DispatchForm,
    JudgeDeclineForm,
    LetterForm,
    OpenDecisionForm,
    OpinionForm,
    OvertimeForm,
    ReminderForm,
    ReturnForm,
)
from .models import Decision, DecisionItem, DispatchRequest, Matter


def _being_handled(matter: Matter) -> bool:
    return matter.status not in (MatterStatus.REGISTERED, MatterStatus.CLOSED)


def _has_unjudged_decline(matter: Matter) -> bool:
    return any(
        a.status == AssignmentStatus.DECLINED and a.decline_justified is None
        for a in matter.assignments.all()
    )


register(
    Matter,
    Verb(
        "assign",
        _("指派"),
        "matters.run",
        services.assign,
        subject="matter",
        form=AssignForm,
        transition="assign",
        style="danger",
    ),
    Verb(
        "accept",
        _("接受承办"),
        "matters.handle",
        services.accept,
        subject="matter",
        transition="accept",
        style="success",
    ),
    Verb(
        "decline",
        _("拒绝承办"),
        "matters.handle",
        services.decline,
        subject="matter",
        form=DeclineForm,
        transition="decline",
        style="outline-warning",
    ),
    Verb(
        "submit-opinion",
        _("提交意见"),
        "matters.handle",
        services.submit_opinion,
        subject="matter",
        form=OpinionForm,
        transition="submit_opinion",
        style="danger",
        confirm=_("法律意见提交后按原文保存，不可修改。确定提交吗？"),
        then=lambda matter, opinion: matter,
    ),
    Verb(
        "close",
        _("办结评价"),
        "matters.run",
        services.close,
        subject="matter",
        form=CloseForm,
        transition="close",
        style="success",
        confirm=_("办结后不能再退回修改。确定办结吗？"),
    ),
    Verb(
        "return",
        _("退回修改"),
        "matters.run",
        services.return_for_rework,
        subject="matter",
        form=ReturnForm,
        transition="return_for_rework",
        style="outline-warning",
    ),
    Verb(
        "judge-decline",
        _("认定拒绝理由"),
        "matters.run",
        services.judge_decline_on,
        subject="matter",
        form=JudgeDeclineForm,
        when=_has_unjudged_decline,
        style="outline-primary",
        help=_("拒绝理由不正当的，计入该律师的年度考核（001 三(三)）。"),
    ),
    Verb(
        "overtime",
        _("登记加班"),
        "matters.handle",
        services.record_overtime,
        subject="matter",
        form=OvertimeForm,
        when=_being_handled,
        style="outline-secondary",
        then=lambda matter, entry: matter,
    ),
    Verb(
        "remind",
        _("催办"),
        "matters.remind",
        services.remind,
        subject="matter",
        form=ReminderForm,
        when=_being_handled,
        style="outline-danger",
    ),
    Verb(
        "commission-letter",
        _("生成委托公函"),
        "matters.run",
        services.issue_commission_letter,
        subject="matter",
        form=LetterForm,
        when=lambda matter: matter.subtype in LITIGATION_SUBTYPES,
        refusal=lambda matter: DomainError(
            "not_litigation", _("只有诉讼、仲裁和复议事项需要委托公函。")
        ),
        style="outline-primary",
        document=True,
    ),
)

register(
    DecisionItem,
    Verb(
        "open-decision",
        _("拟决策"),
        "matters.run",
        services.open_decision,
        subject="item",
        form=OpenDecisionForm,
        target=lambda item: item.unit,
        when=lambda item: item.active,
        then=lambda item, decision: decision,
        answer_serializer="govcounsel.matters.api.DecisionSerializer",
    ),
)

register(
    Decision,
    Verb(
        "decide",
        _("作出决策"),
        "matters.run",
        services.decide,
        subject="decision",
        form=DecideForm,
        transition="decide",
        target=lambda decision: decision.item.unit,
        style="success",
        confirm=_("决策作出后不能撤销。确定吗？"),
    ),
)

register(
    DispatchRequest,
    Verb(
        "dispatch",
        _("调派"),
        "matters.dispatch",
        services.dispatch,
        subject="request",
        form=DispatchForm,
        transition="dispatch",
        style="success",
    ),
    Verb(
        "reject",
        _("不予调派"),
        "matters.dispatch",
        services.reject_dispatch,
        subject="request",
        form=AnswerForm,
        transition="reject",
        style="outline-danger",
    ),
)
