from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import audit_chain
from .choices import DayKind, ExportFormat, ExportStatus, NoticeSource
from .crypto import EncryptedTextField
from .uploads import validate_document_upload


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: object) -> int:
        raise PermissionError("audit events cannot be changed")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise PermissionError("audit events cannot be deleted")


class AuditEvent(models.Model):
    """One recorded event of the audit trail: a domain action, a login, a denied access
    or a read of unmasked personal data. Written once, never changed."""

    action = models.CharField(_("事件"), max_length=100, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("操作人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor_name = models.CharField(_("操作人账号"), max_length=150, blank=True)
    # Set before the insert (not auto_now_add) so that the chain digest covers it.
    at = models.DateTimeField(_("时间"), default=timezone.now, editable=False, db_index=True)
    client_address = models.GenericIPAddressField(_("客户端地址"), null=True, blank=True)
    content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    object_id = models.CharField(_("对象编号"), max_length=64, blank=True)
    object_repr = models.CharField(_("对象"), max_length=255, blank=True)
    data = models.JSONField(_("详情"), default=dict, blank=True)
    # The request that wrote it, as django-auditlog's `cid` of that request's field diffs
    # (ADR 0017). Empty for events written outside a request and for rows older than it.
    request_id = models.CharField(
        _("请求编号"), max_length=32, null=True, blank=True, editable=False, db_index=True
    )
    # The hash chain (ADR 0010): this row's digest covers its content and the digest before.
    previous_digest = models.CharField(_("前一条摘要"), max_length=64, blank=True, editable=False)
    digest = models.CharField(_("摘要"), max_length=64, blank=True, editable=False)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("审计事件")
        verbose_name_plural = _("审计事件")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.action} {self.actor_name}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise PermissionError("audit events cannot be changed")
        using = str(kwargs.get("using") or "default")
        self.data = audit_chain.normalise_json(self.data)
        with transaction.atomic(using=using):
            audit_chain.lock(audit_chain.AUDIT_LOCK, using)
            self.previous_digest = audit_chain.last_digest(type(self).objects.using(using))
            self.digest = audit_chain.digest(audit_chain.event_fields(self), self.previous_digest)
            super().save(*args, **kwargs)

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise PermissionError("audit events cannot be deleted")


class ChangeSeal(models.Model):
    """The hash-chain link of one django-auditlog field-change entry (ADR 0010): the
    entry itself is the package's row; its seal is kept here, in the order it was sealed."""

    entry = models.OneToOneField(
        "auditlog.LogEntry", on_delete=models.DO_NOTHING, related_name="seal", db_constraint=True
    )
    previous_digest = models.CharField(max_length=64, blank=True, editable=False)
    digest = models.CharField(max_length=64, editable=False)

    class Meta:
        verbose_name = _("变更记录摘要")
        verbose_name_plural = _("变更记录摘要")

    def __str__(self) -> str:
        return f"{self.entry_id} {self.digest[:12]}"


class WorkflowStep(models.Model):
    """One step of a workflow's history: who did what, when, why, with an optional scan.
    Apps subclass it for their own objects and give `action` their own choices."""

    action = models.CharField(_("环节"), max_length=32)
    from_status = models.CharField(max_length=32, blank=True)
    to_status = models.CharField(max_length=32)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("办理人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    at = models.DateTimeField(_("时间"), auto_now_add=True)
    note = models.TextField(_("意见"), blank=True)
    scan = models.FileField(
        _("附件扫描件"),
        upload_to="scans/%Y/%m/",
        blank=True,
        validators=[validate_document_upload],
    )

    class Meta:
        abstract = True
        ordering = ["at", "id"]

    def __str__(self) -> str:
        label = getattr(self, "get_action_display", lambda: self.action)()
        return f"{label} {self.at:%Y-%m-%d}"


class NotificationQuerySet(models.QuerySet["Notification"]):
    def unread(self) -> NotificationQuerySet:
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """A message on a person's to-do list in the application (and sent by e-mail)."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    # A declared kind (core.notify.kinds): "<app.model>.<verb>" for a verb's notice.
    kind = models.CharField(_("类别"), max_length=100, blank=True, default="")
    title = models.CharField(_("标题"), max_length=200)
    body = models.TextField(_("内容"), blank=True)
    url = models.CharField(_("链接"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("时间"), auto_now_add=True)
    read_at = models.DateTimeField(_("已读时间"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("通知")
        verbose_name_plural = _("通知")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notification_inbox"),
            # The inbox and the API page by keyset: newest first, per recipient.
            models.Index(fields=["recipient", "-created_at", "-id"], name="notification_recent"),
        ]

    def __str__(self) -> str:
        return self.title


class NotificationPreference(models.Model):
    """A person's choice not to be e-mailed about one kind of notification; the notice
    still reaches the inbox. No row: e-mail on."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(_("类别"), max_length=100)
    email = models.BooleanField(_("发送邮件"), default=False)

    class Meta:
        verbose_name = _("通知设置")
        verbose_name_plural = _("通知设置")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notification_preference_once")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind}"


class HolidayNotice(models.Model):
    """One year's arrangement of public holidays: the State Council General Office's yearly
    notice (国务院办公厅关于××年部分节假日安排的通知), or, until it is published, the
    holidays worked out from 《全国年节及纪念日放假办法》 (2024 amendment) 第二条、第六条."""

    year = models.PositiveSmallIntegerField(_("年度"), unique=True)
    source = models.CharField(
        _("来源"), max_length=16, choices=NoticeSource.choices, default=NoticeSource.NOTICE
    )
    document_number = models.CharField(
        _("文号"), max_length=64, blank=True, help_text=_("例如：国办发明电〔2024〕12号")
    )
    title = models.CharField(_("通知标题"), max_length=200, blank=True)
    published_on = models.DateField(_("发布日期"), null=True, blank=True)
    note = models.CharField(_("备注"), max_length=200, blank=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("年度放假安排")
        verbose_name_plural = _("年度放假安排")
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(year__gte=1999, year__lte=2199), name="holiday_notice_year"
            ),
            models.CheckConstraint(
                condition=models.Q(source__in=NoticeSource.values), name="holiday_notice_source"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year}"

    @property
    def published(self) -> bool:
        return self.source == NoticeSource.NOTICE


class CalendarDay(models.Model):
    """A day the yearly holiday notice names: a public holiday (放假), or a weekend day
    worked in exchange (调休上班). Every other day is a working day from Monday to Friday
    and a rest day on Saturday and Sunday (国务院关于职工工作时间的规定 第七条)."""

    notice = models.ForeignKey(
        HolidayNotice, verbose_name=_("所属年度"), on_delete=models.PROTECT, related_name="days"
    )
    date = models.DateField(_("日期"), unique=True)
    kind = models.CharField(_("类别"), max_length=16, choices=DayKind.choices)
    # The festival the day belongs to: 元旦, 春节, 清明节 … (a swapped working day names the
    # festival it was swapped for).
    name = models.CharField(_("名称"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("节假日安排")
        verbose_name_plural = _("节假日安排")
        ordering = ["date"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=DayKind.values), name="calendar_day_kind"
            ),
            models.CheckConstraint(
                condition=~models.Q(kind=DayKind.HOLIDAY, name=""),
                name="calendar_day_holiday_named",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.get_kind_display()} {self.name}".rstrip()


class ExportJobQuerySet(models.QuerySet["ExportJob"]):
    def of(self, user: Any) -> ExportJobQuerySet:
        """A person's own exports: nobody else may see or fetch them, administrators included."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(owner=user)

    def expired(self) -> ExportJobQuerySet:
        return self.filter(status=ExportStatus.DONE, expires_at__lte=timezone.now())


class ExportJob(models.Model):
    """A register export too large to write while the person waits: a worker re-runs the
    list's scoped, filtered query for its owner and keeps the file for a few days
    (ADR 0018; PIPL art. 51: copies of personal data do not outlive their use)."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("导出人"),
        on_delete=models.CASCADE,
        related_name="export_jobs",
    )
    title = models.CharField(_("名称"), max_length=100)
    # The list view (dotted path, a ScopedListView) and its URL arguments, re-run by the worker.
    view = models.CharField(_("列表"), max_length=200)
    view_kwargs = models.JSONField(default=dict, blank=True)
    path = models.CharField(_("列表地址"), max_length=300)
    # Encrypted: a search may hold an ID number, which nothing keeps in clear (PIPL art. 51).
    query = EncryptedTextField(_("筛选条件"), blank=True)
    format = models.CharField(_("格式"), max_length=8, choices=ExportFormat.choices)
    status = models.CharField(
        _("状态"), max_length=16, choices=ExportStatus.choices, default=ExportStatus.QUEUED
    )
    done = models.PositiveIntegerField(_("已导出"), default=0)
    total = models.PositiveIntegerField(_("总数"), default=0)
    file = models.FileField(upload_to="exports/%Y/%m/", blank=True)
    # The request that asked for the export: its address and id go into the audit event the
    # worker writes, so the trail ties the file to the click.
    client_address = models.GenericIPAddressField(null=True, blank=True)
    request_id = models.CharField(max_length=32, blank=True)
    created_at = models.DateTimeField(_("申请时间"), auto_now_add=True)
    finished_at = models.DateTimeField(_("完成时间"), null=True, blank=True)
    expires_at = models.DateTimeField(_("文件保留至"), null=True, blank=True)
    error = models.TextField(_("错误信息"), blank=True)

    objects = ExportJobQuerySet.as_manager()

    class Meta:
        verbose_name = _("导出任务")
        verbose_name_plural = _("导出任务")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["owner", "-created_at"], name="export_job_owner")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=ExportStatus.values), name="export_job_status"
            ),
            models.CheckConstraint(
                condition=models.Q(format__in=ExportFormat.values), name="export_job_format"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title}（{self.get_format_display()}）"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("exports:job", kwargs={"pk": self.pk})

    @property
    def percent(self) -> int:
        if self.status == ExportStatus.DONE:
            return 100
        return min(100, self.done * 100 // self.total) if self.total else 0

    @property
    def is_pending(self) -> bool:
        return self.status in (ExportStatus.QUEUED, ExportStatus.RUNNING)

    @property
    def is_ready(self) -> bool:
        return self.status == ExportStatus.DONE and bool(self.file)

    @property
    def is_failed(self) -> bool:
        return self.status == ExportStatus.FAILED
