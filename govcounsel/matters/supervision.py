"""督办 (000 #11, 001 二(三)3): the daily look at matters near or past their deadline."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from govcounsel.accounts.choices import Role
from govcounsel.accounts.models import User
from govcounsel.accounts.scopes import holders_reaching
from govcounsel.core.notify import notify
from govcounsel.core.workdays import add_workdays, workdays_between

from .models import Matter, MatterStep, Supervision, SupervisionLevel
from .notices import SUPERVISION


def handlers_of(matter: Matter) -> list[User]:
    """The accounts of the lawyers handling the matter (declined or replaced ones excepted)."""
    people = [a.person_id for a in matter.assignments.all() if a.is_live]
    return list(User.objects.filter(person_id__in=people, is_active=True))


def _office(matter: Matter) -> list[User]:
    """The rule-of-law office of the matter's unit: the accounts that run it (the inverse of
    Unit.objects.run_by), its system's superior administrators included."""
    return list(holders_reaching("UNIT_ROLES", unit=matter.unit))


def _supervisors(matter: Matter) -> list[User]:
    """The rule-of-law committee offices of the unit's region and the regions above."""
    return list(holders_reaching(Role.SUPERVISOR, region=matter.unit.region))


def _raise(matter: Matter, level: str, recipients: list[User], title: str, body: str) -> bool:
    """Each level once per matter and deadline: a new deadline starts supervision again."""
    with transaction.atomic():
        _record, created = Supervision.objects.get_or_create(
            matter=matter, level=level, deadline=matter.deadline
        )
        if not created:
            return False
        MatterStep.objects.create(
            matter=matter,
            action="supervised",
            from_status=matter.status,
            to_status=matter.status,
            note=title,
        )
        notify(recipients, kind=SUPERVISION, title=title, body=body, url=matter.get_absolute_url())
    return True


def supervise(today: date | None = None) -> dict[str, int]:
    """Remind handlers two working days ahead; tell handler and office of overdue matters;
    escalate to the supervising region after MATTER_ESCALATION_WORKDAYS working days."""
    today = today or timezone.localdate()
    horizon = add_workdays(today, 2)
    counts = {"reminded": 0, "overdue": 0, "escalated": 0}
    open_matters = (
        Matter.objects.open()
        .filter(Q(deadline__lte=horizon))
        .select_related("unit__region")
        .prefetch_related("assignments")
    )
    for matter in open_matters:
        deadline = f"{matter.deadline:%Y-%m-%d}"
        if matter.deadline >= today:
            counts["reminded"] += _raise(
                matter,
                SupervisionLevel.REMINDER,
                handlers_of(matter),
                _("督办提醒：“%(t)s”将于%(d)s到期") % {"t": matter.title, "d": deadline},
                _("请按期办理并反馈。"),
            )
            continue
        late = workdays_between(matter.deadline, today)
        counts["overdue"] += _raise(
            matter,
            SupervisionLevel.OVERDUE,
            handlers_of(matter) + _office(matter),
            _("超期督办：“%(t)s”已于%(d)s到期") % {"t": matter.title, "d": deadline},
            _("已超期%(n)d个工作日，请尽快办结。") % {"n": late},
        )
        if late >= settings.MATTER_ESCALATION_WORKDAYS:
            counts["escalated"] += _raise(
                matter,
                SupervisionLevel.ESCALATED,
                _supervisors(matter),
                _("上报督办：%(u)s“%(t)s”超期%(n)d个工作日")
                % {"u": matter.unit.name, "t": matter.title, "n": late},
                _("该事项已超期，单位督办后仍未办结。"),
            )
    return counts
