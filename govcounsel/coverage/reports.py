from django.utils.translation import gettext_lazy as _

from govcounsel.core.exporters import Column, Report, attr
from govcounsel.organisations.choices import UnitLevel


def _percent(value: float | None) -> str:
    return "" if value is None else f"{value * 100:.1f}%"


class RegionFiguresReport(Report):
    """Rows are (name, code, Figures)."""

    title = _("分区域覆盖情况")
    columns = [
        Column(_("区域"), lambda row: row[0], 16),
        Column(_("区划代码"), lambda row: row[1], 10),
        Column(_("单位数"), lambda row: row[2].units, 8),
        Column(_("有公职律师"), lambda row: row[2].covered, 10),
        Column(_("仅由法律顾问开展"), lambda row: row[2].advised_only, 12),
        Column(_("均无"), lambda row: row[2].neither, 8),
        Column(_("应设未设"), lambda row: row[2].shortfall, 8),
        Column(_("公职律师覆盖率"), lambda row: _percent(row[2].coverage_rate), 12),
        Column(_("工作开展率"), lambda row: _percent(row[2].work_rate), 12),
    ]


class UnitStatusReport(Report):
    title = _("单位")
    columns = [
        Column(_("单位名称"), attr("name"), 30),
        Column(_("所在区域"), attr("region.name"), 12),
        # As of the day of the figures (ADR 0009), not today's attributes.
        Column(_("单位层级"), lambda u: str(UnitLevel(u.level_on).label), 12),
        Column(_("具有行政执法权"), lambda u: "是" if u.enforcement_on else "否", 8),
        Column(_("有公职律师"), lambda u: "是" if u.has_lawyer else "否", 8),
        Column(_("有法律顾问"), lambda u: "是" if u.has_adviser else "否", 8),
        Column(_("有符合条件人员"), lambda u: "是" if u.has_candidate else "否", 10),
    ]


class TargetReport(Report):
    """Rows are TargetReadings."""

    title = _("覆盖目标")
    columns = [
        Column(_("区域"), lambda r: r.target.region.name, 12),
        Column(_("单位范围"), lambda r: r.target.group.label, 24),
        Column(_("指标"), lambda r: r.target.get_metric_display(), 16),
        Column(_("目标值（%）"), lambda r: float(r.target.percentage), 10),
        Column(_("期限"), lambda r: r.target.deadline, 12),
        Column(_("实际"), lambda r: _percent(r.rate), 10),
        Column(_("测算日期"), lambda r: r.measured_on, 12),
        Column(_("状态"), lambda r: str(r.status.label), 8),
        Column(_("依据条款"), lambda r: r.target.source_clause, 40),
        Column(_("条款原文"), lambda r: r.target.clause_text, 60),
    ]


class BulletinReport(Report):
    title = _("季度通报")
    columns = [
        Column(_("通报"), str, 30),
        Column(_("状态"), attr("status"), 10),
        Column(
            _("申请人"),
            lambda b: b.requested_by.display_name if b.requested_by else _("定时任务"),
            14,
        ),
        Column(_("申请时间"), attr("requested_at"), 18),
    ]
