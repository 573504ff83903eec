"""Dispatching public lawyers: fields of expertise and dispatch requests (001 一(三))."""

from __future__ import annotations

from datetime import date

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, FSMModelMixin, transition

from govcounsel.core.scoping import Mine, Reach, ScopedQuerySet

from ..choices import DispatchStatus, DutyCategory


class ExpertiseQuerySet(ScopedQuerySet["Expertise"]):
    """Fields of expertise: a shared list."""

    def in_use(self) -> ExpertiseQuerySet:
        return self.filter(active=True)


class Expertise(models.Model):
    """A field of expertise a public lawyer is known for (used to match dispatch requests)."""

    name = models.CharField(_("专长"), max_length=50, unique=True)
    people = models.ManyToManyField(
        "people.Person", related_name="expertise", blank=True, verbose_name=_("公职律师")
    )
    # A retired field is no longer offered, but stays on the requests and lawyers that name it.
    active = models.BooleanField(_("在用"), default=True)

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
        roles = "CASEWORK_READERS"
        region = "unit__region__path"
        unit = "unit_id"
        system = "unit__system_path"
        also = (
            Reach("CASEWORK_READERS", unit="superior_id", system="superior__system_path"),
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
