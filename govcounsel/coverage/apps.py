from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoverageConfig(AppConfig):
    name = "govcounsel.coverage"
    verbose_name = _("覆盖率与目标")
