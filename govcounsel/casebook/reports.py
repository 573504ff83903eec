from django.utils.translation import gettext_lazy as _

from govcounsel.core.exporters import Column, Report, attr


class TypicalCaseReport(Report):
    title = _("典型案例")
    columns = [
        Column(_("标题"), attr("title"), 36),
        Column(_("推荐单位"), attr("unit.name"), 28),
        Column(_("业务系统"), attr("sector"), 14),
        Column(_("年度"), attr("year"), 8),
        Column(_("状态"), attr("status"), 10),
        Column(_("推荐时间"), attr("nominated_at"), 20),
        Column(_("推荐理由"), attr("reason"), 36),
    ]
