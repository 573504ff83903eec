from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, FSMModelMixin, transition

from govcounsel.core.models import WorkflowStep
from govcounsel.core.scoping import Mine, Reach, ScopedQuerySet
from govcounsel.core.uploads import validate_document_upload

from .choices import (
    SUBTYPES,
    AssignmentStatus,
    DecisionStatus,
    DispatchStatus,
    DutyCategory,
    MatterAction,
    MatterStatus,
    Priority,
)

M = MatterStatus


class MatterQuerySet(ScopedQuerySet["Matter"]):
    def overdue(self, today: date | None = None) -> MatterQuerySet:
        return self.exclude(status=M.CLOSED).filter(deadline__lt=today or timezone.localdate())


class Matter(FSMModelMixin, models.Model):
    """A piece of legal work of a unit, assigned to its public lawyers (001 二(一)、二(三))."""

    unit = models.ForeignKey(
        "organisations.Unit",
        verbose_name=_("单位"),
        on_delete=models.PROTECT,
        related_name="matters",
    )
    category = models.CharField(_("职责类别"), max_length=16, choices=DutyCategory.choices)
    subtype = models.CharField(_("事项类型"), max_length=32)
    title = models.CharField(_("事项名称"), max_length=200)
    description = models.TextField(_("事项说明"), blank=True)
    confidential = models.BooleanField(_("涉密或敏感"), default=False)
    priority = models.CharField(
        _("紧急程度"), max_length=16, choices=Priority.choices, default=Priority.NORMAL
    )
    deadline = models.DateField(_("办理期限"))
    attachment = models.FileField(
        _("附件"),
        upload_to="matters/%Y/%m/",
        blank=True,
        validators=[validate_document_upload],
    )
    adviser = models.ForeignKey(
        "people.LegalAdviser",
        verbose_name=_("同时参与的法律顾问"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="matters",
    )
    status = FSMField(
        _("状态"), max_length=20, choices=MatterStatus.choices, default=M.REGISTERED, protected=True
    )
    registered_at = models.DateTimeField(_("登记时间"), default=timezone.now, editable=False)
    closed_at = models.DateTimeField(_("办结时间"), null=True, blank=True)
    score = models.PositiveSmallIntegerField(
        _("评价得分"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    evaluation = models.TextField(_("评价意见"), blank=True)

    objects = MatterQuerySet.as_manager()

    class Scoping:
        # Unit staff see their unit's matters; region readers see them unless confidential
        # (000 #6); a lawyer sees the matters assigned to them, through EXISTS (no join).
        roles = "UNIT_ROLES"
        unit = "unit_id"
        system = "unit__system_path"
        also = (
            Reach("REGION_ROLES", region="unit__region__path", where=Q(confidential=False)),
            Mine(person="person_id", through="matters.Assignment", link="matter"),
        )

    class Meta:
        verbose_name = _("法律事务")
        verbose_name_plural = _("法律事务")
        ordering = ["-registered_at", "-id"]
        indexes = [
            models.Index(fields=["unit", "-registered_at", "-id"], name="matter_unit_recent"),
            models.Index(fields=["-registered_at", "-id"], name="matter_recent"),
            models.Index(fields=["status", "deadline"], name="matter_status_deadline"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("matters:matter", kwargs={"pk": self.pk})

    def clean(self) -> None:
        allowed = {code for code, _label in SUBTYPES.get(self.category, [])}
        if self.category and self.subtype not in allowed:
            raise ValidationError({"subtype": _("事项类型与职责类别不符。")})

    @property
    def subtype_label(self) -> str:
        return str(dict(SUBTYPES.get(self.category, [])).get(self.subtype, self.subtype))

    @property
    def is_overdue(self) -> bool:
        return self.status != M.CLOSED and self.deadline < timezone.localdate()

    @property
    def is_closed(self) -> bool:
        return self.status == M.CLOSED

    @property
    def lead(self) -> Assignment | None:
        return next(
            (
                a
                for a in self.assignments.all()
                if a.is_lead and a.status != AssignmentStatus.DECLINED
            ),
            None,
        )

    @transition(field=status, source=M.REGISTERED, target=M.ASSIGNED)
    def assign(self) -> None:
        pass

    @transition(field=status, source=M.ASSIGNED, target=M.IN_PROGRESS)
    def accept(self) -> None:
        pass

    @transition(field=status, source=M.ASSIGNED, target=M.REGISTERED)
    def decline(self) -> None:
        pass

    @transition(field=status, source=M.IN_PROGRESS, target=M.OPINION_SUBMITTED)
    def submit_opinion(self) -> None:
        pass

    @transition(field=status, source=M.OPINION_SUBMITTED, target=M.IN_PROGRESS)
    def return_for_rework(self) -> None:
        pass

    @transition(field=status, source=M.OPINION_SUBMITTED, target=M.CLOSED)
    def close(self) -> None:
        self.closed_at = timezone.now()


class Assignment(models.Model):
    """A lawyer put on a matter: the lead handler or a co-handler (000 #6)."""

    matter = models.ForeignKey(Matter, on_delete=models.CASCADE, related_name="assignments")
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("公职律师"),
        on_delete=models.PROTECT,
        related_name="assignments",
    )
    is_lead = models.BooleanField(_("主办"), default=True)
    status = models.CharField(
        _("状态"), max_length=16, choices=AssignmentStatus.choices, default=AssignmentStatus.PENDING
    )
    assigned_at = models.DateTimeField(_("指派时间"), auto_now_add=True)
    answered_at = models.DateTimeField(_("答复时间"), null=True, blank=True)
    decline_reason = models.TextField(_("拒绝理由"), blank=True)
    # 001 三(三): a decline without valid reason counts against the annual assessment.
    decline_justified = models.BooleanField(_("拒绝理由正当"), null=True, blank=True)

    class Meta:
        verbose_name = _("承办指派")
        verbose_name_plural = _("承办指派")
        ordering = ["matter_id", "-is_lead", "assigned_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["matter"],
                condition=Q(is_lead=True) & ~Q(status=AssignmentStatus.DECLINED),
                name="one_live_lead_per_matter",
            )
        ]

    def __str__(self) -> str:
        return f"{self.matter_id} {self.person}"


class OpinionQuerySet(models.QuerySet["Opinion"]):
    def update(self, **kwargs: object) -> int:
        raise PermissionError("a submitted opinion is kept as written")


class Opinion(models.Model):
    """A legal opinion as the lawyer submitted it; later versions never overwrite it
    (001 二(三)4)."""

    matter = models.ForeignKey(Matter, on_delete=models.PROTECT, related_name="opinions")
    version = models.PositiveSmallIntegerField(_("版本"))
    author = models.ForeignKey(
        "people.Person", verbose_name=_("撰写人"), on_delete=models.PROTECT, related_name="opinions"
    )
    text = models.TextField(_("法律意见"))
    submitted_at = models.DateTimeField(_("提交时间"), auto_now_add=True)

    objects = OpinionQuerySet.as_manager()

    class Meta:
        verbose_name = _("法律意见")
        verbose_name_plural = _("法律意见")
        ordering = ["matter_id", "version"]
        constraints = [
            models.UniqueConstraint(fields=["matter", "version"], name="opinion_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.matter_id} v{self.version}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise PermissionError("a submitted opinion is kept as written")
        super().save(*args, **kwargs)


class MatterStep(WorkflowStep):
    """A step in a matter's history."""

    matter = models.ForeignKey(Matter, on_delete=models.CASCADE, related_name="steps")
    action = models.CharField(_("环节"), max_length=32, choices=MatterAction.choices)

    class Meta(WorkflowStep.Meta):
        verbose_name = _("办理记录")
        verbose_name_plural = _("办理记录")


class DecisionItemQuerySet(ScopedQuerySet["DecisionItem"]):
    """Decision items, seen through their unit."""


class DecisionItem(models.Model):
    """A kind of decision on which a unit must first hear a public lawyer's opinion
    (001 二(二)), kept on the unit's list."""

    unit = models.ForeignKey(
        "organisations.Unit",
        verbose_name=_("单位"),
        on_delete=models.PROTECT,
        related_name="decision_items",
    )
    title = models.CharField(_("决策事项"), max_length=200)
    description = models.TextField(_("说明"), blank=True)
    active = models.BooleanField(_("在用"), default=True)

    objects = DecisionItemQuerySet.as_manager()

    class Scoping:
        roles = "DOMAIN_ROLES"
        region = "unit__region__path"
        unit = "unit_id"
        system = "unit__system_path"

    class Meta:
        verbose_name = _("须听取公职律师意见的决策事项")
        verbose_name_plural = _("须听取公职律师意见的决策事项")
        ordering = ["unit_id", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("matters:decisions") + f"#item-{self.pk}"


class DecisionQuerySet(ScopedQuerySet["Decision"]):
    def without_opinion(self) -> DecisionQuerySet:
        """Decided without a lawyer's opinion on file: the gate exists so that this is empty."""
        has_opinion = models.Exists(Opinion.objects.filter(matter=models.OuterRef("matter_id")))
        return self.filter(status=DecisionStatus.DECIDED).exclude(has_opinion)


class Decision(FSMModelMixin, models.Model):
    """A decision taken on a listed decision item, decided only with an opinion on file."""

    item = models.ForeignKey(
        DecisionItem, verbose_name=_("决策事项"), on_delete=models.PROTECT, related_name="decisions"
    )
    title = models.CharField(_("决策名称"), max_length=200)
    matter = models.ForeignKey(
        Matter,
        verbose_name=_("法律意见所在事务"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decisions",
    )
    status = FSMField(
        _("状态"),
        max_length=16,
        choices=DecisionStatus.choices,
        default=DecisionStatus.DRAFT,
        protected=True,
    )
    decided_on = models.DateField(_("决策日期"), null=True, blank=True)

    objects = DecisionQuerySet.as_manager()

    class Scoping:
        roles = "DOMAIN_ROLES"
        region = "item__unit__region__path"
        unit = "item__unit_id"
        system = "item__unit__system_path"

    class Meta:
        verbose_name = _("决策")
        verbose_name_plural = _("决策")
        ordering = ["-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("matters:decisions") + f"#decision-{self.pk}"

    @property
    def unit(self) -> Any:
        return self.item.unit

    @transition(field=status, source=DecisionStatus.DRAFT, target=DecisionStatus.DECIDED)
    def decide(self, on: date) -> None:
        self.decided_on = on


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


class ExpertiseQuerySet(ScopedQuerySet["Expertise"]):
    """Fields of expertise: a shared list."""


class Expertise(models.Model):
    """A field of expertise a public lawyer is known for (used to match dispatch requests)."""

    name = models.CharField(_("专长"), max_length=50, unique=True)
    people = models.ManyToManyField(
        "people.Person", related_name="expertise", blank=True, verbose_name=_("公职律师")
    )

    objects = ExpertiseQuerySet.as_manager()

    class Scoping:
        # A shared list of fields of expertise: every signed-in account may name one.
        signed_in = True

    class Meta:
        verbose_name = _("专长")
        verbose_name_plural = _("专长")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class DispatchRequestQuerySet(ScopedQuerySet["DispatchRequest"]):
    """Dispatch requests, seen from both ends."""


class DispatchRequest(FSMModelMixin, models.Model):
    """A unit without a public lawyer asks its superior unit to dispatch one (001 一(三))."""

    unit = models.ForeignKey(
        "organisations.Unit",
        verbose_name=_("申请单位"),
        on_delete=models.PROTECT,
        related_name="dispatch_requests",
    )
    superior = models.ForeignKey(
        "organisations.Unit",
        verbose_name=_("上级单位"),
        on_delete=models.PROTECT,
        related_name="dispatches_handled",
    )
    category = models.CharField(_("事项类别"), max_length=16, choices=DutyCategory.choices)
    expertise = models.ForeignKey(
        Expertise, verbose_name=_("所需专长"), null=True, blank=True, on_delete=models.PROTECT
    )
    starts_on = models.DateField(_("开始日期"))
    ends_on = models.DateField(_("结束日期"))
    reason = models.TextField(_("申请理由"))
    status = FSMField(
        _("状态"),
        max_length=16,
        choices=DispatchStatus.choices,
        default=DispatchStatus.OPEN,
        protected=True,
    )
    lawyer = models.ForeignKey(
        "people.Person",
        verbose_name=_("调派律师"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="dispatches",
    )
    answer = models.TextField(_("答复"), blank=True)
    requested_at = models.DateTimeField(_("申请时间"), auto_now_add=True)
    decided_at = models.DateTimeField(_("答复时间"), null=True, blank=True)

    objects = DispatchRequestQuerySet.as_manager()

    class Scoping:
        # Both ends see a request: the requesting unit's side and the superior's system;
        # and the lawyer sent.
        roles = "DOMAIN_ROLES"
        region = "unit__region__path"
        unit = "unit_id"
        system = "unit__system_path"
        also = (
            Reach("DOMAIN_ROLES", unit="superior_id", system="superior__system_path"),
            Mine(person="lawyer_id"),
        )

    class Meta:
        verbose_name = _("调派申请")
        verbose_name_plural = _("调派申请")
        ordering = ["-requested_at", "-id"]
        constraints = [
            models.CheckConstraint(
                name="dispatch_period_ordered", condition=Q(ends_on__gte=models.F("starts_on"))
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit}申请调派公职律师"

    def get_absolute_url(self) -> str:
        return reverse("matters:dispatch", kwargs={"pk": self.pk})

    def covers(self, day: date) -> bool:
        return self.status == DispatchStatus.DISPATCHED and self.starts_on <= day <= self.ends_on

    @transition(field=status, source=DispatchStatus.OPEN, target=DispatchStatus.DISPATCHED)
    def dispatch(self) -> None:
        self.decided_at = timezone.now()

    @transition(field=status, source=DispatchStatus.OPEN, target=DispatchStatus.REJECTED)
    def reject(self) -> None:
        self.decided_at = timezone.now()
