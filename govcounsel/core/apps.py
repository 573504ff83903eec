from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "govcounsel.core"
    verbose_name = _("审计与公共")

    def ready(self) -> None:
        from . import menu, signals, todo  # noqa: F401

        menu.autodiscover()
        todo.autodiscover()
        from .audit_actions import autodiscover

        autodiscover()
