from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "govcounsel.organisations"
    verbose_name = _("区域与单位")
