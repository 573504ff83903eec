"""The training registers as xlsx, csv and print (ADR 0018)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from govcounsel.core.exporters import Column, Report, attr, yes_no


class PlanReport(Report):
    title = _("培训计划")
    columns = [
        Column(_("计划名称"), attr("title"), 32),
        Column(_("年度"), attr("year"), 8),
        Column(_("制定机构"), attr("owner_name"), 24),
        Column(_("区域"), attr("region.name"), 14),
    ]


class CourseReport(Report):
    title = _("培训课程")
    columns = [
        Column(_("课程名称"), attr("title"), 30),
        Column(_("培训形式"), attr("kind"), 16),
        Column(_("培训类别"), attr("category"), 12),
        Column(_("主办（承办）单位"), attr("provider"), 22),
        Column(_("学时"), attr("hours"), 8),
        Column(_("开始日期"), attr("starts_on"), 12),
        Column(_("结束日期"), attr("ends_on"), 12),
        Column(_("地点"), lambda c: _("线上") if c.online else c.place, 16),
        Column(_("名额"), attr("capacity"), 8),
        Column(_("费用由单位承担"), yes_no("cost_borne_by_unit"), 8),
    ]


def _hours(enrolment: Any) -> Any:
    return enrolment.hours if enrolment.attended else ""


class EnrolmentReport(Report):
    """The register of a plan: who took which course and what was recorded, by whom."""

    title = _("培训登记册")
    columns = [
        Column(_("姓名"), attr("person.name"), 12),
        Column(_("单位"), attr("person.unit.name"), 24),
        Column(_("课程名称"), attr("course.title"), 30),
        Column(_("培训形式"), attr("course.kind"), 16),
        Column(_("培训类别"), attr("course.category"), 12),
        Column(_("开始日期"), attr("course.starts_on"), 12),
        Column(_("已参训"), yes_no("attended"), 8),
        Column(_("认定学时"), _hours, 8),
        Column(_("记录来源"), attr("source"), 12),
        Column(_("人均费用（元）"), attr("course.cost_per_person"), 10),
    ]


class ClaimReport(Report):
    title = _("自报培训")
    columns = [
        Column(_("培训名称"), attr("title"), 30),
        Column(_("姓名"), attr("person.name"), 12),
        Column(_("单位"), attr("person.unit.name"), 24),
        Column(_("主办单位"), attr("provider"), 20),
        Column(_("培训日期"), attr("day"), 12),
        Column(_("学时"), attr("hours"), 8),
        Column(_("状态"), attr("status"), 10),
    ]


class RequirementReport(Report):
    title = _("培训要求")
    columns = [
        Column(_("区域"), attr("region.name"), 14),
        Column(_("生效日期"), attr("effective_from"), 12),
        Column(_("失效日期"), attr("effective_to"), 12),
        Column(_("每年至少培训（次）"), attr("min_trainings"), 10),
        Column(_("每年至少学时"), attr("min_hours"), 10),
        Column(
            _("分类最低学时"),
            lambda r: "、".join(
                f"{m.get_category_display()}{m.min_hours}" for m in r.minimums.all()
            ),
            24,
        ),
        Column(_("职前培训适用的颁证起始日"), attr("pre_service_after"), 12),
        Column(_("职前培训完成期限（日）"), attr("pre_service_days"), 10),
        Column(_("依据"), attr("note"), 24),
    ]


class ExemptionReport(Report):
    title = _("培训免除")
    columns = [
        Column(_("姓名"), attr("person.name"), 12),
        Column(_("单位"), attr("person.unit.name"), 24),
        Column(_("年度"), attr("year"), 8),
        Column(_("免除月数"), attr("months"), 8),
        Column(_("理由"), attr("reason"), 30),
    ]


class SampleReport(Report):
    title = _("抽查核验")
    columns = [
        Column(_("区域"), attr("region.name"), 14),
        Column(_("年度"), attr("year"), 8),
        Column(_("随机种子"), attr("seed"), 18),
        Column(_("随机抽查比例（%）"), attr("percent"), 10),
        Column(_("风险抽查学时线"), attr("risk_hours"), 10),
        Column(_("抽取时间"), attr("drawn_at"), 18),
    ]


class ComplianceReport(Report):
    """One row per lawyer of the region and year: owed, done, what is missing."""

    title = _("公职律师年度培训达标情况")
    columns = [
        Column(_("姓名"), attr("name"), 12),
        Column(_("单位"), attr("unit_name"), 24),
        Column(_("在岗月数"), attr("counted_months"), 8),
        Column(_("应参训（次）"), attr("owed_trainings"), 8),
        Column(_("已参训（次）"), attr("done.trainings"), 8),
        Column(_("应完成学时"), attr("owed_hours"), 8),
        Column(_("已完成学时"), attr("done.hours"), 8),
        Column(_("达标"), lambda s: "否" if s.behind else "是", 6),
        Column(_("尚缺"), attr("missing_text"), 36),
        Column(_("免除理由"), attr("exemption_reason"), 16),
    ]
