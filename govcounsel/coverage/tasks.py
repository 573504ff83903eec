"""Background work of the coverage app, run by django-q2 workers."""

from __future__ import annotations

import logging

from django.core.files.base import ContentFile
from django.utils import timezone

from govcounsel.core.audit import record_event
from govcounsel.documents.choices import DocumentKind
from govcounsel.documents.models import OfficialDocument
from govcounsel.documents.services import issue_document

from . import bulletin_files
from .bulletin_content import BulletinContent, build_content
from .models import Bulletin, BulletinStatus

log = logging.getLogger(__name__)


def _progress(bulletin: Bulletin, percent: int, status: str = BulletinStatus.RUNNING) -> None:
    bulletin.progress, bulletin.status = percent, status
    Bulletin.objects.filter(pk=bulletin.pk).update(progress=percent, status=status)


def _official_document(
    bulletin: Bulletin, content: BulletinContent, chart: bytes
) -> OfficialDocument:
    """The bulletin's 通报, issued under the next number of its region's register; a
    bulletin generated again after a failure keeps the document already issued."""
    issued = (
        OfficialDocument.objects.for_subject(bulletin).filter(kind=DocumentKind.BULLETIN).first()
    )
    if issued is not None:
        return issued
    dated = timezone.localdate()
    return issue_document(
        kind=DocumentKind.BULLETIN,
        issuer=bulletin.region,
        issuer_name=content.office,
        title=content.title,
        dated=dated,
        render=lambda number: bulletin_files.to_docx(content, chart, number=number, dated=dated),
        by=bulletin.requested_by,
        subject=bulletin,
    )


def generate_bulletin(bulletin_id: int) -> None:
    bulletin = Bulletin.objects.select_related("region").get(pk=bulletin_id)
    try:
        _progress(bulletin, 10)
        content = build_content(bulletin.region, bulletin.year, bulletin.quarter)
        _progress(bulletin, 40)
        chart = bulletin_files.chart_png(content)
        _progress(bulletin, 55)
        stem = f"{bulletin.region.code}-{bulletin.year}Q{bulletin.quarter}-{bulletin.pk}"
        bulletin.xlsx.save(
            f"{stem}.xlsx", ContentFile(bulletin_files.to_xlsx(content, chart)), save=False
        )
        _progress(bulletin, 65)
        # The 通报 is an official document: numbered from the register and stored once; the
        # bulletin's .docx is that stored file.
        document = _official_document(bulletin, content, chart)
        bulletin.docx.name = document.file.name
        _progress(bulletin, 80)
        # The PDF prints the same 文号 and date as the numbered document.
        pdf = bulletin_files.to_pdf(content, chart, number=document.number, dated=document.dated)
        bulletin.pdf.save(f"{stem}.pdf", ContentFile(pdf), save=False)
        bulletin.summary = dict(content.summary)
        bulletin.status, bulletin.progress, bulletin.finished_at = (
            BulletinStatus.DONE,
            100,
            timezone.now(),
        )
        bulletin.save()
        # What the bulletin reported against: these targets can no longer be deleted.
        bulletin.targets.set([reading.target for reading in content.targets])
        record_event("coverage.bulletin.generated", bulletin, by=bulletin.requested_by)
    except Exception as error:  # the bulletin page must say it failed, whatever the cause
        log.exception("bulletin %s failed", bulletin_id)
        Bulletin.objects.filter(pk=bulletin.pk).update(
            status=BulletinStatus.FAILED, error=str(error)[:2000], finished_at=timezone.now()
        )


def bulletins_for_last_quarter() -> int:
    """Scheduled after each quarter ends (the name the schedule calls): the service makes
    one bulletin for every region with a supervisor and records each request."""
    from .services import request_quarterly_bulletins

    return request_quarterly_bulletins()
