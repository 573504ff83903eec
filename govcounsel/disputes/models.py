"""Administrative disputes an organ's lawyers help to resolve (002 §5, §8, §9)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, FSMModelMixin, transition

from govcounsel.core import crypto
from govcounsel.core.masking import mask_phone
from govcounsel.core.models import WorkflowStep
from govcounsel.core.scoping import Mine, Reach, ScopedQuerySet
from govcounsel.core.uploads import validate_document_upload
from govcounsel.core.validators import validate_phone

from .choices import (
    FINISHED,
    RESOLVED_OUTCOMES,
    ActKind,
    AssignmentStatus,
    Channel,
    Condition,
    ConflictDecision,
    CounterpartyKind,
    DisputeAction,
    DisputeStatus,
    Origin,
    Outcome,
    Satisfaction,
)

S = DisputeStatus


class DisputeQuerySet(ScopedQuerySet["Dispute"]):
    def open(self) -> DisputeQuerySet:
        """The disputes still worked on: neither closed nor found not to be disputes."""
        return self.exclude(status__in=FINISHED)

    def clock_overdue(self) -> DisputeQuerySet:
        """Open, with a statutory clock past its last day (002 §8)."""
        return self.open().filter(clock_deadline__lt=timezone.localdate())

    def resolved(self) -> DisputeQuerySet:
        """Closed inside the administration, before litigation (诉源治理)."""
        return self.filter(status=S.CLOSED, outcome__in=RESOLVED_OUTCOMES)


class Dispute(FSMModelMixin, models.Model):
    """An administrative dispute between an organ and the person or organisation its act
    concerns (002 §5), registered by the organ's rule-of-law office or by the
    reconciliation centre, and worked by the organ's public lawyers (002 §9)."""

    unit = models.ForeignKey(
        "organisations.Unit",
        verbose_name=_("被申请行政机关"),
        on_delete=models.PROTECT,
        related_name="disputes",
    )
    title = models.CharField(_("争议名称"), max_length=200)
    registered_by_centre = models.BooleanField(_("由和解中心登记"), default=False)
    counterparty_kind = models.CharField(
        _("相对人类型"), max_length=16, choices=CounterpartyKind.choices
    )
    counterparty_name = models.CharField(_("相对人"), max_length=200)
    # Encrypted at rest; pages show `counterparty_phone_masked` unless the reader may see it.
    counterparty_phone = crypto.EncryptedTextField(
        _("相对人联系电话"), max_length=20, blank=True, validators=[validate_phone]
    )
    act_kind = models.CharField(_("行为方式"), max_length=16, choices=ActKind.choices)
    act = models.TextField(_("行政行为"))
    contested = models.TextField(_("争议焦点"))
    origin = models.CharField(_("争议来源"), max_length=20, choices=Origin.choices)
    arose_on = models.DateField(_("发生日期"), default=timezone.localdate)
    attachment = models.FileField(
        _("材料"), upload_to="disputes/%Y/%m/", blank=True, validators=[validate_document_upload]
    )
    status = FSMField(
        _("状态"), max_length=20, choices=S.choices, default=S.REGISTERED, protected=True
    )
    registered_at = models.DateTimeField(_("登记时间"), default=timezone.now, editable=False)
    # 002 §5: an unqualified matter is closed with the guidance given to the party.
    guidance = models.TextField(_("告知与引导"), blank=True)
    # 002 §8: the channels offered (cheapest first) and the one the party chose.
    channels_offered = models.JSONField(_("告知的渠道"), default=list, blank=True)
    channel_chosen = models.CharField(
        _("当事人选择的渠道"), max_length=20, choices=Channel.choices, blank=True
    )
    # A statutory clock the chosen channel starts (e.g. the reconsideration body's review
    # of acceptance), counted in working days like a matter's deadline.
    clock_label = models.CharField(_("法定期限事项"), max_length=100, blank=True)
    clock_started_on = models.DateField(_("期限起算日"), null=True, blank=True)
    clock_workdays = models.PositiveSmallIntegerField(_("期限（工作日）"), null=True, blank=True)
    clock_deadline = models.DateField(_("期限届满日"), null=True, blank=True)
    outcome = models.CharField(_("化解结果"), max_length=24, choices=Outcome.choices, blank=True)
    outcome_note = models.TextField(_("结果说明"), blank=True)
    agreement = models.FileField(
        _("协议书"),
        upload_to="disputes/agreements/%Y/%m/",
        blank=True,
        validators=[validate_document_upload],
    )
    satisfaction = models.CharField(
        _("相对人满意度"), max_length=16, choices=Satisfaction.choices, blank=True
    )
    closed_at = models.DateTimeField(_("办结时间"), null=True, blank=True)

    objects = DisputeQuerySet.as_manager()
    # The counterparty's name and phone: reads of the register are recorded (core/access.py).
    personal_data = True

    class Scoping:
        # The organ's office sees its disputes; the supervisor, the justice bureau and the
        # reconciliation centre of the region read them; a lawyer sees those they work on
        # (as the organ's lawyer or as the centre's mediator).
        roles = "UNIT_ROLES"
        unit = "unit_id"
        system = "unit__system_path"
        also = (
            Reach("DISPUTE_REGION_ROLES", region="unit__region__path"),
            Mine(person="person_id", through="disputes.DisputeLawyer", link="dispute"),
        )

    class Meta:
        verbose_name = _("行政争议")
        verbose_name_plural = _("行政争议")
        ordering = ["-registered_at", "-id"]
        indexes = [
            models.Index(fields=["unit", "-registered_at", "-id"], name="dispute_unit_recent"),
            models.Index(fields=["-registered_at", "-id"], name="dispute_recent"),
            models.Index(fields=["status", "clock_deadline"], name="dispute_status_clock"),
            models.Index(fields=["status", "closed_at"], name="dispute_status_closed"),
        ]
        constraints = [
            models.CheckConstraint(
                name="dispute_closed_has_outcome",
                condition=~Q(status=S.CLOSED) | ~Q(outcome=""),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("disputes:dispute", kwargs={"pk": self.pk})

    @property
    def counterparty_phone_masked(self) -> str:
        return mask_phone(self.counterparty_phone) if self.counterparty_phone else ""

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED

    @property
    def is_resolved(self) -> bool:
        return self.status == S.CLOSED and self.outcome in RESOLVED_OUTCOMES

    @property
    def clock_is_overdue(self) -> bool:
        return bool(
            self.clock_deadline
            and not self.is_finished
            and self.clock_deadline < timezone.localdate()
        )

    @property
    def failed_conditions(self) -> list[QualificationAnswer]:
        return [answer for answer in self.qualification.all() if not answer.met]

    @transition(field=status, source=S.REGISTERED, target=S.QUALIFIED)
    def qualify(self) -> None:
        pass

    @transition(field=status, source=S.REGISTERED, target=S.UNQUALIFIED)
    def disqualify(self) -> None:
        self.closed_at = timezone.now()

    @transition(field=status, source=[S.QUALIFIED, S.HANDLING], target=S.HANDLING)
    def guide(self) -> None:
        pass

    @transition(field=status, source=S.HANDLING, target=S.CLOSED)
    def close(self) -> None:
        self.closed_at = timezone.now()


class QualificationAnswer(models.Model):
    """One of the four conditions of 002 §5, answered for a dispute with its reason."""

    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="qualification")
    condition = models.PositiveSmallIntegerField(_("条件"), choices=Condition.choices)
    met = models.BooleanField(_("是否符合"))
    reason = models.TextField(_("理由"))
    answered_by = models.ForeignKey(
        "accounts.User", verbose_name=_("认定人"), on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(_("认定时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("行政争议认定")
        verbose_name_plural = _("行政争议认定")
        ordering = ["dispute_id", "condition"]
        constraints = [
            models.UniqueConstraint(
                fields=["dispute", "condition"], name="one_answer_per_condition"
            )
        ]

    def __str__(self) -> str:
        return f"{self.dispute_id} ({self.condition})"


class DisputeLawyer(models.Model):
    """A public lawyer the organ puts on a dispute (002 §9), or a mediator the centre
    assigns from its pool (002 §10, `mediator=True`)."""

    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="lawyers")
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("公职律师"),
        on_delete=models.PROTECT,
        related_name="dispute_roles",
    )
    mediator = models.BooleanField(_("和解调解员"), default=False)
    is_lead = models.BooleanField(_("主办"), default=False)
    status = models.CharField(
        _("状态"), max_length=16, choices=AssignmentStatus.choices, default=AssignmentStatus.ACTIVE
    )
    assigned_at = models.DateTimeField(_("委派时间"), auto_now_add=True)
    ended_at = models.DateTimeField(_("调整时间"), null=True, blank=True)
    ended_reason = models.TextField(_("调整原因"), blank=True)

    class Meta:
        verbose_name = _("争议化解人员")
        verbose_name_plural = _("争议化解人员")
        ordering = ["dispute_id", "-is_lead", "assigned_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["dispute", "person"],
                condition=Q(status=AssignmentStatus.ACTIVE),
                name="one_live_role_per_person_and_dispute",
            )
        ]

    def __str__(self) -> str:
        return f"{self.dispute_id} {self.person}"

    @property
    def is_active(self) -> bool:
        return self.status == AssignmentStatus.ACTIVE


class DutyConflict(models.Model):
    """A clash between a lawyer's daily duties and a dispute, reported to the organ head
    and decided by them (002 §9); the office records the head's decision."""

    lawyer = models.ForeignKey(DisputeLawyer, on_delete=models.CASCADE, related_name="conflicts")
    description = models.TextField(_("冲突情况"))
    reported_by = models.ForeignKey(
        "accounts.User", verbose_name=_("报告人"), on_delete=models.PROTECT, related_name="+"
    )
    reported_at = models.DateTimeField(_("报告时间"), auto_now_add=True)
    decision = models.CharField(
        _("处理决定"), max_length=16, choices=ConflictDecision.choices, blank=True
    )
    decided_by_head = models.CharField(_("作出决定的负责人"), max_length=50, blank=True)
    decision_note = models.TextField(_("决定说明"), blank=True)
    decided_at = models.DateTimeField(_("决定时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("工作冲突")
        verbose_name_plural = _("工作冲突")
        ordering = ["-reported_at", "-id"]

    def __str__(self) -> str:
        return f"{self.lawyer} {self.reported_at:%Y-%m-%d}"

    @property
    def is_open(self) -> bool:
        return not self.decision


class DisputeStep(WorkflowStep):
    """A step in a dispute's history."""

    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="steps")
    action = models.CharField(_("环节"), max_length=32, choices=DisputeAction.choices)

    class Meta(WorkflowStep.Meta):
        verbose_name = _("争议办理记录")
        verbose_name_plural = _("争议办理记录")
