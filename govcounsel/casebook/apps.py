from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasebookConfig(AppConfig):
    name = "govcounsel.casebook"
    verbose_name = _("典型案例")
