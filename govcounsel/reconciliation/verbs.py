"""The verbs of the reconciliation centre's records (002 §10)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.recipients import accounts_of, centre_of, office_of
from govcounsel.core.verbs import Tell, Verb, register

from . import services
from .forms import CancelForm, EndNominationForm, HoldForm, RetireRuleForm, WithdrawForm
from .models import MediationSession, MediatorAssignment, MediatorDraw, Nomination, PoolRule

register(
    PoolRule,
    Verb(
        "retire",
        _("终止规则"),
        "reconciliation.keep_pool",
        services.retire_rule,
        subject="rule",
        form=RetireRuleForm,
        when=lambda rule: not rule.is_retired,
        target=lambda rule: rule.region,
        style="outline-warning",
        confirm=_("终止后，该规则自终止日期起不再适用，此前的推荐和抽取仍载明该规则。确定终止吗？"),
        done=_("已终止人才库规则。"),
    ),
)


def _centre_of_nomination(nomination: Any, result: Any) -> list[Any]:
    return centre_of(nomination.unit.region)


register(
    Nomination,
    Verb(
        "renew",
        _("续期"),
        "reconciliation.nominate",
        services.renew,
        subject="nomination",
        when=lambda nomination: nomination.is_active,
        target=lambda nomination: nomination.unit,
        confirm=_("续期将在本期届满后开始新的推荐期限，计入新期限所在年度的名额。确定续期吗？"),
        done=_("已为%(person)s续期至%(ends_on)s。"),
        then=lambda nomination, renewal: renewal,
    ),
    Verb(
        "end",
        _("退出人才库"),
        "reconciliation.nominate",
        services.end_nomination,
        subject="nomination",
        form=EndNominationForm,
        when=lambda nomination: nomination.is_active,
        target=lambda nomination: nomination.unit,
        style="outline-danger",
        confirm=_("退出后该调解员不再参加抽取，本年度名额随之空出。确定退出吗？"),
        done=_("%(person)s已退出和解调解员人才库。"),
        # The centre keeps the pool: it learns that a place is free (002 §10).
        tell=Tell(
            _centre_of_nomination,
            _("和解调解员退出人才库：%(person)s"),
            _("%(unit)s的和解调解员%(person)s已退出人才库，原因：%(reason)s"),
        ),
    ),
)


def _verdict(draw: Any, result: Any) -> dict[str, Any]:
    same = getattr(result, "verified", None)
    return {"verdict": _("与原抽取结果一致") if same else _("与原抽取结果不一致")}


register(
    MediatorDraw,
    Verb(
        "verify",
        _("复核抽取"),
        "reconciliation.verify",
        services.verify_draw,
        subject="draw",
        style="outline-secondary",
        done=_("已按存档的随机种子和候选名单重新计算：%(verdict)s。"),
        words=_verdict,
    ),
)


def _withdrawn_and_office(assignment: Any, result: Any) -> list[Any]:
    return accounts_of(assignment.person) + office_of(assignment.nomination.unit)


register(
    MediatorAssignment,
    Verb(
        "withdraw",
        _("回避或未到场"),
        "reconciliation.assign",
        services.withdraw_mediator,
        subject="assignment",
        form=WithdrawForm,
        when=lambda assignment: assignment.is_active,
        target=lambda assignment: assignment.dispute,
        style="outline-warning",
        confirm=_("该调解员将退出本争议；选择重新抽取的，按同一规则另抽一名。确定吗？"),
        done=_("%(person)s已退出争议“%(dispute)s”的和解调解。"),
        tell=Tell(
            _withdrawn_and_office,
            _("和解调解员退出：“%(dispute)s”"),
            _("%(person)s不再参与争议“%(dispute)s”的和解调解，原因：%(reason)s"),
        ),
    ),
)


def _session_people(session: Any, result: Any) -> list[Any]:
    return accounts_of(*session.mediators.all()) + office_of(session.dispute.unit)


register(
    MediationSession,
    Verb(
        "hold",
        _("登记已举行"),
        "reconciliation.assign",
        services.hold_session,
        subject="session",
        form=HoldForm,
        when=lambda session: session.is_scheduled,
        target=lambda session: session.dispute,
        style="success",
        done=_("已登记和解调解会已举行。"),
    ),
    Verb(
        "cancel",
        _("取消或未到场"),
        "reconciliation.assign",
        services.cancel_session,
        subject="session",
        form=CancelForm,
        when=lambda session: session.is_scheduled,
        target=lambda session: session.dispute,
        style="outline-danger",
        confirm=_("取消后如需再行调解，请重新安排。确定取消吗？"),
        done=_("已取消%(when)s的和解调解会。"),
        tell=Tell(
            _session_people,
            _("和解调解会取消：“%(dispute)s”"),
            _("原定%(when)s在%(place)s举行的和解调解会已取消。"),
        ),
    ),
)
