from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class RetentionRule(models.Model):
    """How long one kind of record is kept, on what basis, and what happens after (PIPL
    art. 19, 47: kept no longer than the purpose needs unless a law or regulation says
    otherwise; the decision is written where records must be kept)."""

    record_kind = models.CharField(_("记录类别"), max_length=64, unique=True)
    label = models.CharField(_("名称"), max_length=100)
    data_items = models.TextField(_("涉及的个人信息"), blank=True)
    retention = models.CharField(_("保存期限"), max_length=100)
    basis = models.TextField(_("依据"))
    on_expiry = models.CharField(_("期满处理"), max_length=200)
    decision = models.TextField(
        _("保存决定"), blank=True, help_text=_("须长期保存的，写明理由与批准情况。")
    )
    order = models.PositiveSmallIntegerField(_("顺序"), default=0)

    class Meta:
        verbose_name = _("保存期限规则")
        verbose_name_plural = _("保存期限规则")
        ordering = ["order", "record_kind"]

    def __str__(self) -> str:
        return f"{self.label}：{self.retention}"
