"""Pages for an account's own login security: two-factor set-up and verification, and API
tokens (listed and revoked by their owner, and by the security administrator for anyone)."""

from __future__ import annotations

from urllib.parse import quote

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from govcounsel.core.scoping import get_visible_or_404

from .. import two_factor
from ..choices import Role
from ..models import ApiToken
from ..scopes import has_role
from ..token_services import revoke_token, tokens_visible_to


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("动态验证码"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
        help_text=_("身份验证器应用显示的6位数字；手机丢失时可输入一个恢复码。"),
    )


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("home")


@login_required
def verify(request: HttpRequest) -> HttpResponse:
    """The second step of a login: the code from the account's TOTP app."""
    user = request.user
    if two_factor.session_verified(request):
        return redirect(_next(request))
    if not two_factor.has_device(user):
        return redirect(f"{reverse('two-factor-setup')}?next={quote(_next(request))}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if two_factor.check_code(user, form.cleaned_data["code"], purpose="login"):
            request.session.cycle_key()
            two_factor.mark_verified(request)
            return redirect(_next(request))
        form.add_error("code", _("动态验证码错误或已过期，请重新输入。"))
    return render(
        request, "accounts/two_factor_verify.html", {"form": form, "next": _next(request)}
    )


@login_required
def setup(request: HttpRequest) -> HttpResponse:
    """Set up a TOTP app: scan the QR code (or type the secret), then confirm with a code."""
    user = request.user
    if two_factor.has_device(user) and not two_factor.session_verified(request):
        # Only a verified session may replace a device: a stolen password alone must not.
        return redirect(f"{reverse('two-factor-verify')}?next={quote(_next(request))}")
    device = two_factor.pending_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = two_factor.confirm_device(device=device, code=form.cleaned_data["code"])
        if codes is not None:
            two_factor.mark_verified(request)
            return render(
                request,
                "accounts/two_factor_codes.html",
                {"codes": codes, "next": _next(request)},
            )
        form.add_error("code", _("动态验证码错误，请核对手机时间后重新输入。"))
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "secret": two_factor.secret_of(device),
            "qr": two_factor.qr_data_uri(device.config_url),
            "required": two_factor.requires_two_factor(user),
            "next": _next(request),
        },
    )


@login_required
def security(request: HttpRequest) -> HttpResponse:
    """The account's login security: two-factor status and API tokens."""
    user = request.user
    tokens = tokens_visible_to(user)
    if not has_role(user, {Role.SECURITY_ADMIN}) or request.GET.get("mine"):
        tokens = tokens.filter(user_id=user.pk)  # type: ignore[misc]
    return render(
        request,
        "accounts/security.html",
        {
            "enabled": two_factor.has_device(user),
            "required": two_factor.requires_two_factor(user),
            "tokens": tokens,
            "all_accounts": has_role(user, {Role.SECURITY_ADMIN}),
        },
    )


@require_POST
@login_required
def disable_two_factor(request: HttpRequest) -> HttpResponse:
    if two_factor.requires_two_factor(request.user):
        messages.error(request, _("您的角色须使用两步验证，不能关闭。"))
    else:
        two_factor.disable(user=request.user, by=request.user)
        messages.success(request, _("已关闭两步验证。"))
    return redirect("account-security")


@require_POST
@login_required
def revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_visible_or_404(
        ApiToken, request.user, request=request, scope=tokens_visible_to, pk=pk
    )
    revoke_token(token=token, by=request.user)
    messages.success(request, _("已吊销令牌 %(prefix)s…。") % {"prefix": token.prefix})
    return redirect("account-security")
