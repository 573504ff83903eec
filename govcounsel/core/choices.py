from django.db import models
from django.utils.translation import gettext_lazy as _


class DayKind(models.TextChoices):
    """What the State Council's yearly holiday notice says of a day."""

    HOLIDAY = "holiday", _("法定节假日")
    WORKDAY = "workday", _("调休上班日")


class NoticeSource(models.TextChoices):
    """Where a year's arrangement comes from: the published notice, or the 放假办法 alone."""

    NOTICE = "notice", _("国务院办公厅通知")
    COMPUTED = "computed", _("按放假办法推算")


class ExportFormat(models.TextChoices):
    """The file formats a register can be exported in (ADR 0018)."""

    XLSX = "xlsx", _("Excel（.xlsx）")
    CSV = "csv", _("CSV（.csv）")


class ExportStatus(models.TextChoices):
    """Where a background export stands (ADR 0018)."""

    QUEUED = "queued", _("排队中")
    RUNNING = "running", _("正在导出")
    DONE = "done", _("已完成")
    FAILED = "failed", _("失败")
    EXPIRED = "expired", _("已过期")
