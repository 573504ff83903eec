"""The audit actions of official documents (see core/audit_actions.py)."""

from django.utils.translation import gettext_lazy as _

from govcounsel.core.audit_actions import actions

actions.group("documents", _("公文"))
for name, label in (
    ("documents.document.issued", _("印发公文")),
    ("documents.document.downloaded", _("下载公文")),
):
    actions.register(name, label, group="documents")
