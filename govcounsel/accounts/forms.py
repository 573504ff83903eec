from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    error_messages = {
        # One message for a wrong password and an unknown account alike.
        "invalid_login": _("用户名或密码错误。连续失败5次，账号将被锁定15分钟。"),
        "inactive": _("用户名或密码错误。连续失败5次，账号将被锁定15分钟。"),
    }
