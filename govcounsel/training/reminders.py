"""Reminders before year end (000 #9): on each date a region's requirement names, every
lawyer behind is told what is missing, and each unit's office the names of its lawyers
behind (the unit provides the time and the cost, 000 #7)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.utils import timezone

from govcounsel.core.audit import record_event
from govcounsel.organisations.models import Unit
from govcounsel.people.models import Person

from .compliance import Standing, _requirements, requirement_for, standings
from .notices import OFFICE_REMINDER, REMINDER


def send_reminders(today: date | None = None) -> dict[str, int]:
    today = today or timezone.localdate()
    stamp = today.strftime("%m-%d")
    requirements = _requirements(today.year)
    lawyers = offices = 0
    for requirement in requirements:
        if stamp not in (requirement.reminders or []):
            continue
        people = Person.objects.filter(unit__region__path__startswith=requirement.region.path)
        behind: dict[int, list[Standing]] = defaultdict(list)
        for standing in standings(people, today.year, today=today):
            # A lawyer under a nearer region's own requirement is reminded by that one.
            if not standing.behind or (
                requirement_for(standing.region_path, requirements) != requirement
            ):
                continue
            lawyers += REMINDER.send(
                standing,
                None,
                by=None,
                words={"year": today.year, "missing": standing.missing_text},
            )
            behind[standing.unit_id].append(standing)
        for unit in Unit.objects.filter(pk__in=behind):
            rows = behind[unit.pk]
            offices += OFFICE_REMINDER.send(
                unit,
                None,
                by=None,
                words={
                    "year": today.year,
                    "count": len(rows),
                    "names": "、".join(f"{r.name}（{r.missing_text}）" for r in rows),
                },
            )
        record_event(
            "training.reminders.sent",
            requirement,
            data={"day": today.isoformat(), "lawyers": sum(map(len, behind.values()))},
        )
    return {"lawyers": lawyers, "offices": offices}
