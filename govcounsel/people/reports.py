from django.utils.translation import gettext_lazy as _

from govcounsel.core.exporters import Column, Report, attr, yes_no


def _qualifications(person: object) -> str:
    return "、".join(q.get_kind_display() for q in person.qualifications.all())  # type: ignore[attr-defined]


class PersonReport(Report):
    """Staff register; ID numbers and phones leave the system masked, and the birth date as
    its year only: day and month are what the masked number hides."""

    title = _("人员")
    columns = [
        Column(_("姓名"), attr("name"), 10),
        Column(_("性别"), attr("sex"), 6),
        Column(_("出生年份"), attr("birth_year"), 8),
        Column(_("身份证号码"), attr("id_number_masked"), 20),
        Column(_("联系电话"), attr("phone_masked"), 14),
        Column(_("所在单位"), attr("unit.name"), 28),
        Column(_("公务员"), yes_no("is_civil_servant"), 8),
        Column(_("专门从事法律事务"), yes_no("full_time_legal"), 10),
        Column(_("任职状态"), attr("employment_status"), 8),
        Column(_("法律职业资格"), _qualifications, 24),
    ]


class QualificationReport(Report):
    title = _("法律职业资格")
    columns = [
        Column(_("姓名"), attr("person.name"), 10),
        Column(_("所在单位"), attr("person.unit.name"), 28),
        Column(_("资格类别"), attr("kind"), 18),
        Column(_("证书编号"), attr("certificate_number"), 22),
        Column(_("取得日期"), attr("obtained_on"), 12),
    ]


class LegalAdviserReport(Report):
    title = _("法律顾问")
    columns = [
        Column(_("姓名"), attr("name"), 10),
        Column(_("顾问类别"), attr("kind"), 12),
        Column(_("所在机构"), attr("organisation"), 24),
        Column(_("服务单位"), attr("unit.name"), 28),
        Column(_("联系电话"), attr("phone_masked"), 14),
        Column(_("服务开始"), attr("service_start"), 12),
        Column(_("服务结束"), attr("service_end"), 12),
        Column(_("结束原因"), attr("end_reason"), 16),
    ]
