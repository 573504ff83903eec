"""Cancellation cases opened when a holder retires, leaves or is transferred (000 #3)."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, FSMModelMixin, transition

from govcounsel.core.scoping import ScopedQuerySet

from ..choices import CancellationReason, CaseStatus
from .certificates import Certificate


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
        roles = "CASEWORK_READERS"
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
