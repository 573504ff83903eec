"""Issuing official documents: the 发文字号 from the register, the file stored with its hash."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from datetime import date
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.core.audit import record_event
from govcounsel.core.errors import DomainError
from govcounsel.core.verbs import Document
from govcounsel.organisations.models import Region, Unit

from .choices import DocumentKind
from .models import DocumentNumber, OfficialDocument

log = logging.getLogger(__name__)

WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def issuing_region(region: Region) -> Region:
    """A municipality's 市辖区 is only a container of districts (GB/T 2260): what it issues
    comes from the city."""
    if region.name == "市辖区" and region.depth > 1:
        return Region.objects.get_parent(region)
    return region


def _region_names(region: Region) -> list[str]:
    names = [a.name for a in Region.objects.get_ancestors(region)] + [region.name]
    return sorted((n for n in names if n != "市辖区"), key=len, reverse=True)


def place_name(region: Region) -> str:
    """The region as a document names a place: a municipality's 市辖区 is no place (GB/T
    2260 keeps it as a level), so it is the city, and a district under it is written under
    the city (北京市朝阳区)."""
    if region.name != "市辖区" and region.depth <= 2:
        return region.name
    parent = Region.objects.get_parent(region)
    if region.name == "市辖区":
        return parent.name if parent else region.name
    if parent is not None and parent.name == "市辖区":
        city = Region.objects.get_parent(parent)
        return f"{city.name}{region.name}" if city else region.name
    return region.name


def region_abbreviation(region: Region) -> str:
    """A region office's 机关代字 as declared in settings.DOCUMENT_REGION_ABBREVIATIONS
    (region code -> 代字, e.g. "371500": "聊法办"), else the first character of the
    issuing region and 法办 (朝法办)."""
    region = issuing_region(region)
    declared: dict[str, str] = getattr(settings, "DOCUMENT_REGION_ABBREVIATIONS", {})
    return declared.get(region.code) or f"{region.name[0]}法办"


def abbreviation(issuer: Unit | Region) -> str:
    """机关代字: a unit's declared `Unit.abbreviation` (聊市监) when set; else the first
    character of the issuing region and the first two characters of the unit's name once
    the region names are taken off (北京市朝阳区市场监督管理局 -> 朝市场); a committee office
    writes its region's (region_abbreviation)."""
    if isinstance(issuer, Unit) and issuer.abbreviation:
        return issuer.abbreviation
    if isinstance(issuer, Unit):
        region = issuing_region(issuer.region)
        rest = issuer.name
        for name in _region_names(issuer.region):
            rest = rest.removeprefix(name)
        return f"{region.name[0]}{(rest or issuer.name)[:2]}"
    return region_abbreviation(issuer)


def issuer_key(issuer: Unit | Region) -> str:
    if isinstance(issuer, Unit):
        return f"unit:{issuer.pk}"
    return f"region:{issuing_region(issuer).code}"


def document_number(prefix: str, year: int, serial: int) -> str:
    """发文字号 (GB/T 9704-2012 7.2.4): 机关代字, the year in 六角括号, the serial without
    leading zeros, 号."""
    return f"{prefix}〔{year}〕{serial}号"


def take_number(issuer: Unit | Region, year: int, kind: DocumentKind) -> str:
    """The next 发文字号 of the issuer's register for the year and kind. The register row is
    created if missing (never twice: ON CONFLICT DO NOTHING) and then locked, so
    concurrent callers are served one after the other; the lock lasts until the caller's
    transaction ends, and a rolled-back document gives its serial back."""
    prefix = f"{abbreviation(issuer)}{kind.value}"
    key = issuer_key(issuer)
    with transaction.atomic():
        DocumentNumber.objects.bulk_create(
            [DocumentNumber(issuer=key, year=year, prefix=prefix)], ignore_conflicts=True
        )
        row = DocumentNumber.objects.select_for_update().get(issuer=key, year=year, prefix=prefix)
        row.last_serial += 1
        row.save(update_fields=["last_serial"])
    return document_number(prefix, year, row.last_serial)


@transaction.atomic
def issue_document(
    *,
    kind: DocumentKind,
    issuer: Unit | Region,
    issuer_name: str,
    title: str,
    render: Callable[[str], bytes],
    by: Any,
    dated: date | None = None,
    subject: models.Model | None = None,
) -> OfficialDocument:
    """Number, build and store one document: `render(number)` writes the file with the
    number taken from the register; the bytes are stored with their SHA-256 and the issue
    is recorded. A document about a confidential subject (a matter marked 涉密或敏感) is
    confidential too: the region's readers do not see it (models.OfficialDocument)."""
    dated = dated or timezone.localdate()
    number = take_number(issuer, dated.year, kind)
    content = render(number)
    digest = hashlib.sha256(content).hexdigest()
    unit = issuer if isinstance(issuer, Unit) else None
    document = OfficialDocument(
        kind=kind,
        number=number,
        region=issuer.region if isinstance(issuer, Unit) else issuing_region(issuer),
        unit=unit,
        issuer_name=issuer_name,
        title=title,
        dated=dated,
        sha256=digest,
        created_by=by,
        subject_type=ContentType.objects.get_for_model(subject) if subject else None,
        subject_id=subject.pk if subject else None,
        confidential=bool(getattr(subject, "confidential", False)),
    )
    document.file.save(f"{kind.name.lower()}-{digest[:20]}.docx", ContentFile(content), save=False)
    document.save()
    record_event(
        "documents.document.issued",
        document,
        by=by,
        data={"number": number, "kind": kind.value, "sha256": digest},
    )
    return document


def stored_bytes(document: OfficialDocument) -> bytes:
    """The file as issued; a file whose bytes no longer match the recorded hash is refused
    rather than sent as if it were the document issued."""
    with document.file.open("rb") as handle:
        content = handle.read()
    if hashlib.sha256(content).hexdigest() != document.sha256:
        log.error("official document %s: stored file does not match its hash", document.pk)
        raise DomainError("altered", _("公文文件与印发时登记的校验值不一致，不能下载。"))
    return content


def document_file(*, document: OfficialDocument, by: Any) -> Document:
    """The stored document for download, unchanged; each download is recorded."""
    content = stored_bytes(document)
    record_event("documents.document.downloaded", document, by=by)
    return Document(document.filename, content, WORD)
