"""Choosing one's own password: the change page, the one-time activation link, and
`POST /api/v1/auth/password/` (MLPS 2.0 8.1.4.1 a))."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from govcounsel.core.errors import DomainError
from govcounsel.core.forms import form_page

from .. import services
from ..password_forms import NewPasswordForm, PasswordChangeForm
from ..password_policy import password_expired


@login_required
def password_change(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = PasswordChangeForm(request.POST or None, user=user)
    if request.method == "GET" and user.must_change_password:  # type: ignore[union-attr]
        messages.warning(request, _("请先设置您本人的新密码。"))
    elif request.method == "GET" and password_expired(user):
        messages.warning(request, _("管理员密码已到期，请修改密码后继续。"))

    def change() -> Any:
        changed = services.change_password(
            user=user,  # type: ignore[arg-type]
            new_password=form.cleaned_data["new_password"],
        )
        # Keep this session: the new password hash would otherwise end it.
        update_session_auth_hash(request, changed)
        return changed

    return form_page(
        request,
        form,
        change,
        success=_("密码已修改。"),
        next_url=lambda _user: reverse("home"),
        context={"title": _("修改密码")},
    )


class ActivationForm(NewPasswordForm):
    """Django's PasswordResetConfirmView passes the account as the first argument."""

    def __init__(self, user: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)

    def save(self, commit: bool = True) -> Any:
        return services.change_password(
            user=self.user, new_password=self.cleaned_data["new_password"]
        )


class ActivateView(auth_views.PasswordResetConfirmView):
    """The one-time link of a new or reset account: valid ACCOUNT_ACTIVATION_HOURS, and spent
    once the password is set (Django's token covers the password hash)."""

    form_class = ActivationForm  # type: ignore[assignment]
    template_name = "accounts/activate.html"
    success_url = reverse_lazy("login")
    reset_url_token = "set-password"  # noqa: S105 (a URL segment, not a password)

    def form_valid(self, form: Any) -> HttpResponse:
        try:
            form.save()
        except DomainError as error:
            form.add_error("new_password", str(error.message))
            return self.form_invalid(form)
        del self.request.session[auth_views.INTERNAL_RESET_SESSION_TOKEN]
        messages.success(self.request, _("密码已设置，请登录。"))
        return redirect(self.success_url)


class PasswordChangeBody(serializers.Serializer):
    old_password = serializers.CharField(trim_whitespace=False)
    new_password = serializers.CharField(trim_whitespace=False)


class PasswordChangeView(APIView):
    """Change one's own password; every API token of the account ends with it."""

    # Open to an account that must change its password: that is what it is for.
    permission_classes = [IsAuthenticated]

    @extend_schema(request=PasswordChangeBody, responses={204: None})
    def post(self, request: Request) -> Response:
        body = PasswordChangeBody(data=request.data)
        body.is_valid(raise_exception=True)
        if not request.user.check_password(body.validated_data["old_password"]):
            raise DomainError("invalid", _("当前密码不正确。"), field="old_password")
        services.change_password(
            user=request.user,  # type: ignore[arg-type]
            new_password=body.validated_data["new_password"],
        )
        if request.session is not None and request.user.is_authenticated:
            update_session_auth_hash(request._request, request.user)
        return Response(status=204)
