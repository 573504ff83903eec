from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, FSMModelMixin, transition

from govcounsel.core.models import WorkflowStep
from govcounsel.core.scoping import ScopedQuerySet

from .choices import (
    HELD_CERTIFICATE,
    OPEN_APPLICATION,
    ApplicationStatus,
    CancellationReason,
    CaseStatus,
    CertificateStatus,
    StepAction,
)

S = ApplicationStatus
C = CertificateStatus


class ApplicationQuerySet(ScopedQuerySet["CertificateApplication"]):
    def open(self) -> ApplicationQuerySet:
        return self.filter(status__in=OPEN_APPLICATION)


class CertificateApplication(FSMModelMixin, models.Model):
    """An application for a public-lawyer certificate, made through the person's unit and
    decided by the justice bureau (000 #1: 申请 → 审核 → 申报 → 颁证)."""

    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("申请人"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    unit = models.ForeignKey(
        "organisations.Unit",
        verbose_name=_("申报单位"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    status = FSMField(
        _("状态"),
        max_length=16,
        choices=ApplicationStatus.choices,
        default=S.APPLIED,
        protected=True,
    )
    statement = models.TextField(_("申请说明"), blank=True)
    created_at = models.DateTimeField(_("申请时间"), auto_now_add=True)
    decided_at = models.DateTimeField(_("审批时间"), null=True, blank=True)

    objects = ApplicationQuerySet.as_manager()

    class Scoping:
        roles = "DOMAIN_ROLES"
        region = "unit__region__path"
        unit = "unit_id"
        system = "unit__system_path"
        person = "person_id"

    class Meta:
        verbose_name = _("证书申请")
        verbose_name_plural = _("证书申请")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(status__in=[s.value for s in OPEN_APPLICATION]),
                name="one_open_application_per_person",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person}的公职律师证书申请"

    def get_absolute_url(self) -> str:
        return reverse("certificates:application", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_APPLICATION

    @property
    def is_approved(self) -> bool:
        return self.status == S.APPROVED

    # The lifecycle; only the services call these, each after its role and scope check.
    @transition(field=status, source=S.APPLIED, target=S.REVIEWED)
    def pass_review(self) -> None:
        pass

    @transition(field=status, source=S.APPLIED, target=S.RETURNED)
    def return_to_applicant(self) -> None:
        pass

    @transition(field=status, source=S.REVIEWED, target=S.SUBMITTED)
    def submit(self) -> None:
        pass

    @transition(field=status, source=S.SUBMITTED, target=S.APPROVED)
    def approve(self) -> None:
        self.decided_at = timezone.now()

    @transition(field=status, source=S.SUBMITTED, target=S.REJECTED)
    def reject(self) -> None:
        self.decided_at = timezone.now()

    @transition(field=status, source=list(OPEN_APPLICATION), target=S.WITHDRAWN)
    def withdraw(self) -> None:
        pass


class Step(WorkflowStep):
    """A step of an application's or a certificate's history."""

    action = models.CharField(_("环节"), max_length=32, choices=StepAction.choices)

    class Meta(WorkflowStep.Meta):
        abstract = True


class ApplicationStep(Step):
    """A step in an application's history (申请、审核、申报、审批)."""

    application = models.ForeignKey(
        CertificateApplication, on_delete=models.CASCADE, related_name="steps"
    )

    class Meta(Step.Meta):
        verbose_name = _("申请办理记录")
        verbose_name_plural = _("申请办理记录")


class SerialCounter(models.Model):
    """The last life-long serial handed out (one row); locked while a new serial is taken."""

    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("证书序号计数器")
        verbose_name_plural = _("证书序号计数器")

    def __str__(self) -> str:
        return str(self.last)


class CertificateQuerySet(ScopedQuerySet["Certificate"]):
    def held(self) -> CertificateQuerySet:
        return self.filter(status__in=HELD_CERTIFICATE)

    def active_on(self, day: date) -> CertificateQuerySet:
        """Counting as active on a day: inside one of its active periods (not suspended,
        not ended by an HR event, not cancelled)."""
        return self.filter(
            Exists(ActivePeriod.objects.filter(certificate=OuterRef("pk")).covering(day))
        )


class Certificate(FSMModelMixin, models.Model):
    """A public-lawyer certificate, bound to the unit that applied for it (000 #1, #3).

    `number` follows the Ministry of Justice's 17-digit licence scheme (see numbering.py).
    `ended_on` is the day it stopped counting as active: an HR event, or its cancellation.
    """

    application = models.OneToOneField(
        CertificateApplication, on_delete=models.PROTECT, related_name="certificate"
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("持证人"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    unit = models.ForeignKey(
        "organisations.Unit",
        verbose_name=_("执业单位"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    number = models.CharField(_("执业证号"), max_length=17, db_index=True)
    serial = models.PositiveIntegerField(_("终身序号"))
    first_approved_year = models.PositiveSmallIntegerField(_("首次批准年份"))
    issued_on = models.DateField(_("颁证日期"))
    ended_on = models.DateField(_("终止日期"), null=True, blank=True)
    status = FSMField(
        _("状态"),
        max_length=16,
        choices=CertificateStatus.choices,
        default=C.ACTIVE,
        protected=True,
    )

    objects = CertificateQuerySet.as_manager()

    class Scoping:
        roles = "DOMAIN_ROLES"
        region = "unit__region__path"
        unit = "unit_id"
        system = "unit__system_path"
        person = "person_id"

    class Meta:
        verbose_name = _("公职律师证书")
        verbose_name_plural = _("公职律师证书")
        ordering = ["-issued_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(status__in=[s.value for s in HELD_CERTIFICATE]),
                name="one_held_certificate_per_person",
            ),
            models.UniqueConstraint(
                fields=["number"],
                condition=Q(status__in=[s.value for s in HELD_CERTIFICATE]),
                name="held_certificate_number_unique",
            ),
            # A certificate cannot stop counting before it was issued.
            models.CheckConstraint(
                name="certificate_ends_after_issue",
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("issued_on")),
            ),
        ]
        indexes = [models.Index(fields=["unit", "status"], name="certificate_unit_status")]

    def __str__(self) -> str:
        return f"{self.number} {self.person}"

    def get_absolute_url(self) -> str:
        return reverse("certificates:certificate", kwargs={"pk": self.pk})

    @property
    def is_active(self) -> bool:
        return self.status == C.ACTIVE

    @property
    def is_suspended(self) -> bool:
        return self.status == C.SUSPENDED

    @transition(field=status, source=C.ACTIVE, target=C.SUSPENDED)
    def suspend(self) -> None:
        pass

    @transition(field=status, source=C.SUSPENDED, target=C.ACTIVE)
    def reinstate(self) -> None:
        pass

    @transition(field=status, source=list(HELD_CERTIFICATE), target=C.CANCELLED)
    def cancel(self, on: date) -> None:
        self.ended_on = min(self.ended_on or on, on)


class CertificateStep(Step):
    """A step in a certificate's history: issued, suspended, reinstated, ended, cancelled."""

    certificate = models.ForeignKey(Certificate, on_delete=models.CASCADE, related_name="steps")
    effective_on = models.DateField(_("生效日期"))

    class Meta(Step.Meta):
        verbose_name = _("证书变动记录")
        verbose_name_plural = _("证书变动记录")


class ActivePeriodQuerySet(models.QuerySet["ActivePeriod"]):
    def covering(self, day: date) -> ActivePeriodQuerySet:
        # A period ends on the day the certificate stopped counting: that day is outside it.
        return self.filter(started_on__lte=day).filter(
            Q(ended_on__isnull=True) | Q(ended_on__gt=day)
        )


class ActivePeriod(models.Model):
    """A span of days in which a certificate counted as active for its unit: from issue or
    reinstatement to suspension, an HR event or cancellation. Coverage "as of a date"
    (000 二, 001 一(一)) reads these spans; the services keep them in step with the
    certificate's transitions."""

    certificate = models.ForeignKey(Certificate, on_delete=models.CASCADE, related_name="periods")
    unit = models.ForeignKey("organisations.Unit", on_delete=models.PROTECT, related_name="+")
    started_on = models.DateField(_("起始日期"))
    ended_on = models.DateField(_("结束日期"), null=True, blank=True)

    objects = ActivePeriodQuerySet.as_manager()

    class Meta:
        verbose_name = _("证书有效期间")
        verbose_name_plural = _("证书有效期间")
        ordering = ["certificate_id", "started_on"]
        indexes = [models.Index(fields=["unit", "started_on", "ended_on"], name="period_unit_span")]
        constraints = [
            models.CheckConstraint(
                name="period_ordered",
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
            ),
            models.UniqueConstraint(
                fields=["certificate"], condition=Q(ended_on__isnull=True), name="one_open_period"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.certificate_id} {self.started_on}–{self.ended_on or ''}"


class CaseQuerySet(ScopedQuerySet["CancellationCase"]):
    def open(self) -> CaseQuerySet:
        return self.exclude(status=CaseStatus.COMPLETED)

    def overdue(self, today: date | None = None) -> CaseQuerySet:
        today = today or timezone.localdate()
        return self.open().filter(due_on__lt=today)


class CancellationCase(FSMModelMixin, models.Model):
    """The duty to recover a holder's certificate and file its cancellation when the holder
    retires, leaves or is transferred (000 #3); open until the justice bureau completes it."""

    certificate = models.ForeignKey(
        Certificate,
        verbose_name=_("证书"),
        on_delete=models.PROTECT,
        related_name="cancellation_cases",
    )
    reason = models.CharField(_("事由"), max_length=16, choices=CancellationReason.choices)
    event_on = models.DateField(_("事由发生日期"))
    opened_at = models.DateTimeField(_("立案时间"), auto_now_add=True)
    due_on = models.DateField(_("办理期限"))
    status = FSMField(
        _("状态"),
        max_length=16,
        choices=CaseStatus.choices,
        default=CaseStatus.OPEN,
        protected=True,
    )
    recovered_on = models.DateField(_("证书收回日期"), null=True, blank=True)
    completed_at = models.DateTimeField(_("注销时间"), null=True, blank=True)

    objects = CaseQuerySet.as_manager()

    class Scoping:
        roles = "DOMAIN_ROLES"
        region = "certificate__unit__region__path"
        unit = "certificate__unit_id"
        system = "certificate__unit__system_path"
        person = "certificate__person_id"

    class Meta:
        verbose_name = _("注销案件")
        verbose_name_plural = _("注销案件")
        ordering = ["due_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["certificate"],
                condition=~Q(status=CaseStatus.COMPLETED),
                name="one_open_case_per_certificate",
            )
        ]

    def __str__(self) -> str:
        return f"{self.certificate.number}（{self.get_reason_display()}）"

    def get_absolute_url(self) -> str:
        return reverse("certificates:case", kwargs={"pk": self.pk})

    @property
    def is_overdue(self) -> bool:
        return self.status != CaseStatus.COMPLETED and self.due_on < timezone.localdate()

    @staticmethod
    def due_date(opened: date) -> date:
        return opened + timedelta(days=settings.CANCELLATION_DUE_DAYS)

    @transition(field=status, source=CaseStatus.OPEN, target=CaseStatus.RECOVERED)
    def record_recovery(self, on: date) -> None:
        self.recovered_on = on

    @transition(
        field=status, source=[CaseStatus.OPEN, CaseStatus.RECOVERED], target=CaseStatus.COMPLETED
    )
    def complete(self) -> None:
        self.completed_at = timezone.now()


class AssociationMembership(models.Model):
    """A person's membership of the lawyers association; every public lawyer must hold one
    (001 三(五))."""

    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("会员"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    member_number = models.CharField(_("会员证号"), max_length=40)
    joined_on = models.DateField(_("入会日期"))
    ended_on = models.DateField(_("退会日期"), null=True, blank=True)

    class Meta:
        verbose_name = _("律师协会会员")
        verbose_name_plural = _("律师协会会员")
        ordering = ["-joined_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"], condition=Q(ended_on__isnull=True), name="one_current_membership"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} {self.member_number}"
