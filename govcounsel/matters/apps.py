from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MattersConfig(AppConfig):
    name = "govcounsel.matters"
    verbose_name = _("法律事务")
