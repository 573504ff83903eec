from django.utils.translation import gettext_lazy as _

from govcounsel.core.exporters import Column, Report, attr, yes_no


class UnitReport(Report):
    title = _("单位")
    columns = [
        Column(_("单位名称"), attr("name"), 30),
        Column(_("统一社会信用代码"), attr("credit_code"), 22),
        Column(_("单位类别"), attr("kind"), 12),
        Column(_("单位层级"), attr("level"), 12),
        Column(_("所在区域"), attr("region.name"), 12),
        Column(_("具有行政执法权"), yes_no("has_enforcement_power"), 8),
        Column(_("业务系统"), attr("sector"), 14),
        Column(_("机关代字"), attr("abbreviation"), 10),
        Column(_("垂直管理上级单位"), attr("vertical_superior.name"), 24),
        Column(_("法治工作机构联系人"), attr("rule_of_law_contact"), 10),
        Column(_("联系电话"), attr("rule_of_law_phone"), 14),
    ]
