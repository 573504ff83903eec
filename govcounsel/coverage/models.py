from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from govcounsel.core.scoping import ScopedQuerySet, Via
from govcounsel.organisations.choices import UnitLevel

from .choices import BulletinStatus, Metric
from .groups import GroupKind, UnitGroup


class TargetQuerySet(ScopedQuerySet["Target"]):
    """Coverage targets, seen through their region."""

    def in_force(self, on: date) -> TargetQuerySet:
        """Targets not retired by `on`: a retired target counts until the day before its
        end date, so that figures and bulletins of earlier days still name it."""
        return self.filter(Q(retired_on__isnull=True) | Q(retired_on__gt=on))


class Target(models.Model):
    """A coverage target set by policy for a region and a group of its units (000 二,
    001 一(一), 003 二(六)): which metric, what percentage, by when, where it is written and
    in what words. The group and the metric are the ones the words name (DOMAIN.md §3)."""

    region = models.ForeignKey(
        "organisations.Region",
        verbose_name=_("区域"),
        on_delete=models.PROTECT,
        related_name="targets",
    )
    level = models.CharField(_("单位层级"), max_length=16, choices=UnitLevel.choices, blank=True)
    # "党政机关" is GroupKind.ORGAN: party and government organs, not people's organisations.
    kind = models.CharField(_("单位类别"), max_length=32, choices=GroupKind.choices, blank=True)
    enforcement = models.BooleanField(_("具有行政执法权"), null=True, blank=True)
    metric = models.CharField(
        _("指标"), max_length=16, choices=Metric.choices, default=Metric.COVERAGE
    )
    percentage = models.DecimalField(
        _("目标值（%）"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    deadline = models.DateField(_("期限"))
    source_clause = models.CharField(
        _("依据条款"), max_length=200, help_text=_("文件名称及条款序号。")
    )
    clause_text = models.TextField(
        _("条款原文"),
        blank=True,
        help_text=_("照录文件中规定该目标的原文，省略部分以“……”表示。"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # A target superseded by a later document is ended, not deleted: the dashboard of an
    # earlier day and the bulletins that named it still show it.
    retired_on = models.DateField(
        _("终止日期"), null=True, blank=True, help_text=_("自该日起不再适用。")
    )
    retired_reason = models.CharField(_("终止原因"), max_length=200, blank=True)

    objects = TargetQuerySet.as_manager()

    class Scoping:
        # Targets of the regions the user sees, and of the regions above their units; none
        # for the administrator duties, who keep the system and not its figures (三员分立).
        requires = "DOMAIN_ROLES"
        also = (Via("region", with_ancestors=True),)

    class Meta:
        verbose_name = _("覆盖目标")
        verbose_name_plural = _("覆盖目标")
        ordering = ["region__path", "deadline", "id"]
        constraints = [
            models.CheckConstraint(
                name="target_percentage_range",
                condition=Q(percentage__gte=0) & Q(percentage__lte=100),
            )
        ]

    def __str__(self) -> str:
        metric = self.get_metric_display()
        return f"{self.region} {self.group.label} {metric} {self.percentage}% ({self.deadline})"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        # A target is shown among its region's figures.
        return f"{reverse('coverage:dashboard')}?region={self.region.code}"

    @property
    def group(self) -> UnitGroup:
        return UnitGroup(level=self.level, kind=self.kind, enforcement=self.enforcement)

    @property
    def is_retired(self) -> bool:
        return self.retired_on is not None

    @property
    def in_published_bulletin(self) -> bool:
        """Named in a bulletin already generated: the record of what was reported stays."""
        return self.bulletins.filter(status=BulletinStatus.DONE).exists()


class BulletinQuerySet(ScopedQuerySet["Bulletin"]):
    """Quarterly bulletins, seen through their region."""


class Bulletin(models.Model):
    """A quarterly bulletin of a region's public-lawyer work (000 #12), kept once issued."""

    region = models.ForeignKey(
        "organisations.Region",
        verbose_name=_("区域"),
        on_delete=models.PROTECT,
        related_name="bulletins",
    )
    year = models.PositiveSmallIntegerField(_("年度"))
    quarter = models.PositiveSmallIntegerField(
        _("季度"), validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    status = models.CharField(
        _("状态"), max_length=16, choices=BulletinStatus.choices, default=BulletinStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("进度"), default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("申请人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("申请时间"), auto_now_add=True)
    finished_at = models.DateTimeField(_("完成时间"), null=True, blank=True)
    error = models.TextField(_("错误信息"), blank=True)
    summary = models.JSONField(_("摘要"), default=dict, blank=True)
    docx = models.FileField(upload_to="bulletins/%Y/", blank=True)
    xlsx = models.FileField(upload_to="bulletins/%Y/", blank=True)
    pdf = models.FileField(upload_to="bulletins/%Y/", blank=True)
    # The region's targets in force at the quarter's end, as the bulletin reported them.
    targets = models.ManyToManyField(
        Target, verbose_name=_("通报所列目标"), related_name="bulletins", blank=True
    )

    objects = BulletinQuerySet.as_manager()

    class Scoping:
        # Bulletins of the regions the user sees; none for the administrator duties.
        requires = "DOMAIN_ROLES"
        also = (Via("region"),)

    class Meta:
        verbose_name = _("季度通报")
        verbose_name_plural = _("季度通报")
        ordering = ["-year", "-quarter", "-requested_at"]
        constraints = [
            models.CheckConstraint(
                name="bulletin_quarter_range", condition=Q(quarter__gte=1) & Q(quarter__lte=4)
            )
        ]

    def __str__(self) -> str:
        return f"{self.region}{self.year}年第{self.quarter}季度通报"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("coverage:bulletin", kwargs={"pk": self.pk})

    @property
    def is_done(self) -> bool:
        return self.status == BulletinStatus.DONE

    @property
    def is_failed(self) -> bool:
        return self.status == BulletinStatus.FAILED

    @property
    def is_under_way(self) -> bool:
        """Queued or running: the page keeps asking until it ends."""
        return self.status in (BulletinStatus.QUEUED, BulletinStatus.RUNNING)
