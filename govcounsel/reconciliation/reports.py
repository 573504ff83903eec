"""The reconciliation centre's registers as exports and prints (ADR 0018)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.core.exporters import Column, Report, attr


class PoolRuleReport(Report):
    title = _("人才库规则")
    columns = [
        Column(_("区域"), attr("region.name"), 12),
        Column(_("施行日期"), attr("valid_from"), 12),
        Column(_("有效期至"), attr("valid_to"), 12),
        Column(_("每年推荐"), lambda r: f"{r.quota_min}–{r.quota_max}", 10),
        Column(_("推荐截止"), lambda r: f"{r.due_month}月{r.due_day}日", 10),
        Column(_("同时办理上限"), attr("load_cap"), 10),
        Column(_("依据条款"), attr("basis"), 30),
        Column(_("终止日期"), attr("retired_on"), 12),
    ]


class NominationReport(Report):
    title = _("和解调解员人才库")
    columns = [
        Column(_("和解调解员"), attr("person.name"), 12),
        Column(_("推荐单位"), attr("unit.name"), 28),
        Column(_("业务系统"), attr("unit.sector"), 14),
        Column(_("推荐年度"), attr("year"), 8),
        Column(_("起始日期"), attr("starts_on"), 12),
        Column(_("届满日期"), attr("ends_on"), 12),
        Column(_("状态"), attr("status"), 8),
    ]


class MissingReport(Report):
    title = _("未推荐单位")
    columns = [
        Column(_("单位名称"), attr("name"), 30),
        Column(_("所在区域"), attr("region.name"), 12),
        Column(_("业务系统"), attr("sector"), 14),
        Column(_("法治工作机构联系人"), attr("rule_of_law_contact"), 14),
    ]


class AwaitingReport(Report):
    title = _("待委派和解调解员的争议")
    columns = [
        Column(_("争议名称"), attr("title"), 36),
        Column(_("被申请行政机关"), attr("unit.name"), 28),
        Column(_("业务系统"), attr("unit.sector"), 14),
        Column(_("状态"), attr("status"), 10),
        Column(_("登记时间"), lambda d: timezone.localtime(d.registered_at).date(), 12),
    ]


class SessionReport(Report):
    title = _("和解调解会")
    columns = [
        Column(_("时间"), attr("when"), 24),
        Column(_("争议"), attr("dispute.title"), 30),
        Column(_("地点"), attr("place"), 20),
        Column(_("和解调解员"), lambda s: "、".join(p.name for p in s.mediators.all()), 18),
        Column(_("状态"), attr("status"), 8),
        Column(_("记录与结果"), attr("note"), 30),
    ]


class LedgerReport(Report):
    """Rows are units annotated by selectors.with_ledger."""

    title = _("和解调解工作台账")
    columns = [
        Column(_("单位名称"), attr("name"), 30),
        Column(_("业务系统"), attr("sector"), 14),
        Column(_("在库和解调解员"), attr("mediators"), 10),
        Column(_("参与和解调解会（已举行）"), attr("sessions_held"), 12),
        Column(_("进入和解中心的争议"), attr("disputes_received"), 12),
    ]


class MineReport(Report):
    title = _("我的和解调解")
    columns = [
        Column(_("争议"), attr("dispute.title"), 30),
        Column(_("被申请行政机关"), attr("dispute.unit.name"), 24),
        Column(_("状态"), attr("status"), 8),
        Column(_("委派时间"), lambda a: timezone.localtime(a.assigned_at).date(), 12),
    ]
