from django.db import models
from django.utils.translation import gettext_lazy as _


class ApplicationStatus(models.TextChoices):
    APPLIED = "applied", _("待单位审核")
    REVIEWED = "reviewed", _("单位已审核")
    SUBMITTED = "submitted", _("已申报，待司法局审批")
    APPROVED = "approved", _("已批准")
    REJECTED = "rejected", _("未批准")
    RETURNED = "returned", _("单位退回")
    WITHDRAWN = "withdrawn", _("已撤回")


OPEN_APPLICATION = (
    ApplicationStatus.APPLIED,
    ApplicationStatus.REVIEWED,
    ApplicationStatus.SUBMITTED,
)


class CertificateStatus(models.TextChoices):
    ACTIVE = "active", _("有效")
    SUSPENDED = "suspended", _("暂停执业")
    CANCELLED = "cancelled", _("已注销")


# A certificate is held until it is cancelled; a suspended one still blocks a second.
HELD_CERTIFICATE = (CertificateStatus.ACTIVE, CertificateStatus.SUSPENDED)


class CancellationReason(models.TextChoices):
    RETIRED = "retired", _("退休")
    LEFT = "left", _("离职")
    TRANSFERRED = "transferred", _("调离")
    OTHER = "other", _("其他")


class CaseStatus(models.TextChoices):
    OPEN = "open", _("待收回证书")
    RECOVERED = "recovered", _("证书已收回，待注销")
    COMPLETED = "completed", _("已注销")


class StepAction(models.TextChoices):
    APPLIED = "applied", _("提出申请")
    REVIEWED = "reviewed", _("单位审核通过")
    RETURNED = "returned", _("单位退回")
    SUBMITTED = "submitted", _("单位申报")
    APPROVED = "approved", _("司法局批准")
    REJECTED = "rejected", _("司法局不予批准")
    WITHDRAWN = "withdrawn", _("撤回申请")
    ISSUED = "issued", _("颁发证书")
    SUSPENDED = "suspended", _("暂停执业")
    REINSTATED = "reinstated", _("恢复执业")
    ENDED = "ended", _("因人事变动终止")
    RECOVERED = "recovered", _("收回证书")
    CANCELLED = "cancelled", _("注销证书")
