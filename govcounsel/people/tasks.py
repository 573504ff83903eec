"""Background work of the people app, run by django-q2 workers: the preview and import of
survey files too large to handle in a request."""

from __future__ import annotations

import logging
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from . import survey
from .models import SurveyUpload

log = logging.getLogger(__name__)
# At most this many errors are kept for the page, as the synchronous preview shows.
KEPT_ERRORS = 500


def _update(upload: SurveyUpload, **changes: Any) -> None:
    upload.summary = {**upload.summary, **changes}
    SurveyUpload.objects.filter(pk=upload.pk).update(summary=upload.summary)


def run_survey_job(upload_id: int) -> None:
    """Check (action "preview") or import (action "import") the uploaded file, recording
    progress and the outcome in upload.summary; a failure is recorded, never swallowed."""
    upload = SurveyUpload.objects.select_related("uploaded_by").get(pk=upload_id)
    action = upload.summary.get("action", survey.PREVIEW)
    if action == survey.IMPORT and upload.imported_at is not None:
        return  # a retried import: done already, and its result is on the upload
    try:
        _update(upload, state="running", progress=5)
        with upload.file.open("rb") as handle:
            content = handle.read()
        declared = max(survey.declared_rows(content) or survey.MAX_ROWS, 1)

        def progress(read: int) -> None:
            _update(upload, progress=min(5 + 85 * read // declared, 90))

        if action == survey.IMPORT:
            plan = survey.import_survey(
                content, by=upload.uploaded_by, filename=upload.filename, progress=progress
            )
        else:
            plan = survey.plan_survey(content, by=upload.uploaded_by, progress=progress)
        upload.summary = {
            **plan.summary(),
            "action": action,
            "state": "done",
            "progress": 100,
            "problems": [[e.row, e.column, e.reason] for e in plan.errors[:KEPT_ERRORS]],
            "ended_at": plan.ended_at,
        }
        fields = ["summary"]
        if action == survey.IMPORT and not plan.errors:
            upload.imported_at = timezone.now()
            fields.append("imported_at")
        upload.save(update_fields=fields)
    except survey.SurveyFileError as error:
        _update(upload, state="failed", error=str(error))
    except Exception as error:  # the page must say it failed, whatever the cause
        log.exception("survey job %s failed", upload_id)
        _update(
            upload,
            state="failed",
            error=_("处理失败，请稍后重试或联系系统管理员。") + str(error)[:500],
        )
