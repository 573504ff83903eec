from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "govcounsel.accounts"
    verbose_name = _("账号与权限")

    def ready(self) -> None:
        from . import (
            audit_registry,  # noqa: F401
            security_signals,  # noqa: F401
        )
        from .scopes import provide_scopes

        provide_scopes()
