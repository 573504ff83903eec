"""Login security that holds for every page and API call: the rate limit on the login
form, and no use of the system before the second factor (MLPS 2.0 8.1.4.1 d))."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from govcounsel.core.api import error_body

from . import ratelimit, two_factor


class LoginSecurityMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        login_url = reverse("login")
        if request.method == "POST" and request.path == login_url:
            wait = ratelimit.check_login(request, request.POST.get("username", ""))
            if wait:
                return self._throttled(request, wait)
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not two_factor.session_verified(request)
            and not self._exempt(request.path, login_url)
            and two_factor.uses_two_factor(user)
        ):
            if request.path.startswith("/api/"):
                return JsonResponse(
                    error_body(
                        "two_factor_required",
                        _("请先在网页上完成两步验证，或使用接口令牌访问。"),
                    ),
                    status=403,
                )
            step = "two-factor-verify" if two_factor.has_device(user) else "two-factor-setup"
            return redirect(f"{reverse(step)}?next={quote(request.get_full_path())}")
        return self.get_response(request)

    @staticmethod
    def _exempt(path: str, login_url: str) -> bool:
        open_paths = (
            login_url,
            reverse("logout"),
            reverse("two-factor-verify"),
            reverse("two-factor-setup"),
            reverse("api-token"),
            reverse("set_language"),
            reverse("javascript-catalog"),
        )
        return path in open_paths or path.startswith("/" + settings.STATIC_URL.lstrip("/"))

    @staticmethod
    def _throttled(request: HttpRequest, wait: int) -> HttpResponse:
        from .forms import LoginForm

        messages.error(request, ratelimit.message(wait))
        response = render(
            request,
            "accounts/login.html",
            {"form": LoginForm(request), "throttled": True},
            status=429,
        )
        response["Retry-After"] = str(wait)
        return response
