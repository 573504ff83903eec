"""The casebook's notices sent outside a verb (the verbs declare their own, verbs.py)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.recipients import bureau_of
from govcounsel.core.notify import kinds
from govcounsel.core.verbs import Tell

# 002 §18: the bureau of the organ's region reviews each nomination.
NOMINATED = Tell(
    lambda case, result: bureau_of(case.unit.region),
    _("新的典型案例推荐：“%(title)s”"),
    _("%(unit)s推荐了典型案例，推荐理由：%(reason)s"),
    kind=kinds.register("casebook.typicalcase.nominated", _("典型案例：新的推荐")),
)
