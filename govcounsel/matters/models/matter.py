"""Matters themselves: the matter, its assignments, opinions and history steps."""

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
from govcounsel.core.uploads import sniff, validate_document_upload

from ..choices import (
    ENDED_ASSIGNMENTS,
    FINISHED,
    SUBTYPES,
    AssignmentStatus,
    DutyCategory,
    MatterAction,
    MatterStatus,
    Priority,
)

M = MatterStatus


class MatterQuerySet(ScopedQuerySet["Matter"]):
    def open(self) -> MatterQuerySet:
        """The matters still worked on: neither closed nor withdrawn."""
        return self.exclude(status__in=FINISHED)

    def overdue(self, today: date | None = None) -> MatterQuerySet:
        return self.open().filter(deadline__lt=today or timezone.localdate())


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
            Reach(
                "CASEWORK_REGION_ROLES", region="unit__region__path", where=Q(confidential=False)
            ),
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
        return self.status not in FINISHED and self.deadline < timezone.localdate()

    @property
    def is_closed(self) -> bool:
        return self.status == M.CLOSED

    @property
    def attachment_kind(self) -> str | None:
        """What the stored attachment is by its first bytes (PDF, JPEG, PNG), or None when
        there is none or it cannot be read; decides how the page previews it."""
        if not self.attachment:
            return None
        try:
            with self.attachment.open("rb") as stored:
                return sniff(stored)
        except OSError:
            return None

    @property
    def is_withdrawn(self) -> bool:
        return self.status == M.WITHDRAWN

    @property
    def undecided_declines(self) -> list[Assignment]:
        """Declines the office has not yet judged (001 三(三)): shown on the matter's page
        until judged, since only a judged one counts in the lawyer's archive."""
        return [
            a
            for a in self.assignments.all()
            if a.status == AssignmentStatus.DECLINED and a.decline_justified is None
        ]

    @property
    def lead(self) -> Assignment | None:
        return next(
            (a for a in self.assignments.all() if a.is_lead and a.status not in ENDED_ASSIGNMENTS),
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

    @transition(field=status, source=M.REGISTERED, target=M.WITHDRAWN)
    def withdraw(self) -> None:
        pass

    # The new lawyer answers again: accept or decline, as after a first assignment.
    @transition(field=status, source=[M.ASSIGNED, M.IN_PROGRESS], target=M.ASSIGNED)
    def reassign(self) -> None:
        pass


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
    replaced_at = models.DateTimeField(_("改派时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("承办指派")
        verbose_name_plural = _("承办指派")
        ordering = ["matter_id", "-is_lead", "assigned_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["matter"],
                condition=Q(is_lead=True) & ~Q(status__in=ENDED_ASSIGNMENTS),
                name="one_live_lead_per_matter",
            )
        ]

    def __str__(self) -> str:
        return f"{self.matter_id} {self.person}"

    @property
    def is_live(self) -> bool:
        """The lawyer is still on the matter: neither declined nor replaced."""
        return self.status not in ENDED_ASSIGNMENTS


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


class OpinionAttachmentQuerySet(models.QuerySet["OpinionAttachment"]):
    def update(self, **kwargs: object) -> int:
        raise PermissionError("a submitted opinion's files are kept as submitted")


class OpinionAttachment(models.Model):
    """A file submitted with a legal opinion, kept with it as submitted (001 二(三)4)."""

    opinion = models.ForeignKey(Opinion, on_delete=models.PROTECT, related_name="attachments")
    file = models.FileField(
        _("附件"), upload_to="opinions/%Y/%m/", validators=[validate_document_upload]
    )
    name = models.CharField(_("文件名"), max_length=200)
    content_type = models.CharField(_("文件类型"), max_length=40)
    size = models.PositiveIntegerField(_("大小（字节）"))
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)

    objects = OpinionAttachmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("法律意见附件")
        verbose_name_plural = _("法律意见附件")
        ordering = ["opinion_id", "id"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise PermissionError("a submitted opinion's files are kept as submitted")
        super().save(*args, **kwargs)

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")

    @property
    def is_pdf(self) -> bool:
        return self.content_type == "application/pdf"


class MatterStep(WorkflowStep):
    """A step in a matter's history."""

    matter = models.ForeignKey(Matter, on_delete=models.CASCADE, related_name="steps")
    action = models.CharField(_("环节"), max_length=32, choices=MatterAction.choices)

    class Meta(WorkflowStep.Meta):
        verbose_name = _("办理记录")
        verbose_name_plural = _("办理记录")
