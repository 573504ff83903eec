"""The register of document numbers and the documents issued (GB/T 9704-2012)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from govcounsel.core.scoping import Reach, ScopedQuerySet

from .choices import DocumentKind


class DocumentNumber(models.Model):
    """One line of the register of 发文字号: per issuer, year and prefix (the issuer's
    abbreviation and the kind, 朝法办通), the last serial taken. A number is taken under a
    row lock, so two documents issued at once never share one (services.take_number)."""

    issuer = models.CharField(_("发文机关"), max_length=32)  # "unit:<pk>" or "region:<code>"
    year = models.PositiveSmallIntegerField(_("年度"))
    prefix = models.CharField(_("机关代字"), max_length=32)
    last_serial = models.PositiveIntegerField(_("已用序号"), default=0)

    class Meta:
        verbose_name = _("发文字号登记")
        verbose_name_plural = _("发文字号登记")
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "year", "prefix"], name="document_number_once_per_issuer"
            )
        ]

    def __str__(self) -> str:
        return f"{self.prefix}〔{self.year}〕{self.last_serial}号"


class OfficialDocumentQuerySet(ScopedQuerySet["OfficialDocument"]):
    """Issued documents, seen through their issuer."""

    def for_subject(self, subject: models.Model) -> OfficialDocumentQuerySet:
        return self.filter(
            subject_type=ContentType.objects.get_for_model(subject), subject_id=subject.pk
        )


def _upload_to(document: OfficialDocument, filename: str) -> str:
    return f"documents/{document.dated:%Y}/{filename}"


class OfficialDocument(models.Model):
    """A document as issued: its kind, 发文字号, issuer, title and 成文日期, the file exactly
    as sent and the SHA-256 of its bytes. It is never regenerated: a second download
    returns the stored bytes (services.document_file)."""

    kind = models.CharField(_("文种"), max_length=1, choices=DocumentKind.choices)
    number = models.CharField(_("发文字号"), max_length=64, unique=True)
    # The issuing region (a committee office's documents) or, for a unit's, its region.
    region = models.ForeignKey(
        "organisations.Region",
        verbose_name=_("区域"),
        on_delete=models.PROTECT,
        related_name="official_documents",
    )
    unit = models.ForeignKey(
        "organisations.Unit",
        verbose_name=_("发文单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="official_documents",
    )
    issuer_name = models.CharField(_("发文机关"), max_length=200)
    title = models.CharField(_("标题"), max_length=300)
    dated = models.DateField(_("成文日期"))
    file = models.FileField(_("文件"), upload_to=_upload_to)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("印发人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("印发时间"), auto_now_add=True)
    # What the document is about (the bulletin, the matter), when there is one.
    subject_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    subject_id = models.PositiveBigIntegerField(null=True, blank=True)
    subject = GenericForeignKey("subject_type", "subject_id")
    # Taken from the subject when issued (a confidential matter's letter): the region's
    # readers do not see it, as they do not see the matter (000 #6).
    confidential = models.BooleanField(_("涉密或敏感"), default=False)

    objects = OfficialDocumentQuerySet.as_manager()

    class Scoping:
        # A unit's documents for its own administrators and the system above it; the
        # region's casework readers see them unless confidential; what a region's office
        # issues (bulletins) every region role reaches; none for the administrator duties.
        roles = "UNIT_ROLES"
        unit = "unit_id"
        system = "unit__system_path"
        also = (
            Reach("CASEWORK_REGION_ROLES", region="region__path", where=Q(confidential=False)),
            Reach("REGION_ROLES", region="region__path", where=Q(unit__isnull=True)),
        )

    class Meta:
        verbose_name = _("公文")
        verbose_name_plural = _("公文")
        ordering = ["-dated", "-id"]
        indexes = [models.Index(fields=["subject_type", "subject_id"])]
        constraints = [
            models.CheckConstraint(
                name="official_document_subject_whole",
                condition=Q(subject_type__isnull=True, subject_id__isnull=True)
                | Q(subject_type__isnull=False, subject_id__isnull=False),
            )
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    @property
    def filename(self) -> str:
        return f"{self.number}{self.title}.docx"
