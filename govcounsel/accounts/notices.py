"""The accounts app's notices: the second person a security step waits for."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from govcounsel.core.notify import kinds

# ADR 0011: an administrator's password reset waits for an administrator of another duty.
ADMIN_RESET = kinds.register("accounts.admin_reset", _("管理员密码重置待确认"))
# A role that reads identity data waits for the justice bureau's approval.
GRANT_PENDING = kinds.register("accounts.grant.pending", _("授权待审批"))
