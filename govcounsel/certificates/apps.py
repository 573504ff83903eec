from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "govcounsel.certificates"
    verbose_name = _("公职律师证书")

    def ready(self) -> None:
        from . import receivers  # noqa: F401
