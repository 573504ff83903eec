"""The verbs of quarterly bulletins (000 #12)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from govcounsel.core.verbs import Verb, register

from . import services
from .choices import BulletinStatus
from .models import Bulletin

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
    ),
)
