"""What the reconciliation centre's records may hold (002 §10)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NominationStatus(models.TextChoices):
    ACTIVE = "active", _("在库")
    RENEWED = "renewed", _("已续期")
    ENDED = "ended", _("已退出")


class Exclusion(models.TextChoices):
    """Why a nominee of the pool may not mediate a dispute (002 §10: "本系统专业相关")."""

    OTHER_SECTOR = "other_sector", _("不同业务系统")
    OWN_STAFF = "own_staff", _("被申请机关本单位人员")
    ON_DISPUTE = "on_dispute", _("已参与本争议")
    AT_CAP = "at_cap", _("已达办理上限")
    EXPIRED = "expired", _("推荐已到期")


class MediatorStatus(models.TextChoices):
    ACTIVE = "active", _("参与中")
    RECUSED = "recused", _("回避")
    NO_SHOW = "no_show", _("未到场")


ENDED_MEDIATORS = (MediatorStatus.RECUSED, MediatorStatus.NO_SHOW)


class WithdrawalKind(models.TextChoices):
    RECUSED = MediatorStatus.RECUSED.value, _("回避")
    NO_SHOW = MediatorStatus.NO_SHOW.value, _("未到场")


class SessionStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("已安排")
    HELD = "held", _("已举行")
    CANCELLED = "cancelled", _("已取消")


class CancelReason(models.TextChoices):
    CANCELLED = "cancelled", _("取消")
    PARTY_ABSENT = "party_absent", _("当事人未到场")
    MEDIATOR_ABSENT = "mediator_absent", _("调解员未到场")
