"""The workflow verbs of matters (指派 → 承办 → 反馈 → 督办 → 评价, 001 二、三), decisions
(001 二(二)) and dispatch requests (001 一(三))."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.recipients import accounts_of, office_of
from govcounsel.core.errors import DomainError
from govcounsel.core.verbs import Tell, Verb, register

from . import services
from .choices import ENDED_ASSIGNMENTS, FINISHED, AssignmentStatus, MatterStatus
from .forms import (
    AnswerForm,
    AssignForm,
    CloseForm,
    DeadlineForm,
    DecideForm,
    DeclineForm,
    DispatchForm,
    EditMatterForm,
    JudgeDeclineForm,
    LetterForm,
    OpenDecisionForm,
    OpinionForm,
    OvertimeForm,
    ReassignForm,
    ReminderForm,
    ReturnForm,
    WithdrawForm,
)
from .models import Decision, DecisionItem, DispatchRequest, Matter
from .supervision import handlers_of


def _no_letter(matter: Matter) -> DomainError:
    # Asked only when the verb does not apply, that is when the service names a reason.
    return services.letter_refusal(matter) or DomainError("invalid_transition", "")


def _being_handled(matter: Matter) -> bool:
    return matter.status not in (MatterStatus.REGISTERED, *FINISHED)


def _has_unjudged_decline(matter: Matter) -> bool:
    return any(
        a.status == AssignmentStatus.DECLINED and a.decline_justified is None
        for a in matter.assignments.all()
    )


def _handlers(matter: Matter, result: Any) -> list[Any]:
    """The lawyers on the matter now (the service's fresh matter where it returns one)."""
    return handlers_of(result if isinstance(result, Matter) else matter)


def _office(matter: Matter, result: Any = None) -> list[Any]:
    return office_of(matter.unit)


def _lawyers(matter: Matter, result: Any) -> dict[str, Any]:
    fresh = result if isinstance(result, Matter) else matter
    names = [
        a.person.name
        for a in fresh.assignments.select_related("person").order_by("-is_lead", "pk")
        if a.status not in ENDED_ASSIGNMENTS
    ]
    return {"lawyers": "、".join(names)}


def _judgement(matter: Matter, assignment: Any) -> dict[str, Any]:
    return {
        "lawyer": assignment.person,
        "judgement": _("理由正当")
        if assignment.decline_justified
        else _("理由不正当，计入年度考核"),
    }


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
        words=_lawyers,
        done=_("已将事项“%(title)s”指派给%(lawyers)s。"),
        tell=Tell(
            _handlers,
            _("新的指派：“%(title)s”"),
            _("%(unit)s将该事项指派给您，请接受或拒绝承办，并于%(deadline)s前办结。"),
        ),
    ),
    Verb(
        "accept",
        _("接受承办"),
        "matters.handle",
        services.accept,
        subject="matter",
        transition="accept",
        style="success",
        done=_("已接受承办“%(title)s”，请于%(deadline)s前提交法律意见。"),
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
        done=_("已拒绝承办“%(title)s”，事项已退回法治工作机构重新指派。"),
        tell=Tell(
            _office,
            _("拒绝承办：“%(title)s”"),
            _("承办律师拒绝承办，理由：%(reason)s。请认定拒绝理由并重新指派。"),
        ),
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
        confirm=_("法律意见提交后按原文保存，不可修改，并送法治工作机构评价。确定提交吗？"),
        then=lambda matter, opinion: matter,
        done=_("已提交“%(title)s”的第%(version)s版法律意见，等待法治工作机构评价。"),
        tell=Tell(
            _office,
            _("法律意见待评价：“%(title)s”"),
            _("承办律师已提交第%(version)s版法律意见，请审阅后办结评价或退回修改。"),
        ),
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
        confirm=_("办结后评价得分计入承办律师的考核，事项不能再退回修改。确定办结吗？"),
        done=_("已办结“%(title)s”，评价得分%(score)s。"),
        tell=Tell(
            _handlers,
            _("事项已办结评价：“%(title)s”"),
            _("评价得分%(score)s。%(comment)s"),
        ),
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
        done=_("已将“%(title)s”退回承办律师修改。"),
        tell=Tell(_handlers, _("退回修改：“%(title)s”"), _("退回理由：%(note)s")),
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
        words=_judgement,
        done=_("已认定%(lawyer)s拒绝承办“%(title)s”的理由：%(judgement)s。"),
        tell=Tell(
            lambda matter, assignment: accounts_of(assignment.person_id),
            _("拒绝承办理由认定：“%(title)s”"),
            _("法治工作机构认定您拒绝承办的理由：%(judgement)s。"),
            url=lambda matter, assignment: matter.get_absolute_url(),
        ),
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
        done=_("已登记%(worked_on)s加班%(hours)s小时。"),
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
        done=_("已催办“%(title)s”，承办律师已收到通知。"),
        # 000 #11 督办/催办: the handling lawyers and the unit's office are told at once.
        tell=Tell(
            lambda matter, result: _handlers(matter, result) + _office(matter),
            _("催办：“%(title)s”请于%(deadline)s前办结"),
            _("%(note)s"),
        ),
    ),
    Verb(
        "commission-letter",
        _("生成委托公函"),
        "matters.run",
        services.issue_commission_letter,
        subject="matter",
        form=LetterForm,
        when=lambda matter: services.letter_refusal(matter) is None,
        refusal=_no_letter,
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
        words=lambda item, decision: {"item": item.title, "decision": decision.title},
        done=_("已拟决策“%(decision)s”；作出决策前须关联公职律师的法律意见。"),
        tell=Tell(
            lambda item, decision: office_of(item.unit),
            _("拟决策待听取意见：“%(decision)s”"),
            _("“%(item)s”须先听取公职律师意见：请登记法律事务并指派公职律师。"),
        ),
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
        confirm=_("决策作出后不能撤销，所关联的法律意见即作为决策依据存档。确定作出决策吗？"),
        done=_("已作出决策“%(title)s”，依据的法律意见见“%(matter)s”。"),
        tell=Tell(
            lambda decision, result: handlers_of(result.matter),
            _("决策已作出：“%(title)s”"),
            _("该决策听取了您在“%(matter)s”中提出的法律意见。"),
        ),
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
        confirm=_(
            "调派后该律师在调派期间计为申请单位的公职律师，可被其指派承办事项，"
            "并计入本人承办量。确定调派吗？"
        ),
        done=_("已调派%(lawyer)s至%(unit)s，调派期间%(starts_on)s至%(ends_on)s。"),
        tell=Tell(
            lambda request, result: office_of(request.unit) + accounts_of(result.lawyer_id),
            _("调派公职律师：%(lawyer)s赴%(unit)s"),
            _("调派期间%(starts_on)s至%(ends_on)s。%(answer)s"),
        ),
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
        done=_("已答复%(unit)s不予调派。"),
        tell=Tell(
            lambda request, result: office_of(request.unit),
            _("调派申请未获同意：%(unit)s"),
            _("上级单位答复：%(answer)s"),
        ),
    ),
)

# Corrections: the office edits or withdraws what it registered before anyone has it, and
# reassigns or moves the deadline of what is being handled; each with its reason on the
# timeline (services/corrections.py).
register(
    Matter,
    Verb(
        "edit",
        _("修改登记信息"),
        "matters.run",
        services.edit_matter,
        subject="matter",
        form=EditMatterForm,
        when=lambda matter: matter.status == MatterStatus.REGISTERED,
        refusal=lambda matter: DomainError(
            "not_registered",
            _("只有待指派的事项可以修改登记信息；已指派的事项请改派或调整办理期限。"),
        ),
        style="outline-primary",
        done=_("已修改登记信息。"),
    ),
    Verb(
        "withdraw",
        _("撤回事项"),
        "matters.run",
        services.withdraw_matter,
        subject="matter",
        form=WithdrawForm,
        transition="withdraw",
        style="outline-danger",
        confirm=_("撤回后该事项不再办理（登记记录保留），不能恢复。确定撤回吗？"),
        done=_("已撤回事项“%(title)s”。"),
    ),
    Verb(
        "reassign",
        _("改派"),
        "matters.run",
        services.reassign,
        subject="matter",
        form=ReassignForm,
        transition="reassign",
        style="outline-warning",
        help=_("原承办律师的指派标记为“已改派”，新的主办律师需重新接受承办。"),
        words=_lawyers,
        done=_("已将事项“%(title)s”改派给%(lawyers)s。"),
        # The new lawyers have a matter to accept (001 二(三)).
        tell=Tell(
            _handlers,
            _("改派：“%(title)s”改由您承办"),
            _("请于%(deadline)s前办结。改派理由：%(reason)s"),
        ),
    ),
    Verb(
        "change-deadline",
        _("调整办理期限"),
        "matters.run",
        services.change_deadline,
        subject="matter",
        form=DeadlineForm,
        when=lambda matter: matter.status in services.HANDLED,
        style="outline-secondary",
        done=_("已将事项“%(title)s”的办理期限调整为%(deadline)s。"),
        tell=Tell(
            _handlers,
            _("办理期限调整：“%(title)s”请于%(deadline)s前办结"),
            _("调整理由：%(reason)s"),
        ),
    ),
)
