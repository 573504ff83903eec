from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReconciliationConfig(AppConfig):
    name = "govcounsel.reconciliation"
    verbose_name = _("行政争议审前和解中心")
