"""Annual awards of advanced units and individuals in resolving administrative disputes
(002 §19), held under rules that carry their period of validity (002 §20)."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, FSMModelMixin, transition

from govcounsel.core.models import WorkflowStep
from govcounsel.core.scoping import ScopedQuerySet, Via

from .choices import CandidateKind, CandidateSource, CycleAction, CycleStatus

S = CycleStatus


class AwardRuleQuerySet(ScopedQuerySet["AwardRule"]):
    def in_force(self, on: date) -> AwardRuleQuerySet:
        """The rules whose period of validity covers the day (002 §20)."""
        return self.filter(valid_from__lte=on).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=on)
        )


class AwardRule(models.Model):
    """The rule an award cycle of a region is held under: its period of validity, the month
    the cycle is held in, the quotas of advanced units and individuals, and the clause it
    rests on (002 §19, §20). A county without a rule of its own follows its city's."""

    region = models.ForeignKey(
        "organisations.Region",
        verbose_name=_("区域"),
        on_delete=models.PROTECT,
        related_name="award_rules",
    )
    valid_from = models.DateField(_("施行日期"))
    valid_to = models.DateField(_("有效期至"), null=True, blank=True)
    cycle_month = models.PositiveSmallIntegerField(
        _("评选月份"), validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    unit_quota = models.PositiveSmallIntegerField(_("先进单位名额"))
    individual_quota = models.PositiveSmallIntegerField(_("先进个人名额"))
    basis = models.CharField(_("依据条款"), max_length=200, help_text=_("文件名称及条款序号。"))
    basis_text = models.TextField(_("条款原文"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)

    objects = AwardRuleQuerySet.as_manager()

    class Scoping:
        # The rules of the regions the user sees and of the regions above them; none for the
        # administrator duties (三员分立).
        requires = "DOMAIN_ROLES"
        also = (Via("region", with_ancestors=True),)

    class Meta:
        verbose_name = _("评选规则")
        verbose_name_plural = _("评选规则")
        ordering = ["region__path", "-valid_from", "-id"]
        constraints = [
            models.CheckConstraint(
                name="award_rule_period_ordered",
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
            ),
            models.CheckConstraint(
                name="award_rule_cycle_month", condition=Q(cycle_month__gte=1, cycle_month__lte=12)
            ),
        ]

    def __str__(self) -> str:
        end = f"{self.valid_to:%Y-%m-%d}" if self.valid_to else "—"
        return f"{self.region} {self.basis}（{self.valid_from:%Y-%m-%d}至{end}）"

    def get_absolute_url(self) -> str:
        return reverse("awards:rules") + f"?q={self.region.code}"

    def covers(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


class AwardCycleQuerySet(ScopedQuerySet["AwardCycle"]):
    def awaiting_decision(self) -> AwardCycleQuerySet:
        return self.filter(status=S.REVIEW)

    def taking_candidates(self) -> AwardCycleQuerySet:
        return self.filter(status=S.OPEN)


class AwardCycle(FSMModelMixin, models.Model):
    """One year's selection of advanced units and individuals of a region (002 §19), opened
    by the rule-of-law committee office for the government, prepared by the justice bureau
    and decided by a numbered 决定 (documents layer)."""

    region = models.ForeignKey(
        "organisations.Region",
        verbose_name=_("区域"),
        on_delete=models.PROTECT,
        related_name="award_cycles",
    )
    year = models.PositiveSmallIntegerField(_("评选年度"))
    rule = models.ForeignKey(
        AwardRule, verbose_name=_("适用规则"), on_delete=models.PROTECT, related_name="cycles"
    )
    status = FSMField(_("状态"), max_length=16, choices=S.choices, default=S.OPEN, protected=True)
    note = models.TextField(_("说明"), blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("启动人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    opened_at = models.DateTimeField(_("启动时间"), default=timezone.now, editable=False)
    locked_at = models.DateTimeField(_("名单确定时间"), null=True, blank=True)
    decided_on = models.DateField(_("决定日期"), null=True, blank=True)
    decision = models.ForeignKey(
        "documents.OfficialDocument",
        verbose_name=_("表彰决定"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = AwardCycleQuerySet.as_manager()

    class Scoping:
        # Everyone of the region sees its selection (the list is made public, 002 §18-19);
        # none for the administrator duties.
        requires = "DOMAIN_ROLES"
        also = (Via("region", with_ancestors=True),)

    class Meta:
        verbose_name = _("评选表彰")
        verbose_name_plural = _("评选表彰")
        ordering = ["-year", "region__path", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["region", "year"], name="one_award_cycle_per_year"),
            models.CheckConstraint(
                name="award_cycle_closed_has_decision",
                condition=~Q(status=S.CLOSED) | Q(decision__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.region}{self.year}年度公职律师参与行政纠纷化解工作评选"

    def get_absolute_url(self) -> str:
        return reverse("awards:cycle", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status == S.OPEN

    @property
    def is_under_review(self) -> bool:
        return self.status == S.REVIEW

    @property
    def is_closed(self) -> bool:
        return self.status == S.CLOSED

    @property
    def decision_title(self) -> str:
        return f"关于表彰{self.year}年度公职律师参与行政纠纷化解工作先进单位和先进个人的决定"

    @transition(field=status, source=S.OPEN, target=S.REVIEW)
    def lock(self) -> None:
        self.locked_at = timezone.now()

    @transition(field=status, source=S.REVIEW, target=S.CLOSED)
    def close(self) -> None:
        pass


class CandidateQuerySet(ScopedQuerySet["Candidate"]):
    def awarded(self) -> CandidateQuerySet:
        return self.filter(awarded=True)

    def units(self) -> CandidateQuerySet:
        return self.filter(kind=CandidateKind.UNIT)

    def individuals(self) -> CandidateQuerySet:
        return self.filter(kind=CandidateKind.INDIVIDUAL)


class Candidate(models.Model):
    """A unit or a public lawyer put forward in a cycle, with the figures of the year read
    from the records; kept as they stood when the list was closed for the decision."""

    cycle = models.ForeignKey(AwardCycle, on_delete=models.CASCADE, related_name="candidates")
    kind = models.CharField(_("类别"), max_length=16, choices=CandidateKind.choices)
    # The unit itself, or the lawyer's unit when the candidate was put forward.
    unit = models.ForeignKey(
        "organisations.Unit",
        verbose_name=_("单位"),
        on_delete=models.PROTECT,
        related_name="award_candidacies",
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("公职律师"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="award_candidacies",
    )
    source = models.CharField(_("推荐方式"), max_length=16, choices=CandidateSource.choices)
    reason = models.TextField(_("推荐理由"), blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("推荐人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    proposed_at = models.DateTimeField(_("推荐时间"), auto_now_add=True)
    # The figures as they stood when the list was closed (selectors.Figures.as_dict).
    figures = models.JSONField(_("事迹数据"), null=True, blank=True, editable=False)
    figures_at = models.DateTimeField(_("数据截取时间"), null=True, blank=True)
    awarded = models.BooleanField(_("是否表彰"), null=True, blank=True)

    objects = CandidateQuerySet.as_manager()

    class Scoping:
        requires = "DOMAIN_ROLES"
        also = (Via("cycle"),)

    class Meta:
        verbose_name = _("评选候选")
        verbose_name_plural = _("评选候选")
        ordering = ["cycle_id", "kind", "unit__name", "person__name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "person"],
                condition=Q(person__isnull=False),
                name="one_candidacy_per_person_and_cycle",
            ),
            models.UniqueConstraint(
                fields=["cycle", "unit"],
                condition=Q(kind=CandidateKind.UNIT),
                name="one_candidacy_per_unit_and_cycle",
            ),
            models.CheckConstraint(
                name="candidate_person_iff_individual",
                condition=Q(kind=CandidateKind.INDIVIDUAL, person__isnull=False)
                | Q(kind=CandidateKind.UNIT, person__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        if self.person_id:
            return f"{self.person}（{self.unit}）"
        return str(self.unit)

    def get_absolute_url(self) -> str:
        return self.cycle.get_absolute_url() + f"#candidate-{self.pk}"

    @property
    def is_individual(self) -> bool:
        return self.kind == CandidateKind.INDIVIDUAL

    @property
    def is_kept(self) -> bool:
        """Its figures were taken when the list was closed."""
        return self.figures is not None


class CycleStep(WorkflowStep):
    """A step in an award cycle's history."""

    cycle = models.ForeignKey(AwardCycle, on_delete=models.CASCADE, related_name="steps")
    action = models.CharField(_("环节"), max_length=32, choices=CycleAction.choices)

    class Meta(WorkflowStep.Meta):
        verbose_name = _("评选办理记录")
        verbose_name_plural = _("评选办理记录")
