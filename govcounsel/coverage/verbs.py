"""The verbs of quarterly bulletins (000 #12)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from govcounsel.core.verbs import Verb, register

from . import services
from .choices import BulletinStatus
from .forms import RetireTargetForm
from .models import Bulletin, Target

register(
    Bulletin,
    Verb(
        "retry",
        _("重新生成"),
        "coverage.manage_target",
        services.retry_bulletin,
        subject="bulletin",
        when=lambda bulletin: bulletin.status == BulletinStatus.FAILED,
        target=lambda bulletin: bulletin.region,
        style="warning",
        done=_("已重新生成%(region)s%(year)s年第%(quarter)s季度通报，完成后可下载。"),
    ),
)

# Targets: a superseded one is retired and kept; one entered by mistake is deleted, unless a
# generated bulletin already named it.
register(
    Target,
    Verb(
        "retire",
        _("终止目标"),
        "coverage.manage_target",
        services.retire_target,
        subject="target",
        form=RetireTargetForm,
        when=lambda target: not target.is_retired,
        target=lambda target: target.region,
        style="outline-warning",
        confirm=_("终止后，该目标自终止日期起不再显示和考核，此前的记录保留。确定终止吗？"),
        done=_("已终止覆盖目标。"),
    ),
    Verb(
        "delete",
        _("删除误录目标"),
        "coverage.manage_target",
        services.delete_target,
        subject="target",
        when=lambda target: not target.in_published_bulletin,
        refusal=services.target_in_bulletin,
        target=lambda target: target.region,
        style="outline-danger",
        confirm=_("仅用于删除误录的目标，删除后不能恢复（审计日志保留原内容）。确定删除吗？"),
        done=_("已删除误录的覆盖目标。"),
        # The page goes back to the region's figures; the API answers the target as it was.
        then=lambda target, region: target,
        answer_serializer="govcounsel.coverage.api.TargetSerializer",
    ),
)
