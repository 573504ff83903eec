"""Activities of public lawyers in preventing and resolving administrative disputes (002 §7)
and in explaining the law to the public (002 §14), recorded once for the work archive (§15)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.core.scoping import Mine, Reach, ScopedQuerySet

from .choices import GROUP_OF, ActivityKind, KindGroup, Source


class ActivityQuerySet(ScopedQuerySet["Activity"]):
    def of_group(self, group: str) -> ActivityQuerySet:
        return self.filter(kind__in=[k for k, g in GROUP_OF.items() if g == group])


class Activity(models.Model):
    """One activity of 002 §7 or §14 by one or several public lawyers of a unit, typed once
    by the lawyer (for themself) or by the unit's office (for its lawyers). An activity that
    is a matter, a dispute or a centre session is read from that record instead; a typed one
    may point at the matter or dispute it belongs to."""

    unit = models.ForeignKey(
        "organisations.Unit",
        verbose_name=_("单位"),
        on_delete=models.PROTECT,
        related_name="activities",
    )
    kind = models.CharField(_("活动类别"), max_length=24, choices=ActivityKind.choices)
    day = models.DateField(_("活动日期"))
    title = models.CharField(_("活动名称"), max_length=200)
    description = models.TextField(_("活动情况"), blank=True)
    place = models.CharField(_("地点"), max_length=200, blank=True)
    # 002 §14: how many people an outreach activity reached.
    audience = models.PositiveIntegerField(
        _("受众人数"), null=True, blank=True, validators=[MaxValueValidator(1_000_000)]
    )
    hours = models.DecimalField(
        _("时长（小时）"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(240)],
    )
    people = models.ManyToManyField(
        "people.Person",
        verbose_name=_("公职律师"),
        through="Participant",
        related_name="activities",
    )
    # The record the activity belongs to, pointed at instead of repeated (counted once).
    matter = models.ForeignKey(
        "matters.Matter",
        verbose_name=_("关联法律事务"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="activities",
    )
    dispute = models.ForeignKey(
        "disputes.Dispute",
        verbose_name=_("关联行政争议"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="activities",
    )
    source = models.CharField(_("登记方式"), max_length=8, choices=Source.choices)
    recorded_by = models.ForeignKey(
        "accounts.User", verbose_name=_("登记人"), on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("登记时间"), default=timezone.now, editable=False)

    objects = ActivityQuerySet.as_manager()

    class Scoping:
        # The unit's office (and the superior unit over its system) keeps them; the supervisor
        # and the justice bureau read their region's; a lawyer sees those they took part in.
        # Neither the association nor the reconciliation centre reads a unit's work.
        roles = "UNIT_ROLES"
        unit = "unit_id"
        system = "unit__system_path"
        also = (
            Reach("CASEWORK_REGION_ROLES", region="unit__region__path"),
            Mine(person="person_id", through="activities.Participant", link="activity"),
        )

    class Meta:
        verbose_name = _("争议化解与普法活动")
        verbose_name_plural = _("争议化解与普法活动")
        ordering = ["-day", "-id"]
        indexes = [
            models.Index(fields=["unit", "-day", "-id"], name="activity_unit_recent"),
            models.Index(fields=["-day", "-id"], name="activity_recent"),
        ]
        constraints = [
            models.CheckConstraint(
                name="activity_one_record_at_most",
                condition=Q(matter__isnull=True) | Q(dispute__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("activities:activity", kwargs={"pk": self.pk})

    @property
    def group(self) -> KindGroup:
        return GROUP_OF[self.kind]

    @property
    def is_outreach(self) -> bool:
        return self.group == KindGroup.OUTREACH

    @property
    def people_names(self) -> str:
        return "、".join(person.name for person in self.people.all())

    @property
    def record(self) -> object:
        return self.matter or self.dispute

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if self.matter_id and self.dispute_id:
            errors["dispute"] = _("一项活动只能关联一件法律事务或一件行政争议。")
        if (
            self.audience is not None
            and self.kind
            and GROUP_OF.get(self.kind) != KindGroup.OUTREACH
        ):
            errors["audience"] = _("受众人数仅用于释案说法、专题法课和送法活动。")
        if self.day and self.day > timezone.localdate():
            errors["day"] = _("活动日期不能晚于今天。")
        if errors:
            raise ValidationError(errors)


class Participant(models.Model):
    """A public lawyer who took part in an activity."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="participants")
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("公职律师"),
        on_delete=models.PROTECT,
        related_name="activity_roles",
    )

    class Meta:
        verbose_name = _("活动参与人")
        verbose_name_plural = _("活动参与人")
        ordering = ["activity_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "person"], name="one_row_per_participant")
        ]
        indexes = [models.Index(fields=["person", "activity"], name="participant_person")]

    def __str__(self) -> str:
        return f"{self.activity_id} {self.person_id}"
