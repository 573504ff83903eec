"""Typical cases of public lawyers resolving administrative disputes, selected by the justice
bureau (002 §18), their published versions and the annual compilation."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, FSMModelMixin, transition

from govcounsel.core.models import WorkflowStep
from govcounsel.core.scoping import Reach, ScopedQuerySet
from govcounsel.organisations.choices import Sector

from .choices import CaseAction, CaseStatus

S = CaseStatus

# The text of a case, in the order of the template (标题、副标题、基本案情、化解过程、典型意义).
TEXT_FIELDS = ("title", "subtitle", "facts", "resolution", "key_points")


class TypicalCaseQuerySet(ScopedQuerySet["TypicalCase"]):
    def published(self) -> TypicalCaseQuerySet:
        """On the public page: published, with the version the public reads."""
        return self.filter(status=S.PUBLISHED, current_revision__isnull=False)

    def awaiting_review(self) -> TypicalCaseQuerySet:
        return self.filter(status=S.NOMINATED)


class TypicalCase(FSMModelMixin, models.Model):
    """A closed, resolved dispute an organ's rule-of-law office nominates as a typical case,
    which the justice bureau of its region reviews, edits, anonymises and publishes
    (002 §18: 司法行政机关定期组织典型案例评选活动)."""

    dispute = models.OneToOneField(
        "disputes.Dispute",
        verbose_name=_("行政争议"),
        on_delete=models.PROTECT,
        related_name="typical_case",
    )
    # The organ whose dispute it was: its office nominates, its region's bureau reviews.
    unit = models.ForeignKey(
        "organisations.Unit",
        verbose_name=_("推荐单位"),
        on_delete=models.PROTECT,
        related_name="typical_cases",
    )
    reason = models.TextField(_("推荐理由"))
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("推荐人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    nominated_at = models.DateTimeField(_("推荐时间"), auto_now_add=True)
    status = FSMField(
        _("状态"), max_length=16, choices=S.choices, default=S.NOMINATED, protected=True
    )
    decline_reason = models.TextField(_("不予采用理由"), blank=True)
    withdraw_reason = models.TextField(_("撤下理由"), blank=True)
    # The working text, in the template's headings; what the public reads is the published
    # revision (`current_revision`), never this draft.
    title = models.CharField(_("标题"), max_length=200)
    subtitle = models.CharField(_("副标题"), max_length=200, blank=True)
    facts = models.TextField(_("基本案情"), blank=True)
    resolution = models.TextField(_("化解过程"), blank=True)
    key_points = models.TextField(_("典型意义"), blank=True)
    year = models.PositiveSmallIntegerField(_("年度"))
    sector = models.CharField(_("业务系统"), max_length=32, choices=Sector.choices)
    # Further names the bureau had replaced (a witness, a company): kept so that publishing
    # checks none of them came back in a later edit.
    hidden_names = models.JSONField(_("已隐去的名称"), default=list, blank=True)
    current_revision = models.OneToOneField(
        "casebook.TypicalCaseRevision",
        verbose_name=_("公开版本"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = TypicalCaseQuerySet.as_manager()

    class Scoping:
        # The nominating organ's office sees its own; the supervisor and the justice bureau
        # of the region read them all (the bureau runs the selection).
        roles = "UNIT_ROLES"
        unit = "unit_id"
        system = "unit__system_path"
        also = (Reach("CASEWORK_REGION_ROLES", region="unit__region__path"),)

    class Meta:
        verbose_name = _("典型案例")
        verbose_name_plural = _("典型案例")
        ordering = ["-nominated_at", "-id"]
        indexes = [models.Index(fields=["status", "year"], name="typical_case_status_year")]
        constraints = [
            models.CheckConstraint(
                name="typical_case_published_has_revision",
                condition=~Q(status=S.PUBLISHED) | Q(current_revision__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("casebook:case", kwargs={"pk": self.pk})

    @property
    def is_nominated(self) -> bool:
        return self.status == S.NOMINATED

    @property
    def is_editing(self) -> bool:
        return self.status == S.EDITING

    @property
    def is_published(self) -> bool:
        return self.status == S.PUBLISHED

    @property
    def is_withdrawn(self) -> bool:
        return self.status == S.WITHDRAWN

    @property
    def is_declined(self) -> bool:
        return self.status == S.DECLINED

    def text(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in TEXT_FIELDS}

    @transition(field=status, source=S.NOMINATED, target=S.EDITING)
    def accept(self) -> None:
        pass

    @transition(field=status, source=S.NOMINATED, target=S.DECLINED)
    def decline(self) -> None:
        pass

    @transition(field=status, source=[S.EDITING, S.WITHDRAWN], target=S.PUBLISHED)
    def publish(self) -> None:
        pass

    @transition(field=status, source=S.PUBLISHED, target=S.PUBLISHED)
    def revise(self) -> None:
        pass

    @transition(field=status, source=S.PUBLISHED, target=S.WITHDRAWN)
    def withdraw(self) -> None:
        pass


class TypicalCaseRevision(models.Model):
    """One published version of a typical case, kept as published: the public page shows
    the latest; the bureau reads them all."""

    case = models.ForeignKey(TypicalCase, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveSmallIntegerField(_("版本"))
    title = models.CharField(_("标题"), max_length=200)
    subtitle = models.CharField(_("副标题"), max_length=200, blank=True)
    facts = models.TextField(_("基本案情"), blank=True)
    resolution = models.TextField(_("化解过程"), blank=True)
    key_points = models.TextField(_("典型意义"), blank=True)
    year = models.PositiveSmallIntegerField(_("年度"))
    sector = models.CharField(_("业务系统"), max_length=32, choices=Sector.choices)
    note = models.TextField(_("修订说明"), blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("发布人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    published_at = models.DateTimeField(_("发布时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("典型案例版本")
        verbose_name_plural = _("典型案例版本")
        ordering = ["case_id", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["case", "number"], name="typical_case_revision_once")
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.number})"


class CaseStep(WorkflowStep):
    """A step in a typical case's history."""

    case = models.ForeignKey(TypicalCase, on_delete=models.CASCADE, related_name="steps")
    action = models.CharField(_("环节"), max_length=32, choices=CaseAction.choices)

    class Meta(WorkflowStep.Meta):
        verbose_name = _("典型案例办理记录")
        verbose_name_plural = _("典型案例办理记录")


class CompilationQuerySet(ScopedQuerySet["Compilation"]):
    pass


class Compilation(models.Model):
    """A justice bureau's annual compilation of its region's published typical cases,
    issued as an official document with a number from the register (ADR 0026)."""

    region = models.ForeignKey(
        "organisations.Region",
        verbose_name=_("区域"),
        on_delete=models.PROTECT,
        related_name="case_compilations",
    )
    year = models.PositiveSmallIntegerField(_("年度"))
    document = models.OneToOneField(
        "documents.OfficialDocument",
        verbose_name=_("公文"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    cases = models.ManyToManyField(
        TypicalCaseRevision, verbose_name=_("收录案例"), related_name="compilations"
    )
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("印发人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    issued_at = models.DateTimeField(_("印发时间"), auto_now_add=True)

    objects = CompilationQuerySet.as_manager()

    class Scoping:
        # The region's justice bureau and supervisor; the document is theirs.
        roles = "CASEWORK_REGION_ROLES"
        region = "region__path"

    class Meta:
        verbose_name = _("典型案例汇编")
        verbose_name_plural = _("典型案例汇编")
        ordering = ["-year", "-issued_at", "-id"]

    def __str__(self) -> str:
        return self.document.title

    def get_absolute_url(self) -> str:
        return reverse("casebook:compilation-download", kwargs={"pk": self.pk})
