"""The workflow verbs of an administrative dispute: qualify (002 §5), guide (002 §8), put
the organ's lawyers on it and hear their duty conflicts (002 §9), close; and the
registrant's corrections before qualification (ADR 0021)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.recipients import accounts_of, office_of
from govcounsel.core.errors import DomainError
from govcounsel.core.verbs import Tell, Verb, register

from . import services
from .choices import AssignmentStatus, DisputeStatus
from .forms import (
    AssignForm,
    CloseForm,
    ConflictForm,
    DecideConflictForm,
    EditDisputeForm,
    GuideForm,
    QualifyForm,
    RelieveForm,
)
from .models import Dispute, DutyConflict


def _registered(dispute: Dispute) -> bool:
    return dispute.status == DisputeStatus.REGISTERED


def _in_hand(dispute: Dispute) -> bool:
    return dispute.status in (DisputeStatus.QUALIFIED, DisputeStatus.HANDLING)


def _organ_lawyers(dispute: Dispute) -> list[Any]:
    return [
        row
        for row in dispute.lawyers.all()
        if not row.mediator and row.status == AssignmentStatus.ACTIVE
    ]


def _has_open_conflict(dispute: Dispute) -> bool:
    return any(
        c.is_open for row in dispute.lawyers.all() for c in row.conflicts.all() if not row.mediator
    )


def _lawyers_told(dispute: Dispute, result: Any) -> list[Any]:
    return accounts_of(*[row.person_id for row in _organ_lawyers(result)])


def _lawyer_names(dispute: Dispute, result: Any) -> dict[str, Any]:
    rows = sorted(_organ_lawyers(result), key=lambda row: (not row.is_lead, row.pk))
    return {"lawyers": "、".join(row.person.name for row in rows)}


def _conflict_words(dispute: Dispute, conflict: DutyConflict) -> dict[str, Any]:
    return {
        "lawyer": conflict.lawyer.person.name,
        "decision": conflict.get_decision_display(),
        "head": conflict.decided_by_head,
        "description": conflict.description,
    }


def _no_edit(dispute: Dispute) -> DomainError:
    return DomainError(
        "already_qualified",
        _("争议已经认定，登记信息不能再修改；如有出入，请在办理记录中说明。"),
    )


register(
    Dispute,
    Verb(
        "qualify",
        _("认定"),
        "disputes.run",
        services.qualify,
        subject="dispute",
        form=QualifyForm,
        when=_registered,
        style="danger",
        help=_("逐项对照《实施办法》第五条的四个条件认定；任一条件不符合的，不构成行政争议。"),
        confirm=_("认定后登记信息不能再修改。确定提交认定结果吗？"),
        done=_("已认定“%(title)s”：%(status)s。"),
        words=lambda dispute, result: {"status": result.get_status_display()},
    ),
    Verb(
        "guide",
        _("渠道引导"),
        "disputes.run",
        services.guide,
        subject="dispute",
        form=GuideForm,
        transition="guide",
        style="primary",
        help=_("引导当事人通过合法渠道维权，优先选择成本较低的途径（002 第八条）。"),
        done=_("已记录“%(title)s”的渠道引导。"),
    ),
    Verb(
        "assign",
        _("委派公职律师"),
        "disputes.run",
        services.assign,
        subject="dispute",
        form=AssignForm,
        when=_in_hand,
        style="outline-primary",
        words=_lawyer_names,
        done=_("已委派%(lawyers)s参与化解“%(title)s”。"),
        tell=Tell(
            _lawyers_told,
            _("参与行政争议化解：“%(title)s”"),
            _("本单位委派您参与该行政争议的化解（002 第九条）。"),
        ),
    ),
    Verb(
        "relieve",
        _("调整公职律师"),
        "disputes.run",
        services.relieve,
        subject="dispute",
        form=RelieveForm,
        when=lambda dispute: _in_hand(dispute) and bool(_organ_lawyers(dispute)),
        style="outline-warning",
        then=lambda dispute, row: dispute,
        words=lambda dispute, row: {"lawyer": row.person.name},
        done=_("已调整%(lawyer)s，不再参与化解“%(title)s”。"),
        tell=Tell(
            lambda dispute, row: accounts_of(row.person_id),
            _("不再参与行政争议化解：“%(title)s”"),
            _("调整原因：%(reason)s"),
        ),
    ),
    Verb(
        "report-conflict",
        _("报告工作冲突"),
        "disputes.work",
        services.report_conflict,
        subject="dispute",
        form=ConflictForm,
        when=_in_hand,
        style="outline-warning",
        then=lambda dispute, conflict: dispute,
        done=_("已报告工作冲突，等待本单位负责人处理。"),
        tell=Tell(
            lambda dispute, conflict: office_of(dispute.unit),
            _("工作冲突待负责人处理：“%(title)s”"),
            _("%(name)s报告：%(description)s"),
        ),
        words=lambda dispute, conflict: {"name": conflict.lawyer.person.name},
    ),
    Verb(
        "decide-conflict",
        _("记录负责人决定"),
        "disputes.run",
        services.decide_conflict,
        subject="dispute",
        form=DecideConflictForm,
        when=_has_open_conflict,
        style="outline-primary",
        then=lambda dispute, conflict: dispute,
        words=_conflict_words,
        done=_("已记录负责人%(head)s对%(lawyer)s工作冲突的决定：%(decision)s。"),
        tell=Tell(
            lambda dispute, conflict: accounts_of(conflict.lawyer.person_id),
            _("工作冲突已处理：“%(title)s”"),
            _("负责人%(head)s决定：%(decision)s。"),
        ),
    ),
    Verb(
        "close",
        _("办结"),
        "disputes.run",
        services.close,
        subject="dispute",
        form=CloseForm,
        transition="close",
        style="success",
        confirm=_("办结后争议不能再引导或委派。确定办结吗？"),
        done=_("已办结“%(title)s”：%(outcome)s。"),
        words=lambda dispute, result: {"outcome": result.get_outcome_display()},
        tell=Tell(
            _lawyers_told,
            _("行政争议已办结：“%(title)s”"),
            _("化解结果：%(outcome)s。"),
        ),
    ),
    Verb(
        "edit",
        _("修改登记信息"),
        "disputes.correct",
        services.edit_dispute,
        subject="dispute",
        form=EditDisputeForm,
        when=_registered,
        refusal=_no_edit,
        style="outline-primary",
        done=_("已修改登记信息。"),
    ),
    Verb(
        "delete",
        _("删除误登记"),
        "disputes.correct",
        services.delete_dispute,
        subject="dispute",
        when=lambda dispute: _registered(dispute) and not dispute.qualification.exists(),
        refusal=_no_edit,
        style="outline-danger",
        confirm=_("仅用于删除误登记的争议，删除后不能恢复（审计日志保留原内容）。确定删除吗？"),
        done=_("已删除误登记的行政争议。"),
        then=lambda dispute, unit: _Register(),
        answer_serializer="govcounsel.disputes.api.DeletedSerializer",
    ),
)


class _Register:
    """Where the page goes after a delete: the register (the dispute is gone)."""

    pk = None
    deleted = True

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("disputes:list")
