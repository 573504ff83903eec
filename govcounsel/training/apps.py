from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "govcounsel.training"
    verbose_name = _("公职律师培训")
