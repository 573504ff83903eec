from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "govcounsel.activities"
    verbose_name = _("参与化解行政争议活动")
