"""The awards registers as exports and prints (ADR 0018)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from govcounsel.core.exporters import Column, Report, attr

from .selectors import FIGURE_LABELS, figures_of, shown


class CycleReport(Report):
    title = _("评选表彰")
    columns = [
        Column(_("评选"), str, 40),
        Column(_("评选年度"), attr("year"), 8),
        Column(_("状态"), attr("status"), 10),
        Column(_("适用规则"), lambda c: c.rule.basis, 30),
        Column(_("先进单位名额"), lambda c: c.rule.unit_quota, 8),
        Column(_("先进个人名额"), lambda c: c.rule.individual_quota, 8),
        Column(_("表彰决定"), lambda c: c.decision.number if c.decision else "", 20),
    ]


class RuleReport(Report):
    title = _("评选规则")
    columns = [
        Column(_("区域"), attr("region.name"), 12),
        Column(_("依据条款"), attr("basis"), 36),
        Column(_("施行日期"), attr("valid_from"), 12),
        Column(_("有效期至"), lambda r: r.valid_to or "", 12),
        Column(_("评选月份"), attr("cycle_month"), 8),
        Column(_("先进单位名额"), attr("unit_quota"), 8),
        Column(_("先进个人名额"), attr("individual_quota"), 8),
    ]


def _figure(key: str) -> Any:
    return lambda candidate: shown(getattr(figures_of(candidate), key))


class AwardeeReport(Report):
    """The awarded candidates with the figures the decision rested on."""

    title = _("表彰名单")
    columns = [
        Column(_("单位"), attr("unit.name"), 30),
        Column(_("公职律师"), lambda c: c.person.name if c.person else "", 10),
        Column(_("类别"), attr("kind"), 10),
        Column(_("评选年度"), attr("cycle.year"), 8),
        Column(_("区域"), attr("cycle.region.name"), 10),
        Column(_("表彰决定"), lambda c: c.cycle.decision.number if c.cycle.decision else "", 20),
        *[Column(label, _figure(key), 10) for key, label in FIGURE_LABELS],
    ]


class RepeatedReport(Report):
    """Public lawyers awarded in two or more cycles (002 §19)."""

    title = _("多次评优公职律师")
    columns = [
        Column(_("姓名"), attr("name"), 10),
        Column(_("单位"), lambda p: p.unit.name if p.unit else "", 30),
        Column(_("表彰次数"), attr("award_count"), 8),
        Column(_("备注"), lambda p: _("多次评优，人才推荐优先"), 24),
    ]
