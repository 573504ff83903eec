"""The matters app's notices sent outside a verb (a verb declares its own, verbs.py): the
daily supervision run and a unit's request for a dispatched lawyer."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.recipients import superior_admins_of
from govcounsel.core.notify import kinds
from govcounsel.core.verbs import Tell

# 督办 (000 #11): reminders, overdue notices and escalations of the daily run.
SUPERVISION = kinds.register("matters.supervision", _("督办提醒"))

# 001 一(三): the superior unit's administrators answer a request for a lawyer.
DISPATCH_REQUESTED = Tell(
    lambda request, result: superior_admins_of(request.superior),
    _("调派申请待答复：%(unit)s"),
    _("%(unit)s申请调派公职律师（%(starts_on)s至%(ends_on)s），理由：%(reason)s"),
    kind=kinds.register("matters.dispatchrequest.requested", _("调派申请：待答复")),
)
