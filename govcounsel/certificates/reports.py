from django.utils.translation import gettext_lazy as _

from govcounsel.core.exporters import Column, Report, attr
from govcounsel.people.reports import PersonReport


class ApplicationReport(Report):
    title = _("证书申请")
    columns = [
        Column(_("申请人"), attr("person.name"), 10),
        Column(_("申报单位"), attr("unit.name"), 28),
        Column(_("状态"), attr("status"), 18),
        Column(_("申请时间"), attr("created_at"), 20),
        Column(_("审批时间"), attr("decided_at"), 20),
    ]


class CertificateReport(Report):
    title = _("公职律师证书")
    columns = [
        Column(_("执业证号"), attr("number"), 20),
        Column(_("持证人"), attr("person.name"), 10),
        Column(_("执业单位"), attr("unit.name"), 28),
        Column(_("状态"), attr("status"), 10),
        Column(_("首次批准年份"), attr("first_approved_year"), 10),
        Column(_("颁证日期"), attr("issued_on"), 12),
        Column(_("终止日期"), attr("ended_on"), 12),
    ]


class CaseReport(Report):
    title = _("注销案件")
    columns = [
        Column(_("执业证号"), attr("certificate.number"), 20),
        Column(_("持证人"), attr("certificate.person.name"), 10),
        Column(_("执业单位"), attr("certificate.unit.name"), 28),
        Column(_("事由"), attr("reason"), 8),
        Column(_("事由发生日期"), attr("event_on"), 12),
        Column(_("办理期限"), attr("due_on"), 12),
        Column(_("超期"), lambda case: "是" if case.is_overdue else "否", 6),
        Column(_("状态"), attr("status"), 16),
    ]


class QualifiedStaffReport(PersonReport):
    title = _("具有资格但未申请人员")


class MembershipReport(Report):
    title = _("律师协会会员")
    columns = [
        Column(_("会员"), attr("person.name"), 10),
        Column(_("会员证号"), attr("member_number"), 18),
        Column(_("所在单位"), attr("person.unit.name"), 28),
        Column(_("入会日期"), attr("joined_on"), 12),
        Column(_("退会日期"), attr("ended_on"), 12),
        Column(_("退会原因"), attr("end_reason"), 24),
    ]
