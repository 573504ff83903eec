"""The words of public-lawyer training (000 #9, 001 三(二))."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CourseKind(models.TextChoices):
    # 000 #9: 统一职前培训和分类培训; 001 三(二): 同堂培训, 模拟法庭, 律师事务所实训基地.
    PRE_SERVICE = "pre_service", _("职前培训")
    CATEGORISED = "categorised", _("分类培训")
    JOINT = "joint", _("法官、检察官、人民警察、律师同堂培训")
    MOOT_COURT = "moot_court", _("模拟法庭")
    FIRM_BASE = "firm_base", _("律师事务所实训基地培训")


class Category(models.TextChoices):
    # 001 三(二): 分类分级开展政策理论培训和实务技能培训.
    POLITICAL_THEORY = "political_theory", _("政策理论")
    PRACTICE_SKILLS = "practice_skills", _("实务技能")
    ETHICS = "ethics", _("职业道德和执业纪律")
    OTHER = "other", _("其他业务知识")


class OwnerKind(models.TextChoices):
    ASSOCIATION = "association", _("律师协会")
    BUREAU = "bureau", _("司法局")
    UNIT = "unit", _("单位（系统）")


class AttendanceSource(models.TextChoices):
    """Where an attendance comes from: always the provider, never the lawyer's own tick."""

    SHEET = "sheet", _("签到表导入")
    CHECK_IN = "check_in", _("现场签到码")
    PROVIDER = "provider", _("主办方登记")


class ClaimStatus(models.TextChoices):
    SUBMITTED = "submitted", _("待核验")
    VERIFIED = "verified", _("已核验")
    REFUSED = "refused", _("未通过")
    REVOKED = "revoked", _("抽查撤销")


class SampleReason(models.TextChoices):
    RANDOM = "random", _("随机抽取")
    RISK = "risk", _("风险抽取")


class SampleOutcome(models.TextChoices):
    PENDING = "", _("待核查")
    CONFIRMED = "confirmed", _("核查属实")
    OVERTURNED = "overturned", _("核查不实")
