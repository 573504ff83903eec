"""Forms for choosing a password: by its holder, on the change page or through an activation
link. The rules themselves are the AUTH_PASSWORD_VALIDATORS, applied by services.change_password."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _


class NewPasswordForm(forms.Form):
    new_password = forms.CharField(
        label=_("新密码"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    new_password_again = forms.CharField(
        label=_("再次输入新密码"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("new_password") != data.get("new_password_again"):
            self.add_error("new_password_again", _("两次输入的新密码不一致。"))
        return data


class PasswordChangeForm(NewPasswordForm):
    """The holder proves who they are with the current password first."""

    old_password = forms.CharField(
        label=_("当前密码"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password", "autofocus": True}),
    )
    field_order = ["old_password", "new_password", "new_password_again"]

    def clean_old_password(self) -> str:
        old = self.cleaned_data["old_password"]
        if not self.user.check_password(old):
            raise forms.ValidationError(_("当前密码不正确。"))
        return old
