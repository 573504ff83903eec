"""Oversight of matters: supervision records (000 #11) and overtime worked (001 三(四))."""

from __future__ import annotations

from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .matter import Matter


class SupervisionLevel(models.TextChoices):
    REMINDER = "reminder", _("到期提醒")
    OVERDUE = "overdue", _("超期督办")
    ESCALATED = "escalated", _("上报督办")


class Supervision(models.Model):
    """A supervision step taken on a matter for one deadline; taken once (000 #11)."""

    matter = models.ForeignKey(Matter, on_delete=models.CASCADE, related_name="supervisions")
    level = models.CharField(_("督办级别"), max_length=16, choices=SupervisionLevel.choices)
    deadline = models.DateField(_("对应期限"))
    at = models.DateTimeField(_("时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("督办记录")
        verbose_name_plural = _("督办记录")
        constraints = [
            models.UniqueConstraint(fields=["matter", "level", "deadline"], name="supervision_once")
        ]

    def __str__(self) -> str:
        return f"{self.matter_id} {self.level}"


class Overtime(models.Model):
    """Overtime worked on a matter; it earns the same hours of compensatory leave (001 三(四))."""

    matter = models.ForeignKey(Matter, on_delete=models.PROTECT, related_name="overtime")
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("公职律师"),
        on_delete=models.PROTECT,
        related_name="overtime",
    )
    worked_on = models.DateField(_("加班日期"))
    hours = models.DecimalField(
        _("加班时长（小时）"),
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(0.5), MaxValueValidator(24)],
    )
    note = models.CharField(_("工作内容"), max_length=200, blank=True)
    recorded_at = models.DateTimeField(_("登记时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("加班记录")
        verbose_name_plural = _("加班记录")
        ordering = ["-worked_on", "-id"]
        constraints = [
            models.CheckConstraint(
                name="overtime_hours_range", condition=Q(hours__gt=0) & Q(hours__lte=24)
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} {self.worked_on} {self.hours}h"

    @property
    def leave_hours(self) -> Any:
        return self.hours  # one hour of leave for each hour worked
