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


class Layout(models.TextChoices):
    """The two 版头 of GB/T 9704-2012: the 文件格式 (masthead, number and a red line, 7.2)
    and the 信函格式 (10.1: masthead over a red double line, the number on the right under
    it, a red double line at the foot of page 1, which carries no page number)."""

    FILE = "file", _("文件格式")
    LETTER = "letter", _("信函格式")


def layout_of(kind: DocumentKind) -> Layout:
    """The 版头 a kind is sent with: a 函 as a letter, the others as a 文件."""
    return Layout.LETTER if kind == DocumentKind.LETTER else Layout.FILE
