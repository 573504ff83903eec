"""What a dispute's fields may hold (002 §5, §8, §9)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CounterpartyKind(models.TextChoices):
    PERSON = "person", _("公民")
    ORGANISATION = "organisation", _("法人或其他组织")


class ActKind(models.TextChoices):
    ACT = "act", _("作为")
    OMISSION = "omission", _("不作为")


class Origin(models.TextChoices):
    """How the counterparty contested the act (002 §5(四))."""

    RECONSIDERATION = "reconsideration", _("申请行政复议")
    LITIGATION = "litigation", _("提起行政诉讼")
    COMPLAINT = "complaint", _("投诉")
    REPORT = "report", _("举报")
    PETITION = "petition", _("信访")


class Condition(models.IntegerChoices):
    """The four conditions of an administrative dispute (002 §5)."""

    ORGAN_IS_PARTY = 1, _("争议的双方中有一方是行政机关")
    FROM_ADMINISTRATION = 2, _("争议是由行政机关实施行政管理行为引起的")
    ADMINISTRATIVE_RELATION = (
        3,
        _(
            "以行政机关依其职权，因其作为或不作为与公民、法人或其他组织形成行政法律上权利义务的法律行为为前提"
        ),
    )
    CONTESTED = (
        4,
        _("行政相对人对行政行为是否合法（包括适当）提出复议、诉讼或由此引发投诉、举报、信访"),
    )


class Channel(models.TextChoices):
    """The lawful channels, cheapest first (002 §8): the order is the order of guidance."""

    SETTLEMENT = "settlement", _("和解")
    MEDIATION = "mediation", _("调解")
    ADJUDICATION = "adjudication", _("裁决")
    RECONSIDERATION = "reconsideration", _("行政复议")
    LITIGATION = "litigation", _("行政诉讼")


CHANNEL_ORDER = [channel.value for channel in Channel]


class DisputeStatus(models.TextChoices):
    REGISTERED = "registered", _("待认定")
    UNQUALIFIED = "unqualified", _("不构成行政争议")
    QUALIFIED = "qualified", _("待引导")
    HANDLING = "handling", _("化解中")
    CLOSED = "closed", _("已办结")


FINISHED = (DisputeStatus.UNQUALIFIED, DisputeStatus.CLOSED)


class Outcome(models.TextChoices):
    SETTLED = "settled", _("和解")
    MEDIATED = "mediated", _("调解达成协议")
    WITHDRAWN = "withdrawn", _("撤回")
    TO_RECONSIDERATION = "to_reconsideration", _("转入行政复议")
    TO_LITIGATION = "to_litigation", _("转入行政诉讼")
    NOT_RESOLVED = "not_resolved", _("未化解")


# Resolved inside the administration, before litigation (诉源治理, 002 §12).
RESOLVED_OUTCOMES = (Outcome.SETTLED, Outcome.MEDIATED, Outcome.WITHDRAWN)


class Satisfaction(models.TextChoices):
    SATISFIED = "satisfied", _("满意")
    FAIRLY = "fairly", _("基本满意")
    DISSATISFIED = "dissatisfied", _("不满意")
    NOT_GIVEN = "not_given", _("未评价")


class DisputeAction(models.TextChoices):
    REGISTERED = "registered", _("登记")
    EDITED = "edited", _("修改登记信息")
    QUALIFIED = "qualified", _("认定为行政争议")
    UNQUALIFIED = "unqualified", _("认定不构成行政争议")
    GUIDED = "guided", _("渠道引导")
    ASSIGNED = "assigned", _("委派公职律师")
    RELIEVED = "relieved", _("调整公职律师")
    CONFLICT_REPORTED = "conflict_reported", _("报告工作冲突")
    CONFLICT_DECIDED = "conflict_decided", _("负责人处理工作冲突")
    CLOSED = "closed", _("办结")


class AssignmentStatus(models.TextChoices):
    ACTIVE = "active", _("参与中")
    RELIEVED = "relieved", _("已调整")


class ConflictDecision(models.TextChoices):
    KEEP = "keep", _("继续参与争议化解")
    RELIEVE = "relieve", _("调整由他人参与")
