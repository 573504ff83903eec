"""What a typical case's fields may hold (002 §18)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseStatus(models.TextChoices):
    NOMINATED = "nominated", _("待审核")
    EDITING = "editing", _("编辑中")
    DECLINED = "declined", _("未采用")
    PUBLISHED = "published", _("已发布")
    WITHDRAWN = "withdrawn", _("已撤下")


class CaseAction(models.TextChoices):
    NOMINATED = "nominated", _("推荐")
    ACCEPTED = "accepted", _("采用并进入编辑")
    DECLINED = "declined", _("不予采用")
    EDITED = "edited", _("编辑")
    ANONYMISED = "anonymised", _("隐名处理")
    PUBLISHED = "published", _("发布")
    REVISED = "revised", _("修订已发布案例")
    WITHDRAWN = "withdrawn", _("撤下")
