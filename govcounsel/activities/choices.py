"""What an activity's fields may hold (002 §7, §14)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class KindGroup(models.TextChoices):
    """The two clauses an activity counts under in the work archive (002 §15)."""

    DISPUTE = "dispute", _("参与化解行政争议（第七条）")
    OUTREACH = "outreach", _("释案说法与送法活动（第十四条）")


class ActivityKind(models.TextChoices):
    # 002 §7: what a public lawyer does to prevent and resolve administrative disputes, besides
    # the matters and disputes that are records of their own.
    RULE_ADVICE = "rule_advice", _("制定行政管理制度时提出意见建议")
    LEGAL_REVIEW = "legal_review", _("辅助法制审核执法决定")
    CALLS_LETTERS = "calls_letters", _("答复电话咨询、来信来函")
    COMPLAINTS = "complaints", _("接待投诉举报或信访")
    MEDIATION = "mediation", _("主持或参与行政调解")
    RISK_SCREENING = "risk_screening", _("参与行政纠纷隐患排查")
    # 002 §14: outreach organised by the unit.
    CASE_EXPLAINING = "case_explaining", _("释案说法")
    LAW_CLASS = "law_class", _("专题法课")
    TO_VILLAGES = "to_villages", _("送法进乡村")
    TO_COMMUNITIES = "to_communities", _("送法进社区")
    TO_ENTERPRISES = "to_enterprises", _("送法进企业")
    TO_SCHOOLS = "to_schools", _("送法进学校")


DISPUTE_KINDS = (
    ActivityKind.RULE_ADVICE,
    ActivityKind.LEGAL_REVIEW,
    ActivityKind.CALLS_LETTERS,
    ActivityKind.COMPLAINTS,
    ActivityKind.MEDIATION,
    ActivityKind.RISK_SCREENING,
)
OUTREACH_KINDS = (
    ActivityKind.CASE_EXPLAINING,
    ActivityKind.LAW_CLASS,
    ActivityKind.TO_VILLAGES,
    ActivityKind.TO_COMMUNITIES,
    ActivityKind.TO_ENTERPRISES,
    ActivityKind.TO_SCHOOLS,
)
GROUP_OF = {
    **{kind.value: KindGroup.DISPUTE for kind in DISPUTE_KINDS},
    **{kind.value: KindGroup.OUTREACH for kind in OUTREACH_KINDS},
}
KINDS_OF = {KindGroup.DISPUTE: DISPUTE_KINDS, KindGroup.OUTREACH: OUTREACH_KINDS}

# The activities of 002 §7 that are records of their own and reach the work archive from
# them: never typed, so never counted twice. A client naming one is told where it comes from.
FROM_RECORDS = {
    "centre_session": _(
        "和解中心组织的和解调解活动由和解中心登记，自动计入和解调解员的工作档案，不需另行登记。"
    ),
    "dispute": _("参与化解的行政争议由单位在争议登记中委派，自动计入工作档案，不需另行登记。"),
    "matter": _("承办的法律事务自动计入工作档案，不需另行登记；可在活动中关联该事项。"),
}


class Source(models.TextChoices):
    """Who typed the activity: the lawyer for themself, or the office for its lawyers."""

    SELF = "self", _("本人登记")
    OFFICE = "office", _("单位登记")
