from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    """The kinds of GB/T 9704 documents the platform issues; the value is the character
    the document number carries (朝法办通〔2026〕3号)."""

    BULLETIN = "通", _("通报")
    NOTICE = "知", _("通知")
    LETTER = "函", _("函")
    DECISION = "决", _("决定")
    MINUTES = "纪", _("纪要")
