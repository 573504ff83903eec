"""`rules` predicates about roles, shared by the apps' rules modules."""

from __future__ import annotations

from typing import Any

import rules

from .choices import DOMAIN_ROLES, Role
from .scopes import has_role


def holds(*roles: Role) -> Any:
    @rules.predicate(name=f"holds_{'_'.join(r.value for r in roles)}")
    def predicate(user: Any) -> bool:
        return has_role(user, roles)

    return predicate


is_system_admin = holds(Role.SYSTEM_ADMIN)
is_security_admin = holds(Role.SECURITY_ADMIN)
is_audit_admin = holds(Role.AUDIT_ADMIN)

# Business reports (coverage figures, targets, bulletins) are for the business roles only: the
# three administrator duties keep the system, its accounts and its trail, not its contents
# (三员分立, GB/T 22239-2019 8.1.4.2 最小授权).
holds_business_role = holds(*sorted(DOMAIN_ROLES))
