"""Importing a checked survey file, in the request or as a background job."""

from __future__ import annotations

from typing import Any

from auditlog.models import LogEntry
from django.db import transaction
from django.utils import timezone

from govcounsel.core.audit import record_event
from govcounsel.core.bulk_audit import log_bulk
from govcounsel.core.history import bulk_change_as_of

from ..models import Person, PersonVersion, Qualification, SurveyUpload, initial_versions
from .plan import Progress, SurveyPlan
from .validation import _COMPARED, plan_survey


def import_survey(
    content: bytes, *, by: Any, filename: str = "", progress: Progress | None = None
) -> SurveyPlan:
    """Apply the file: all rows, or — if any row is wrong — nothing. The file is checked
    before the transaction opens, so that a worker's progress can be seen meanwhile."""
    plan = plan_survey(content, by=by, progress=progress)
    if plan.errors:
        return plan
    _apply(plan, by=by, filename=filename)
    return plan


@transaction.atomic
def _apply(plan: SurveyPlan, *, by: Any, filename: str) -> None:
    plan.applied = plan.summary()
    new_people = []
    for row in plan.new_people:
        person = Person(
            name=row.name,
            sex=row.sex,
            phone=row.phone,
            unit=row.unit,
            is_civil_servant=row.is_civil_servant,
            full_time_legal=row.full_time_legal,
        )
        person.set_id_number(row.id_number)
        person.fill_derived()
        new_people.append(person)
        row.person = person
    Person.objects.bulk_create(new_people, batch_size=1000)
    # The survey states the facts as of the day of the import (ADR 0009).
    today = timezone.localdate()
    PersonVersion.objects.bulk_create(
        [v for p in new_people for v in initial_versions(p, today)], batch_size=1000
    )
    changed = []
    for row in plan.changed_people:
        assert row.person is not None
        for attr, (_old, new) in row.changes.items():
            setattr(row.person, attr, new)
        row.person.fill_derived()
        changed.append(row.person)
    Person.objects.bulk_update(
        changed, [*_COMPARED, "name_pinyin", "name_initials"], batch_size=1000
    )
    bulk_change_as_of(PersonVersion, changed, today)
    qualifications = [
        Qualification(person=row.person, kind=q[0], certificate_number=q[1], obtained_on=q[2])
        for row in plan.new_qualifications
        if (q := row.qualification) is not None
    ]
    Qualification.objects.bulk_create(qualifications, batch_size=1000)
    log_bulk(
        [
            *(
                (p, LogEntry.Action.CREATE, {"name": ["", p.name], "unit": ["", p.unit_id]})
                for p in new_people
            ),
            *((r.person, LogEntry.Action.UPDATE, r.changes) for r in plan.changed_people),
            *(
                (
                    q,
                    LogEntry.Action.CREATE,
                    {"kind": ["", q.kind], "certificate_number": ["", q.certificate_number]},
                )
                for q in qualifications
            ),
        ],
        by=by,
    )
    if new_people or changed or qualifications:
        record_event("people.survey.imported", by=by, data={"file": filename, **plan.summary()})


PREVIEW, IMPORT = "preview", "import"
ACTIVE = ("queued", "running")


@transaction.atomic
def queue_job(upload: SurveyUpload, action: str) -> None:
    """Hand a large file's preview or import to a worker once the upload is committed; the
    state lives in upload.summary ({"state": "queued|running|done|failed", "progress": 0-100})
    and the page polls it, as the quarterly bulletins do."""
    from django_q.tasks import async_task

    locked = SurveyUpload.objects.select_for_update().get(pk=upload.pk)
    if locked.summary.get("state") in ACTIVE:
        return  # a second click while the first job runs queues nothing
    upload.summary = {**locked.summary, "state": "queued", "progress": 0, "action": action}
    upload.save(update_fields=["summary"])
    pk = upload.pk
    transaction.on_commit(
        lambda: async_task(
            "govcounsel.people.tasks.run_survey_job", pk, task_name=f"survey-{action}-{pk}"
        )
    )
