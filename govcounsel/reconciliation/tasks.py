"""Scheduled work of the reconciliation centre (django-q2): on each rule's due date, the
organs of its region with no mediator nominated that year are listed and told, and so is the
centre (002 §10)."""

from __future__ import annotations

from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from govcounsel.accounts.recipients import centre_of, office_of
from govcounsel.core.audit import record_event
from govcounsel.core.notify import notify

from .models import PoolRule
from .notices import NOMINATION_MISSING
from .selectors import missing_units, obliged_units


def remind_missing(today: date | None = None) -> dict[str, int]:
    """Run daily; acts on the due date of each rule in force. Returns the organs told."""
    from django.urls import reverse

    today = today or timezone.localdate()
    told = 0
    for rule in PoolRule.objects.in_force(today).select_related("region"):
        if rule.due_on(today.year) != today:
            continue
        missing = list(missing_units(obliged_units([rule.region.path], today), today.year))
        for unit in missing:
            notify(
                office_of(unit),
                kind=NOMINATION_MISSING,
                title=_("请推荐%(year)d年度和解调解员") % {"year": today.year},
                body=_("截至%(day)s，%(unit)s尚未向和解中心推荐和解调解员（每年1至2名）。")
                % {"day": today.isoformat(), "unit": unit.name},
                url=reverse("reconciliation:nominate"),
            )
        if missing:
            notify(
                centre_of(rule.region),
                kind=NOMINATION_MISSING,
                title=_("%(count)d个单位未按期推荐和解调解员") % {"count": len(missing)},
                body="、".join(u.name for u in missing),
                url=f"{reverse('reconciliation:missing')}?year={today.year}",
            )
        record_event(
            "reconciliation.nomination.reminded",
            rule,
            data={"year": today.year, "units": [u.pk for u in missing]},
        )
        told += len(missing)
    return {"told": told}
