"""Public-lawyer training: requirements as data, plans and courses, attendance from the
provider, self-claimed external training with proof, and the yearly verification sample
(000 #7, #9; 001 三(二))."""

from __future__ import annotations

import secrets
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, FSMModelMixin, transition

from govcounsel.core.scoping import Mine, Reach, ScopedQuerySet, Via
from govcounsel.core.uploads import validate_document_upload

from .choices import (
    AttendanceSource,
    Category,
    ClaimStatus,
    CourseKind,
    OwnerKind,
    SampleOutcome,
    SampleReason,
)

HOURS: dict[str, Any] = {
    "max_digits": 6,
    "decimal_places": 1,
    "validators": [MinValueValidator(Decimal("0"))],
}


def default_reminders() -> list[str]:
    # Two reminders before year end: one quarter left, one month left.
    return ["10-01", "12-01"]


class RequirementQuerySet(ScopedQuerySet["TrainingRequirement"]):
    def in_force(self, year: int) -> RequirementQuerySet:
        """The requirements whose effective dates overlap the year."""
        return self.filter(effective_from__lte=date(year, 12, 31)).filter(
            Q(effective_to__isnull=True) | Q(effective_to__gte=date(year, 1, 1))
        )


class TrainingRequirement(models.Model):
    """What a region asks of each public lawyer a year (000 #9: at least one professional
    training), set by the justice bureau or the association, with effective dates. The
    nearest region's requirement in force applies to a lawyer of a unit below it."""

    region = models.ForeignKey(
        "organisations.Region",
        verbose_name=_("区域"),
        on_delete=models.PROTECT,
        related_name="training_requirements",
    )
    effective_from = models.DateField(_("生效日期"))
    effective_to = models.DateField(_("失效日期"), null=True, blank=True)
    min_trainings = models.PositiveSmallIntegerField(_("每年至少参加培训（次）"), default=1)
    min_hours = models.DecimalField(_("每年至少学时"), null=True, blank=True, **HOURS)
    # Pre-service rule (000 #9 统一职前培训): certified on or after this day, complete a
    # pre-service course within `pre_service_days` days of the certificate.
    pre_service_after = models.DateField(_("职前培训适用的颁证起始日"), null=True, blank=True)
    pre_service_days = models.PositiveSmallIntegerField(_("职前培训完成期限（日）"), default=180)
    # The yearly verification sample: this share of verified self-claims at random, and
    # every self-claim of more hours than `risk_hours`.
    sample_percent = models.PositiveSmallIntegerField(
        _("随机抽查比例（%）"), default=10, validators=[MaxValueValidator(100)]
    )
    risk_hours = models.DecimalField(_("自报学时超过即抽查"), default=Decimal("12"), **HOURS)
    reminders = models.JSONField(_("年末提醒日期（月-日）"), default=default_reminders, blank=True)
    note = models.CharField(_("依据"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = RequirementQuerySet.as_manager()

    class Scoping:
        # The requirement is policy: read by everyone under the region and above their units.
        requires = "DOMAIN_ROLES"
        also = (Via("region", with_ancestors=True),)

    class Meta:
        verbose_name = _("培训要求")
        verbose_name_plural = _("培训要求")
        ordering = ["region__path", "-effective_from", "-id"]
        constraints = [
            models.CheckConstraint(
                name="requirement_dates_ordered",
                condition=Q(effective_to__isnull=True)
                | Q(effective_to__gte=models.F("effective_from")),
            )
        ]

    def __str__(self) -> str:
        return f"{self.region} {self.effective_from:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("training:requirements") + f"?region={self.region.code}"


class CategoryMinimum(models.Model):
    """A sub-minimum of a requirement for one category (e.g. political theory)."""

    requirement = models.ForeignKey(
        TrainingRequirement, on_delete=models.CASCADE, related_name="minimums"
    )
    category = models.CharField(_("培训类别"), max_length=24, choices=Category.choices)
    min_hours = models.DecimalField(_("至少学时"), default=Decimal("0"), **HOURS)
    min_trainings = models.PositiveSmallIntegerField(_("至少次数"), default=0)

    class Meta:
        verbose_name = _("分类最低要求")
        verbose_name_plural = _("分类最低要求")
        ordering = ["requirement_id", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["requirement", "category"], name="one_minimum_per_category"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()} {self.min_hours}"


class ExemptionQuerySet(ScopedQuerySet["TrainingExemption"]):
    pass


class TrainingExemption(models.Model):
    """A lawyer excused for some months of a year, with the reason (long sick leave,
    maternity leave, secondment): those months do not count towards the requirement."""

    person = models.ForeignKey(
        "people.Person", verbose_name=_("公职律师"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("年度"))
    months = models.PositiveSmallIntegerField(
        _("免除月数"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_("12为全年免除。"),
    )
    reason = models.CharField(_("理由"), max_length=200)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    granted_at = models.DateTimeField(_("登记时间"), default=timezone.now)

    objects = ExemptionQuerySet.as_manager()

    class Scoping:
        roles = "TRAINING_REGION_ROLES"
        region = "person__unit__region__path"
        also = (
            Reach("UNIT_ROLES", unit="person__unit_id", system="person__unit__system_path"),
            Mine(person="person_id"),
        )

    class Meta:
        verbose_name = _("培训免除")
        verbose_name_plural = _("培训免除")
        ordering = ["-year", "person_id"]
        constraints = [
            models.UniqueConstraint(fields=["person", "year"], name="one_exemption_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.person} {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("training:exemptions")


class PlanQuerySet(ScopedQuerySet["TrainingPlan"]):
    pass


class TrainingPlan(models.Model):
    """A year's training plan (001 三(二) 制定培训制度和培训计划) of a region's association or
    justice bureau, or of a unit for itself and, when it heads one, its system."""

    title = models.CharField(_("计划名称"), max_length=200)
    year = models.PositiveSmallIntegerField(_("年度"))
    owner_kind = models.CharField(_("制定机构"), max_length=16, choices=OwnerKind.choices)
    region = models.ForeignKey(
        "organisations.Region",
        verbose_name=_("区域"),
        on_delete=models.PROTECT,
        related_name="training_plans",
    )
    unit = models.ForeignKey(
        "organisations.Unit",
        verbose_name=_("单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="training_plans",
    )
    note = models.TextField(_("说明"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("制定时间"), default=timezone.now)

    objects = PlanQuerySet.as_manager()

    class Scoping:
        # The training offer is open to everyone who works with public lawyers; who may
        # enrol is the services' rule (a region's plan: its lawyers; a unit's: its own).
        requires = "DOMAIN_ROLES"
        also = (Via("region", with_ancestors=True),)

    class Meta:
        verbose_name = _("培训计划")
        verbose_name_plural = _("培训计划")
        ordering = ["-year", "-id"]
        constraints = [
            models.CheckConstraint(
                name="unit_plan_names_unit",
                condition=~Q(owner_kind=OwnerKind.UNIT) | Q(unit__isnull=False),
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("training:plan", kwargs={"pk": self.pk})

    @property
    def owner_name(self) -> str:
        if self.unit_id:
            return self.unit.name  # type: ignore[union-attr]
        return f"{self.region.name}{self.get_owner_kind_display()}"


class CourseQuerySet(ScopedQuerySet["Course"]):
    pass


class Course(models.Model):
    """One course of a plan: its kind and category, provider, hours, dates and place,
    capacity, and the cost borne by the lawyer's unit (000 #7)."""

    plan = models.ForeignKey(TrainingPlan, on_delete=models.PROTECT, related_name="courses")
    title = models.CharField(_("课程名称"), max_length=200)
    kind = models.CharField(_("培训形式"), max_length=16, choices=CourseKind.choices)
    category = models.CharField(_("培训类别"), max_length=24, choices=Category.choices)
    provider = models.CharField(_("主办（承办）单位"), max_length=200)
    hours = models.DecimalField(_("学时"), **HOURS)
    starts_on = models.DateField(_("开始日期"))
    ends_on = models.DateField(_("结束日期"))
    place = models.CharField(_("地点"), max_length=200, blank=True)
    online = models.BooleanField(_("线上培训"), default=False)
    capacity = models.PositiveIntegerField(_("名额"), null=True, blank=True)
    # 000 #7: time and cost are the unit's to provide; the lawyer pays nothing.
    cost_per_person = models.DecimalField(
        _("人均费用（元）"), max_digits=9, decimal_places=2, default=Decimal("0")
    )
    cost_borne_by_unit = models.BooleanField(_("费用由所在单位承担"), default=True)

    objects = CourseQuerySet.as_manager()

    class Scoping:
        requires = "DOMAIN_ROLES"
        also = (Via("plan"),)

    class Meta:
        verbose_name = _("培训课程")
        verbose_name_plural = _("培训课程")
        ordering = ["starts_on", "id"]
        constraints = [
            models.CheckConstraint(
                name="course_dates_ordered", condition=Q(ends_on__gte=models.F("starts_on"))
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("training:course", kwargs={"pk": self.pk})

    @property
    def enrolled_count(self) -> int:
        return sum(1 for e in self.enrolments.all() if e.cancelled_at is None)


def new_code() -> str:
    return f"{secrets.randbelow(10**6):06d}"


class Session(models.Model):
    """A sitting of a course. The provider shows its check-in code in the room (or the
    online meeting); a lawyer enters it during the sitting's window."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(_("开始时间"))
    ends_at = models.DateTimeField(_("结束时间"))
    code = models.CharField(_("签到码"), max_length=6, default=new_code)

    class Meta:
        verbose_name = _("培训场次")
        verbose_name_plural = _("培训场次")
        ordering = ["starts_at", "id"]

    def __str__(self) -> str:
        return f"{self.course} {timezone.localtime(self.starts_at):%Y-%m-%d %H:%M}"

    # Check-in opens a little before the sitting and closes at its end.
    EARLY = timedelta(minutes=30)

    def open_at(self, moment: object) -> bool:
        return self.starts_at - self.EARLY <= moment <= self.ends_at  # type: ignore[operator]


class EnrolmentQuerySet(ScopedQuerySet["Enrolment"]):
    def live(self) -> EnrolmentQuerySet:
        return self.filter(cancelled_at__isnull=True)

    def attended(self) -> EnrolmentQuerySet:
        return self.live().filter(attended=True)


class Enrolment(models.Model):
    """A lawyer's place on a course; its attendance is recorded by the provider (a sheet,
    the check-in codes, or the provider's own entry), never ticked by the lawyer."""

    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="enrolments")
    person = models.ForeignKey(
        "people.Person", verbose_name=_("公职律师"), on_delete=models.PROTECT, related_name="+"
    )
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    enrolled_at = models.DateTimeField(_("报名时间"), default=timezone.now)
    cancelled_at = models.DateTimeField(_("取消时间"), null=True, blank=True)
    attended = models.BooleanField(_("已参训"), default=False)
    hours = models.DecimalField(_("认定学时"), null=True, blank=True, **HOURS)
    source = models.CharField(
        _("参训记录来源"), max_length=16, choices=AttendanceSource.choices, blank=True
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("记录时间"), null=True, blank=True)
    certificate = models.ForeignKey(
        "documents.OfficialDocument",
        verbose_name=_("培训证明"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = EnrolmentQuerySet.as_manager()

    class Scoping:
        roles = "TRAINING_REGION_ROLES"
        region = "person__unit__region__path"
        also = (
            Reach("UNIT_ROLES", unit="person__unit_id", system="person__unit__system_path"),
            # The plan's owner keeps the attendance of its course.
            Reach("TRAINING_REGION_ROLES", region="course__plan__region__path"),
            Reach("UNIT_ROLES", unit="course__plan__unit_id"),
            Mine(person="person_id"),
        )

    class Meta:
        verbose_name = _("培训报名")
        verbose_name_plural = _("培训报名")
        ordering = ["course_id", "enrolled_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["course", "person"],
                condition=Q(cancelled_at__isnull=True),
                name="one_live_enrolment_per_course",
            ),
            models.CheckConstraint(
                name="attendance_has_source", condition=Q(attended=False) | ~Q(source="")
            ),
        ]
        indexes = [models.Index(fields=["person", "attended"], name="enrolment_person")]

    def __str__(self) -> str:
        return f"{self.person} · {self.course}"

    def get_absolute_url(self) -> str:
        return reverse("training:course", kwargs={"pk": self.course_id})


class CheckIn(models.Model):
    """A lawyer's check-in at one session with the code shown there."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="check_ins")
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="check_ins")
    at = models.DateTimeField(_("签到时间"), default=timezone.now)

    class Meta:
        verbose_name = _("签到")
        verbose_name_plural = _("签到")
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "session"], name="one_check_in")
        ]

    def __str__(self) -> str:
        return f"{self.enrolment} {self.at:%Y-%m-%d %H:%M}"


class ClaimQuerySet(ScopedQuerySet["ExternalClaim"]):
    def counted(self) -> ClaimQuerySet:
        return self.filter(status=ClaimStatus.VERIFIED)


class ExternalClaim(FSMModelMixin, models.Model):
    """A training the lawyer attended elsewhere, claimed with proof; it counts only once
    the association or the justice bureau has verified it."""

    person = models.ForeignKey(
        "people.Person", verbose_name=_("公职律师"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("培训名称"), max_length=200)
    provider = models.CharField(_("主办单位"), max_length=200)
    kind = models.CharField(_("培训形式"), max_length=16, choices=CourseKind.choices)
    category = models.CharField(_("培训类别"), max_length=24, choices=Category.choices)
    day = models.DateField(_("培训日期"))
    hours = models.DecimalField(_("学时"), **HOURS)
    proof = models.FileField(
        _("证明材料"), upload_to="training/claims/%Y/%m/", validators=[validate_document_upload]
    )
    status = FSMField(
        _("状态"),
        max_length=16,
        choices=ClaimStatus.choices,
        default=ClaimStatus.SUBMITTED,
        protected=True,
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(_("提交时间"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("核验时间"), null=True, blank=True)
    reason = models.TextField(_("核验意见"), blank=True)

    objects = ClaimQuerySet.as_manager()

    class Scoping:
        roles = "TRAINING_REGION_ROLES"
        region = "person__unit__region__path"
        also = (
            Reach("UNIT_ROLES", unit="person__unit_id", system="person__unit__system_path"),
            Mine(person="person_id"),
        )

    class Meta:
        verbose_name = _("自报培训")
        verbose_name_plural = _("自报培训")
        ordering = ["-submitted_at", "-id"]
        indexes = [models.Index(fields=["person", "status"], name="claim_person_status")]

    def __str__(self) -> str:
        return f"{self.person} · {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("training:claim", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status == ClaimStatus.SUBMITTED

    @transition(field=status, source=ClaimStatus.SUBMITTED, target=ClaimStatus.VERIFIED)
    def verify(self) -> None:
        self.decided_at = timezone.now()

    @transition(field=status, source=ClaimStatus.SUBMITTED, target=ClaimStatus.REFUSED)
    def refuse(self) -> None:
        self.decided_at = timezone.now()

    @transition(field=status, source=ClaimStatus.VERIFIED, target=ClaimStatus.REVOKED)
    def revoke(self) -> None:
        pass


class SampleQuerySet(ScopedQuerySet["VerificationSample"]):
    pass


class VerificationSample(models.Model):
    """The year's verification sample of a region's verified self-claims: a share drawn at
    random with a stored seed (drawn again from it, the same claims come out) and every
    claim above the risk threshold; each is worked through and its outcome recorded."""

    region = models.ForeignKey(
        "organisations.Region", verbose_name=_("区域"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("年度"))
    seed = models.BigIntegerField(_("随机种子"))
    percent = models.PositiveSmallIntegerField(_("随机抽查比例（%）"))
    risk_hours = models.DecimalField(_("风险抽查学时线"), **HOURS)
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    drawn_at = models.DateTimeField(_("抽取时间"), default=timezone.now)

    objects = SampleQuerySet.as_manager()

    class Scoping:
        roles = "TRAINING_REGION_ROLES"
        region = "region__path"

    class Meta:
        verbose_name = _("抽查核验")
        verbose_name_plural = _("抽查核验")
        ordering = ["-year", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["region", "year"], name="one_sample_per_region_year")
        ]

    def __str__(self) -> str:
        return f"{self.region} {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("training:sample", kwargs={"pk": self.pk})


class SampleItemQuerySet(ScopedQuerySet["SampleItem"]):
    pass


class SampleItem(models.Model):
    """One claim drawn into a sample, why, and what the check found."""

    sample = models.ForeignKey(VerificationSample, on_delete=models.CASCADE, related_name="items")
    claim = models.ForeignKey(ExternalClaim, on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(_("抽取方式"), max_length=8, choices=SampleReason.choices)
    outcome = models.CharField(
        _("核查结果"), max_length=16, choices=SampleOutcome.choices, blank=True
    )
    note = models.TextField(_("核查说明"), blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    checked_at = models.DateTimeField(_("核查时间"), null=True, blank=True)

    objects = SampleItemQuerySet.as_manager()

    class Scoping:
        roles = "TRAINING_REGION_ROLES"
        region = "sample__region__path"

    class Meta:
        verbose_name = _("抽查事项")
        verbose_name_plural = _("抽查事项")
        ordering = ["sample_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["sample", "claim"], name="claim_once_per_sample")
        ]

    def __str__(self) -> str:
        return f"{self.sample} · {self.claim}"

    def get_absolute_url(self) -> str:
        return reverse("training:sample", kwargs={"pk": self.sample_id})

    @property
    def is_pending(self) -> bool:
        return not self.outcome
