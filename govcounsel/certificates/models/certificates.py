"""Certificates as issued: serial numbers, the certificate, its history and active periods."""

from __future__ import annotations

from datetime import date

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, FSMModelMixin, transition

from govcounsel.core.scoping import ScopedQuerySet

from ..choices import HELD_CERTIFICATE, CertificateStatus
from .applications import CertificateApplication, Step

C = CertificateStatus


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
