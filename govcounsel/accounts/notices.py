"""The accounts app's notices: the second person a security step waits for."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from govcounsel.core.notify import kinds

# ADR 0011: an administrator's password reset waits for an administrator of another duty.
ADMIN_RESET = kinds.register("accounts.admin_reset", _("管理员密码重置待确认"))
# A role that reads identity data waits for the justice bureau's approval.
GRANT_PENDING = kinds.register("accounts.grant.pending", _("授权待审批"))
# The security administrator lifts a lockout once the account holder has been reached.
LOCKED_OUT = kinds.register("accounts.locked_out", _("账号被锁定"))
# The daily check of the audit trail found a broken link or a role that could change it.
AUDIT_TRAIL_BROKEN = kinds.register("accounts.audit_trail_broken", _("审计记录校验发现问题"))
