"""The reconciliation centre (和解中心): its pool rules, the mediators organs nominate to it,
the draws that assign them to disputes, and the mediation sessions (002 §7, §10, §20)."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.core.scoping import Mine, Reach, ScopedQuerySet, Via

from .choices import (
    CancelReason,
    MediatorStatus,
    NominationStatus,
    SessionStatus,
)

# How the records of a dispute reach people: the organ's office, the region's supervisor,
# justice bureau and centre, and the lawyers and mediators on it (as Dispute itself).
_DISPUTE_READERS = {
    "roles": "UNIT_ROLES",
    "unit": "dispute__unit_id",
    "system": "dispute__unit__system_path",
}


class PoolRuleQuerySet(ScopedQuerySet["PoolRule"]):
    def in_force(self, on: date) -> PoolRuleQuerySet:
        """Rules whose period covers the day and that were not retired by then."""
        return self.filter(valid_from__lte=on, valid_to__gte=on).filter(
            Q(retired_on__isnull=True) | Q(retired_on__gt=on)
        )


class PoolRule(models.Model):
    """The rules a centre keeps its mediator pool by, as data with the period of the measure
    that sets them (002 §10, §20): the yearly quota per organ, when nominations are due, how
    long one lasts, and whom a draw may pick for a dispute."""

    region = models.ForeignKey(
        "organisations.Region",
        verbose_name=_("和解中心所在区域"),
        on_delete=models.PROTECT,
        related_name="pool_rules",
    )
    valid_from = models.DateField(_("施行日期"))
    valid_to = models.DateField(_("有效期至"))
    # 002 §10: "每年……遴选1至2名".
    quota_min = models.PositiveSmallIntegerField(
        _("每年推荐下限"), default=1, validators=[MinValueValidator(1)]
    )
    quota_max = models.PositiveSmallIntegerField(
        _("每年推荐上限"), default=2, validators=[MinValueValidator(1)]
    )
    due_month = models.PositiveSmallIntegerField(
        _("推荐截止月"), default=3, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    due_day = models.PositiveSmallIntegerField(
        _("推荐截止日"), default=31, validators=[MinValueValidator(1), MaxValueValidator(31)]
    )
    term_months = models.PositiveSmallIntegerField(
        _("推荐期限（月）"), default=12, validators=[MinValueValidator(1)]
    )
    # 002 §10: mediators take cases "与本系统专业相关".
    same_sector = models.BooleanField(_("限本业务系统"), default=True)
    exclude_own_staff = models.BooleanField(_("回避被申请机关本单位人员"), default=True)
    load_cap = models.PositiveSmallIntegerField(
        _("每名调解员同时办理上限"), default=3, validators=[MinValueValidator(1)]
    )
    mediators_per_dispute = models.PositiveSmallIntegerField(
        _("每件争议抽取人数"), default=1, validators=[MinValueValidator(1)]
    )
    basis = models.CharField(_("依据条款"), max_length=200)
    clause_text = models.TextField(_("条款原文"), blank=True)
    # ADR 0021: a rule superseded is ended and kept; the draws made under it still name it.
    retired_on = models.DateField(_("终止日期"), null=True, blank=True)
    retired_reason = models.CharField(_("终止原因"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = PoolRuleQuerySet.as_manager()

    class Scoping:
        # Read by every business role of the region and of the regions below it.
        requires = "DOMAIN_ROLES"
        also = (Via("region", with_ancestors=True),)

    class Meta:
        verbose_name = _("人才库规则")
        verbose_name_plural = _("人才库规则")
        ordering = ["region__path", "-valid_from", "id"]
        constraints = [
            models.CheckConstraint(
                name="pool_rule_period_ordered", condition=Q(valid_to__gte=models.F("valid_from"))
            ),
            models.CheckConstraint(
                name="pool_rule_quota_ordered", condition=Q(quota_max__gte=models.F("quota_min"))
            ),
        ]

    def __str__(self) -> str:
        return f"{self.region}（{self.valid_from}至{self.valid_to}）"

    def get_absolute_url(self) -> str:
        return reverse("reconciliation:rule", kwargs={"pk": self.pk})

    def clean(self) -> None:
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("有效期至不能早于施行日期。")})
        if self.quota_min and self.quota_max and self.quota_max < self.quota_min:
            raise ValidationError({"quota_max": _("上限不能小于下限。")})
        try:
            date(2024, self.due_month or 1, self.due_day or 1)
        except ValueError:
            raise ValidationError({"due_day": _("推荐截止日期无效。")}) from None

    @property
    def is_retired(self) -> bool:
        return self.retired_on is not None

    def due_on(self, year: int) -> date:
        """The nomination due date of a year (29 February falls back to the 28th)."""
        try:
            return date(year, self.due_month, self.due_day)
        except ValueError:
            return date(year, self.due_month, 28)


class NominationQuerySet(ScopedQuerySet["Nomination"]):
    def counting(self) -> NominationQuerySet:
        """The nominations that count against a year's quota: an ended one frees its place,
        and a renewal starting in the same year takes the place of the term it follows."""
        return self.exclude(status=NominationStatus.ENDED).exclude(
            status=NominationStatus.RENEWED, renewal__year=models.F("year")
        )

    def in_force(self, on: date) -> NominationQuerySet:
        return self.filter(status=NominationStatus.ACTIVE, starts_on__lte=on, ends_on__gte=on)


class Nomination(models.Model):
    """A public lawyer an organ puts in the centre's mediator pool for a term (002 §10)."""

    unit = models.ForeignKey(
        "organisations.Unit",
        verbose_name=_("推荐单位"),
        on_delete=models.PROTECT,
        related_name="mediator_nominations",
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("和解调解员"),
        on_delete=models.PROTECT,
        related_name="mediator_nominations",
    )
    rule = models.ForeignKey(
        PoolRule, verbose_name=_("适用规则"), on_delete=models.PROTECT, related_name="nominations"
    )
    year = models.PositiveSmallIntegerField(_("推荐年度"))
    starts_on = models.DateField(_("起始日期"))
    ends_on = models.DateField(_("届满日期"))
    status = models.CharField(
        _("状态"), max_length=16, choices=NominationStatus.choices, default=NominationStatus.ACTIVE
    )
    renewed_from = models.OneToOneField(
        "self",
        verbose_name=_("续期自"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="renewal",
    )
    ended_on = models.DateField(_("退出日期"), null=True, blank=True)
    end_reason = models.CharField(_("退出原因"), max_length=200, blank=True)
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    nominated_at = models.DateTimeField(_("推荐时间"), default=timezone.now, editable=False)

    objects = NominationQuerySet.as_manager()

    class Scoping:
        # The organ's office sees its own; the centre (and supervisor, bureau) of the region
        # all of the region's; the lawyer their own.
        roles = "UNIT_ROLES"
        unit = "unit_id"
        system = "unit__system_path"
        also = (
            Reach("DISPUTE_REGION_ROLES", region="unit__region__path"),
            Mine(person="person_id"),
        )

    class Meta:
        verbose_name = _("和解调解员推荐")
        verbose_name_plural = _("和解调解员推荐")
        ordering = ["-year", "unit_id", "id"]
        indexes = [models.Index(fields=["unit", "year"], name="nomination_unit_year")]
        constraints = [
            models.CheckConstraint(
                name="nomination_term_ordered", condition=Q(ends_on__gte=models.F("starts_on"))
            ),
            models.UniqueConstraint(
                # A renewed term and its renewal may share a year; one of them is active.
                fields=["person", "year"],
                condition=Q(status=NominationStatus.ACTIVE),
                name="one_nomination_per_person_and_year",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person}（{self.unit}，{self.year}年）"

    def get_absolute_url(self) -> str:
        return reverse("reconciliation:nomination", kwargs={"pk": self.pk})

    @property
    def is_active(self) -> bool:
        return self.status == NominationStatus.ACTIVE

    @property
    def is_expired(self) -> bool:
        return self.is_active and self.ends_on < timezone.localdate()


class MediatorDrawQuerySet(ScopedQuerySet["MediatorDraw"]):
    pass


class MediatorDraw(models.Model):
    """A draw of mediators for a dispute among the eligible nominees, reproducible by anyone:
    the candidates sorted by id, shuffled by `random.Random(seed)`, the first ones picked."""

    dispute = models.ForeignKey(
        "disputes.Dispute",
        verbose_name=_("行政争议"),
        on_delete=models.PROTECT,
        related_name="mediator_draws",
    )
    rule = models.ForeignKey(
        PoolRule, verbose_name=_("适用规则"), on_delete=models.PROTECT, related_name="draws"
    )
    seed = models.BigIntegerField(_("随机种子"))
    candidates = models.JSONField(_("候选人（按编号排序）"), default=list)
    excluded = models.JSONField(_("排除人员及原因"), default=list)
    wanted = models.PositiveSmallIntegerField(_("抽取人数"), default=1)
    picked = models.JSONField(_("抽取结果"), default=list)
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("抽取人"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    drawn_at = models.DateTimeField(_("抽取时间"), default=timezone.now, editable=False)
    note = models.CharField(_("说明"), max_length=200, blank=True)

    objects = MediatorDrawQuerySet.as_manager()

    class Scoping:
        roles = _DISPUTE_READERS["roles"]
        unit = _DISPUTE_READERS["unit"]
        system = _DISPUTE_READERS["system"]
        also = (
            Reach("DISPUTE_REGION_ROLES", region="dispute__unit__region__path"),
            Mine(
                person="person_id", through="disputes.DisputeLawyer", link="dispute__mediator_draws"
            ),
        )

    class Meta:
        verbose_name = _("调解员抽取")
        verbose_name_plural = _("调解员抽取")
        ordering = ["-drawn_at", "-id"]

    def __str__(self) -> str:
        return f"{self.dispute}（{self.drawn_at:%Y-%m-%d %H:%M}）"

    def get_absolute_url(self) -> str:
        return reverse("reconciliation:draw", kwargs={"pk": self.pk})


class MediatorAssignmentQuerySet(ScopedQuerySet["MediatorAssignment"]):
    def active(self) -> MediatorAssignmentQuerySet:
        return self.filter(status=MediatorStatus.ACTIVE)

    def load(self) -> MediatorAssignmentQuerySet:
        """The assignments that count toward a mediator's load: active, dispute still open."""
        from govcounsel.disputes.choices import FINISHED

        return self.active().exclude(dispute__status__in=FINISHED)


class MediatorAssignment(models.Model):
    """A mediator the centre put on a dispute by a draw (002 §10); its `lawyer` row is the
    dispute's record of them (`DisputeLawyer(mediator=True)`)."""

    draw = models.ForeignKey(
        MediatorDraw, verbose_name=_("抽取"), on_delete=models.PROTECT, related_name="assignments"
    )
    dispute = models.ForeignKey(
        "disputes.Dispute",
        verbose_name=_("行政争议"),
        on_delete=models.PROTECT,
        related_name="mediator_assignments",
    )
    nomination = models.ForeignKey(
        Nomination, verbose_name=_("推荐"), on_delete=models.PROTECT, related_name="assignments"
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("和解调解员"),
        on_delete=models.PROTECT,
        related_name="mediator_assignments",
    )
    lawyer = models.OneToOneField(
        "disputes.DisputeLawyer", on_delete=models.PROTECT, related_name="mediation"
    )
    status = models.CharField(
        _("状态"), max_length=16, choices=MediatorStatus.choices, default=MediatorStatus.ACTIVE
    )
    assigned_at = models.DateTimeField(_("委派时间"), default=timezone.now, editable=False)
    ended_at = models.DateTimeField(_("退出时间"), null=True, blank=True)
    ended_reason = models.CharField(_("退出原因"), max_length=200, blank=True)

    objects = MediatorAssignmentQuerySet.as_manager()

    class Scoping:
        roles = _DISPUTE_READERS["roles"]
        unit = _DISPUTE_READERS["unit"]
        system = _DISPUTE_READERS["system"]
        also = (
            Reach("DISPUTE_REGION_ROLES", region="dispute__unit__region__path"),
            Mine(person="person_id"),
        )

    class Meta:
        verbose_name = _("和解调解员委派")
        verbose_name_plural = _("和解调解员委派")
        ordering = ["-assigned_at", "-id"]
        indexes = [models.Index(fields=["person", "status"], name="mediator_person_status")]

    def __str__(self) -> str:
        return f"{self.person}：{self.dispute}"

    def get_absolute_url(self) -> str:
        return reverse("reconciliation:assign", kwargs={"pk": self.dispute_id})

    @property
    def is_active(self) -> bool:
        return self.status == MediatorStatus.ACTIVE


class MediationSessionQuerySet(ScopedQuerySet["MediationSession"]):
    def on(self, day: date) -> MediationSessionQuerySet:
        return self.filter(starts_at__date=day)


class MediationSession(models.Model):
    """A mediation session the centre holds on a dispute, with its mediators (002 §7)."""

    dispute = models.ForeignKey(
        "disputes.Dispute",
        verbose_name=_("行政争议"),
        on_delete=models.PROTECT,
        related_name="sessions",
    )
    place = models.CharField(_("地点"), max_length=200)
    starts_at = models.DateTimeField(_("开始时间"))
    ends_at = models.DateTimeField(_("结束时间"))
    status = models.CharField(
        _("状态"), max_length=16, choices=SessionStatus.choices, default=SessionStatus.SCHEDULED
    )
    note = models.TextField(_("记录与结果"), blank=True)
    cancel_reason = models.CharField(
        _("取消原因"), max_length=16, choices=CancelReason.choices, blank=True
    )
    mediators = models.ManyToManyField(
        "people.Person", verbose_name=_("和解调解员"), related_name="mediation_sessions"
    )
    scheduled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    scheduled_at = models.DateTimeField(_("安排时间"), default=timezone.now, editable=False)

    objects = MediationSessionQuerySet.as_manager()

    class Scoping:
        roles = _DISPUTE_READERS["roles"]
        unit = _DISPUTE_READERS["unit"]
        system = _DISPUTE_READERS["system"]
        also = (
            Reach("DISPUTE_REGION_ROLES", region="dispute__unit__region__path"),
            Mine(person="person_id", through="disputes.DisputeLawyer", link="dispute__sessions"),
        )

    class Meta:
        verbose_name = _("和解调解会")
        verbose_name_plural = _("和解调解会")
        ordering = ["-starts_at", "-id"]
        indexes = [models.Index(fields=["starts_at", "id"], name="session_starts")]
        constraints = [
            models.CheckConstraint(
                name="session_ends_after_start", condition=Q(ends_at__gt=models.F("starts_at"))
            )
        ]

    def __str__(self) -> str:
        return f"{self.dispute}（{timezone.localtime(self.starts_at):%Y-%m-%d %H:%M}）"

    def get_absolute_url(self) -> str:
        return reverse("reconciliation:session", kwargs={"pk": self.pk})

    @property
    def is_scheduled(self) -> bool:
        return self.status == SessionStatus.SCHEDULED

    @property
    def is_held(self) -> bool:
        return self.status == SessionStatus.HELD

    @property
    def when(self) -> str:
        """The time of the session in words, Beijing time ("2026-11-23 09:00–11:00")."""
        start, end = timezone.localtime(self.starts_at), timezone.localtime(self.ends_at)
        same_day = f"{start:%Y-%m-%d}" == f"{end:%Y-%m-%d}"
        tail = f"{end:%H:%M}" if same_day else f"{end:%Y-%m-%d %H:%M}"
        return f"{start:%Y-%m-%d %H:%M}–{tail}"
