from typing import Any

from django.utils.translation import gettext_lazy as _

from govcounsel.core.exporters import Column, Report, attr


class MatterReport(Report):
    title = _("法律事务")
    columns = [
        Column(_("事项名称"), attr("title"), 36),
        Column(_("单位"), attr("unit.name"), 24),
        Column(_("职责类别"), attr("category"), 24),
        Column(_("状态"), attr("status"), 14),
        Column(
            _("承办律师"),
            lambda m: "、".join(a.person.name for a in m.assignments.all() if a.is_live),
            14,
        ),
        Column(_("办理期限"), attr("deadline"), 12),
        Column(_("超期"), lambda m: "是" if m.is_overdue else "否", 6),
        Column(_("评价得分"), attr("score"), 8),
    ]


class ArchiveReport(Report):
    """Rows are (item, value) pairs of a lawyer's work archive (archive.archive_rows)."""

    title = _("工作档案")
    columns = [Column(_("项目"), lambda row: row[0], 30), Column(_("数值"), lambda row: row[1], 20)]


class DispatchReport(Report):
    title = _("跨单位调派")
    columns = [
        Column(_("申请单位"), attr("unit.name"), 24),
        Column(_("上级单位"), attr("superior.name"), 24),
        Column(_("事项类别"), attr("category"), 14),
        Column(_("开始日期"), attr("starts_on"), 12),
        Column(_("结束日期"), attr("ends_on"), 12),
        Column(_("状态"), attr("status"), 10),
        Column(_("调派律师"), attr("lawyer.name"), 12),
    ]


class DecisionItemReport(Report):
    """A unit's list of decision items, each with its decisions and their state."""

    title = _("决策事项")
    columns = [
        Column(_("决策事项"), attr("title"), 30),
        Column(_("单位"), attr("unit.name"), 24),
        Column(_("在用"), lambda item: "是" if item.active else "否", 6),
        Column(
            _("决策"),
            lambda item: "；".join(
                f"{d.title}（{d.get_status_display()}）" for d in item.decisions.all()
            ),
            40,
        ),
    ]


def _expertise(person: Any) -> str:
    return "、".join(
        e.name if e.active else f"{e.name}{_('（已停用）')}" for e in person.expertise.all()
    )


class PoolReport(Report):
    """The talent pool: rows are people annotated with their open load (selectors.pool_of)."""

    title = _("人才库")
    columns = [
        Column(_("律师"), attr("name"), 12),
        Column(_("单位"), attr("unit.name"), 28),
        Column(_("专长"), _expertise, 30),
        Column(_("在办量"), attr("load"), 8),
    ]
