"""Password rules (MLPS 2.0 GB/T 22239-2019 8.1.4.1 a): 口令具有复杂度要求并定期更换).

Listed in AUTH_PASSWORD_VALIDATORS, so every path that sets a password — the change page, the
activation link, the API and `validate_password` — applies them alike."""

from __future__ import annotations

import re
from typing import Any

from django.contrib.auth.hashers import check_password
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

CLASSES = (
    re.compile(r"[a-z]"),
    re.compile(r"[A-Z]"),
    re.compile(r"[0-9]"),
    re.compile(r"[^a-zA-Z0-9]"),
)


class CharacterClassValidator:
    """At least three of the four character classes: lower case, upper case, digits, symbols."""

    def __init__(self, min_classes: int = 3) -> None:
        self.min_classes = min_classes

    def validate(self, password: str, user: Any = None) -> None:
        if sum(1 for cls in CLASSES if cls.search(password)) < self.min_classes:
            raise ValidationError(
                _("密码须包含大写字母、小写字母、数字、符号中的至少%(n)d类。")
                % {"n": self.min_classes},
                code="password_too_plain",
            )

    def get_help_text(self) -> str:
        return str(
            _("密码须包含大写字母、小写字母、数字、符号中的至少%(n)d类。") % {"n": self.min_classes}
        )


class RepeatedCharacterValidator:
    """No character repeated this many times in a row (e.g. "aaa")."""

    def __init__(self, max_run: int = 2) -> None:
        self.max_run = max_run
        self.pattern = re.compile(r"(.)\1{" + str(max_run) + ",}")

    def validate(self, password: str, user: Any = None) -> None:
        if self.pattern.search(password):
            raise ValidationError(
                _("密码中同一字符不得连续出现%(n)d次或以上。") % {"n": self.max_run + 1},
                code="password_repeats",
            )

    def get_help_text(self) -> str:
        return str(_("密码中同一字符不得连续出现%(n)d次或以上。") % {"n": self.max_run + 1})


class PasswordHistoryValidator:
    """None of the account's last five passwords (their hashes are kept in PasswordHistory)."""

    def __init__(self, remember: int = 5) -> None:
        self.remember = remember

    def validate(self, password: str, user: Any = None) -> None:
        if user is None or getattr(user, "pk", None) is None:
            return
        from .models import PasswordHistory

        used = PasswordHistory.objects.filter(user_id=user.pk).values_list("password", flat=True)
        current = [user.password] if user.has_usable_password() else []
        for encoded in [*current, *used[: self.remember]]:
            if check_password(password, encoded):
                raise ValidationError(
                    _("新密码不得与最近%(n)d次使用过的密码相同。") % {"n": self.remember},
                    code="password_reused",
                )

    def get_help_text(self) -> str:
        return str(_("新密码不得与最近%(n)d次使用过的密码相同。") % {"n": self.remember})
