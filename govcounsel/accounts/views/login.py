"""Login, logout, lockout and the per-role home page."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from ..forms import LoginForm


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


def lockout(
    request: HttpRequest, credentials: Any = None, *args: Any, **kwargs: Any
) -> HttpResponse:
    """Shown for a locked username, whether or not it exists, so accounts cannot be probed."""
    form = LoginForm(request)
    messages.error(request, _("登录失败次数过多，该账号已锁定15分钟，请稍后再试或联系安全管理员。"))
    return render(request, "accounts/login.html", {"form": form, "locked": True}, status=403)
