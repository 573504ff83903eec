from django.utils.translation import gettext_lazy as _

from govcounsel.core.exporters import Column, Report, attr

from .choices import AssignmentStatus
from .selectors import phone_as_shown


def _lawyers(dispute: object) -> str:
    rows = [
        row
        for row in dispute.lawyers.all()  # type: ignore[attr-defined]
        if not row.mediator and row.status == AssignmentStatus.ACTIVE
    ]
    rows.sort(key=lambda row: (not row.is_lead, row.pk))
    return "、".join(row.person.name for row in rows)


class DisputeReport(Report):
    """The dispute register; the counterparty's phone masked unless the reader calls the
    party (the organ's office, the reconciliation centre: `selectors.with_phone_shown`)."""

    title = _("行政争议")
    columns = [
        Column(_("争议名称"), attr("title"), 32),
        Column(_("行政机关"), attr("unit.name"), 24),
        Column(_("相对人"), attr("counterparty_name"), 16),
        Column(_("联系电话"), phone_as_shown, 14),
        Column(_("争议来源"), attr("origin"), 12),
        Column(_("发生日期"), attr("arose_on"), 12),
        Column(_("状态"), attr("status"), 14),
        Column(_("公职律师"), _lawyers, 14),
        Column(_("期限届满日"), attr("clock_deadline"), 12),
        Column(_("期限届满"), lambda d: "是" if d.clock_is_overdue else "否", 6),
        Column(_("化解结果"), attr("outcome"), 14),
    ]
