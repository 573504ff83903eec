from django.utils.translation import gettext_lazy as _
from django_filters.widgets import BooleanWidget


class AllYesNo(BooleanWidget):
    """A yes/no filter whose empty choice reads “all”, not “unknown”."""

    def __init__(self, attrs: dict[str, str] | None = None) -> None:
        super().__init__(attrs)
        self.choices = [("", _("全部")), ("true", _("是")), ("false", _("否"))]
