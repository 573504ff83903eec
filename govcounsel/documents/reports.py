"""The documents register as a report (ADR 0018): export and print."""

from django.utils.translation import gettext_lazy as _

from govcounsel.core.exporters import Column, Report, attr


class OfficialDocumentReport(Report):
    title = _("公文登记")
    columns = [
        Column(_("发文字号"), attr("number"), 20),
        Column(_("标题"), attr("title"), 40),
        Column(_("文种"), lambda d: d.get_kind_display(), 8),
        Column(_("发文机关"), attr("issuer_name"), 30),
        Column(_("成文日期"), attr("dated"), 12),
        Column(_("SHA-256"), attr("sha256"), 20),
    ]
