from django.db import models
from django.utils.translation import gettext_lazy as _


class Metric(models.TextChoices):
    # 001 一(一): units with a public lawyer; 一(二): or whose duties legal advisers carry.
    COVERAGE = "coverage", _("公职律师覆盖率")
    WORK = "work", _("公职律师工作开展率")


class TargetStatus(models.TextChoices):
    MET = "met", _("已达成")
    ON_TRACK = "on_track", _("推进中")
    MISSED = "missed", _("未达成")


class BulletinStatus(models.TextChoices):
    QUEUED = "queued", _("排队中")
    RUNNING = "running", _("生成中")
    DONE = "done", _("已生成")
    FAILED = "failed", _("生成失败")
