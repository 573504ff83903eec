from django.utils.translation import gettext_lazy as _

from govcounsel.core.exporters import Column, Report, attr


def _record(activity: object) -> str:
    record = getattr(activity, "record", None)
    return str(record) if record is not None else ""


class ActivityReport(Report):
    title = _("争议化解与普法活动")
    columns = [
        Column(_("活动名称"), attr("title"), 28),
        Column(_("活动日期"), attr("day"), 12),
        Column(_("活动类别"), attr("kind"), 22),
        Column(_("公职律师"), attr("people_names"), 18),
        Column(_("单位"), attr("unit.name"), 24),
        Column(_("地点"), attr("place"), 18),
        Column(_("受众人数"), attr("audience"), 8),
        Column(_("时长（小时）"), attr("hours"), 8),
        Column(_("关联事项或争议"), _record, 24),
        Column(_("登记方式"), attr("source"), 10),
    ]
