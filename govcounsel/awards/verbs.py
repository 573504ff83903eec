"""The verbs of award cycles (002 §19): the bureau proposes and closes the list, units
nominate, the committee office decides; a candidate is withdrawn while the list is open."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.recipients import accounts_of, bureau_of, office_of, supervisor_of
from govcounsel.core.verbs import Tell, Verb, register

from . import services
from .forms import CandidateForm, DecideForm, NominateForm, NoteForm, WithdrawForm
from .models import AwardCycle, Candidate


def _awardees(cycle: AwardCycle, result: Any = None) -> list[Any]:
    """The offices of the awarded units and lawyers' units, and the awarded lawyers."""
    told: dict[int, Any] = {}
    for candidate in cycle.candidates.awarded().select_related("unit"):
        for user in office_of(candidate.unit):
            told[user.pk] = user
        if candidate.person_id:
            for user in accounts_of(candidate.person_id):
                told[user.pk] = user
    return list(told.values())


def _awardee_words(cycle: AwardCycle, result: Any) -> dict[str, Any]:
    number = cycle.decision.number if cycle.decision else ""
    return {"number": number, "title": cycle.decision_title}


register(
    AwardCycle,
    Verb(
        "propose",
        _("推荐候选"),
        "awards.prepare",
        services.propose,
        subject="cycle",
        form=CandidateForm,
        when=lambda cycle: cycle.is_open,
        style="primary",
        done=_("已将%(candidate)s列入候选名单。"),
        words=lambda cycle, candidate: {"candidate": candidate},
    ),
    Verb(
        "nominate",
        _("申报本单位候选"),
        "awards.nominate",
        services.nominate,
        subject="cycle",
        form=NominateForm,
        when=lambda cycle: cycle.is_open,
        style="primary",
        done=_("已申报%(candidate)s为候选。"),
        words=lambda cycle, candidate: {"candidate": candidate},
        tell=Tell(
            lambda cycle, candidate: bureau_of(cycle.region),
            _("单位申报评选候选：%(candidate)s"),
            _("%(candidate)s申报参加%(year)s年度评选，请审核后确定候选名单。"),
        ),
    ),
    Verb(
        "lock",
        _("确定候选名单并提交决定"),
        "awards.prepare",
        services.lock_list,
        subject="cycle",
        form=NoteForm,
        transition="lock",
        style="warning",
        confirm=_(
            "确定后候选名单不能再增减，各候选的事迹数据将按此刻的记录留存，作为表彰决定的依据。确定吗？"
        ),
        done=_("已确定候选名单，提交依法治市（县）办作出表彰决定。"),
        tell=Tell(
            lambda cycle, result: supervisor_of(cycle.region),
            _("评选待决定：%(region)s%(year)s年度"),
            _("司法局已确定候选名单，请在名额内选定先进单位和先进个人并作出表彰决定。"),
        ),
    ),
    Verb(
        "decide",
        _("作出表彰决定"),
        "awards.decide",
        services.decide,
        subject="cycle",
        form=DecideForm,
        transition="close",
        style="success",
        confirm=_("表彰决定将编号印发并结束本次评选，不能撤销。确定作出决定吗？"),
        done=_("已印发%(number)s《%(title)s》，本次评选结束。"),
        words=_awardee_words,
        tell=Tell(
            _awardees,
            _("受到表彰：%(title)s"),
            _("%(number)s已印发，请查看表彰名单。"),
        ),
    ),
)

register(
    Candidate,
    Verb(
        "withdraw",
        _("撤回候选"),
        "awards.withdraw_candidate",
        services.withdraw_candidate,
        subject="candidate",
        form=WithdrawForm,
        when=lambda candidate: candidate.cycle.is_open,
        style="outline-danger",
        confirm=_("撤回后该候选将从名单中删除（办理记录保留）。确定撤回吗？"),
        done=_("已撤回候选。"),
        then=lambda candidate, cycle: cycle,
        answer_serializer="govcounsel.awards.api.AwardCycleSerializer",
    ),
)
