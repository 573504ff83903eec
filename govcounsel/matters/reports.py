from django.utils.translation import gettext_lazy as _

from govcounsel.core.exporters import Column, Report, attr

from .choices import AssignmentStatus


class MatterReport(Report):
    title = _("法律事务")
    columns = [
        Column(_("事项名称"), attr("title"), 36),
        Column(_("单位"), attr("unit.name"), 24),
        Column(_("职责类别"), attr("category"), 24),
        Column(_("状态"), attr("status"), 14),
        Column(
            _("承办律师"),
            lambda m: "、".join(
                a.person.name for a in m.assignments.all() if a.status != AssignmentStatus.DECLINED
            ),
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
