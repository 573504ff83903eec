"""Certificate applications and the steps of their history (申请 → 审核 → 申报 → 颁证)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, FSMModelMixin, transition

from govcounsel.core.models import WorkflowStep
from govcounsel.core.scoping import ScopedQuerySet

from ..choices import OPEN_APPLICATION, ApplicationStatus, StepAction

S = ApplicationStatus


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
        roles = "CASEWORK_READERS"
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
