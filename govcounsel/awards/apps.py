from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwardsConfig(AppConfig):
    name = "govcounsel.awards"
    verbose_name = _("先进评选表彰")
