"""Decision items on a unit's list and the decisions taken on them (001 二(二))."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, FSMModelMixin, transition

from govcounsel.core.scoping import ScopedQuerySet

from ..choices import DecisionStatus
from .matter import Matter, Opinion


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
        roles = "CASEWORK_READERS"
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
        roles = "CASEWORK_READERS"
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
