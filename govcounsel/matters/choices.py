from django.db import models
from django.utils.translation import gettext_lazy as _


class DutyCategory(models.TextChoices):
    """The six duties of public lawyers (001 二(一))."""

    DECISIONS = "decisions", _("重大决策、重大行政行为法律意见")
    NORMATIVE = "normative", _("规范性文件起草、论证和合法性审核")
    DOCUMENTS = "documents", _("重要法律文书、重大合同审查")
    CASES = "cases", _("涉法事务、突发事件和信访")
    LITIGATION = "litigation", _("行政复议、诉讼和仲裁")
    PUBLICITY = "publicity", _("法治宣传教育")


SUBTYPES: dict[str, list[tuple[str, object]]] = {
    DutyCategory.DECISIONS: [
        ("major_decision", _("重大行政决策")),
        ("major_act", _("重大行政行为")),
        ("enforcement_review", _("重大执法决定法制审核")),
    ],
    DutyCategory.NORMATIVE: [
        ("drafting", _("起草")),
        ("legality_review", _("合法性审核")),
        ("cleanup", _("清理")),
    ],
    DutyCategory.DOCUMENTS: [
        ("contract", _("重大合同")),
        ("legal_document", _("重要法律文书")),
        ("agreement", _("合作协议")),
    ],
    DutyCategory.CASES: [
        ("legal_affair", _("涉法事务")),
        ("emergency", _("突发事件")),
        ("petition", _("信访")),
    ],
    DutyCategory.LITIGATION: [
        ("reconsideration", _("行政复议")),
        ("litigation", _("行政诉讼")),
        ("arbitration", _("仲裁")),
    ],
    DutyCategory.PUBLICITY: [("publicity", _("普法宣传")), ("training", _("法治培训"))],
}


class Priority(models.TextChoices):
    NORMAL = "normal", _("一般")
    URGENT = "urgent", _("紧急")


class MatterStatus(models.TextChoices):
    REGISTERED = "registered", _("待指派")
    ASSIGNED = "assigned", _("已指派，待承办")
    IN_PROGRESS = "in_progress", _("承办中")
    OPINION_SUBMITTED = "opinion_submitted", _("已提交意见，待评价")
    CLOSED = "closed", _("已办结")
    # Registered in error or no longer needed: kept in the register, out of the work.
    WITHDRAWN = "withdrawn", _("已撤回")


# The states in which a matter is no longer worked on: out of the active lists, the
# overdue reminders and a lawyer's open load.
FINISHED = (MatterStatus.CLOSED, MatterStatus.WITHDRAWN)


class MatterAction(models.TextChoices):
    REGISTERED = "registered", _("登记")
    ASSIGNED = "assigned", _("指派")
    ACCEPTED = "accepted", _("接受承办")
    DECLINED = "declined", _("拒绝承办")
    OPINION = "opinion", _("提交意见")
    RETURNED = "returned", _("退回修改")
    CLOSED = "closed", _("办结评价")
    SUPERVISED = "supervised", _("督办")
    EDITED = "edited", _("修改登记信息")
    WITHDRAWN = "withdrawn", _("撤回")
    REASSIGNED = "reassigned", _("改派")
    DEADLINE_CHANGED = "deadline_changed", _("调整办理期限")


class AssignmentStatus(models.TextChoices):
    PENDING = "pending", _("待接受")
    ACCEPTED = "accepted", _("已接受")
    DECLINED = "declined", _("已拒绝")
    REPLACED = "replaced", _("已改派")


# Assignments that no longer put their lawyer on the matter.
ENDED_ASSIGNMENTS = (AssignmentStatus.DECLINED, AssignmentStatus.REPLACED)


class DecisionStatus(models.TextChoices):
    DRAFT = "draft", _("拟决策")
    DECIDED = "decided", _("已决策")


class DispatchStatus(models.TextChoices):
    OPEN = "open", _("待调派")
    DISPATCHED = "dispatched", _("已调派")
    REJECTED = "rejected", _("未调派")
