"""Sends an account that must change its password to the change page before anything else."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

from .password_policy import PasswordIsCurrent, must_change_password

# Pages that stay open meanwhile: the change page itself, logging out, language and assets.
_OPEN = ("/accounts/password/", "/accounts/activate/", "/logout/", "/i18n/", "/jsi18n/")


class PasswordChangeRequiredMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path
        static = "/" + settings.STATIC_URL.lstrip("/")
        if (
            not path.startswith(_OPEN)
            and not path.startswith(static)
            and must_change_password(getattr(request, "user", None))
        ):
            if path.startswith("/api/"):
                # Token clients are refused by PasswordIsCurrent; a session is refused here.
                if path != "/api/v1/auth/password/":
                    return JsonResponse(
                        {
                            "code": "password_change_required",
                            "message": str(PasswordIsCurrent.message),
                        },
                        status=403,
                    )
            else:
                return redirect(reverse("accounts:password-change"))
        return self.get_response(request)
