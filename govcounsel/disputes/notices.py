"""The disputes app's notices sent outside a verb (a verb declares its own, verbs.py)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.recipients import office_of
from govcounsel.core.notify import kinds
from govcounsel.core.verbs import Tell

# 002 §7: the reconciliation centre registers a dispute for an organ, whose office takes it up.
CENTRE_REGISTERED = Tell(
    lambda dispute, result: office_of(dispute.unit),
    _("和解中心登记行政争议：“%(title)s”"),
    _("和解中心为本单位登记了行政争议，请认定是否构成行政争议（四个条件）。"),
    kind=kinds.register("disputes.dispute.registered_by_centre", _("和解中心登记的行政争议")),
)
