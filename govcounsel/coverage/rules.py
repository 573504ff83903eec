"""Targets are set by the rule-of-law committee office (supervisor) of the region (000 #12)."""

from __future__ import annotations

from typing import Any

import rules

from govcounsel.accounts.choices import Role
from govcounsel.accounts.predicates import holds_business_role
from govcounsel.accounts.scopes import scope_for


def reads_reports(user: Any) -> bool:
    """Whether the account holds a business role; the superuser flag does not count."""
    return bool(getattr(user, "is_active", False) and holds_business_role.test(user))


@rules.predicate
def supervises(user: Any, region: Any) -> bool:
    if region is None:
        return False
    scope = scope_for(user, {Role.SUPERVISOR})
    return any(region.path.startswith(path) for path in scope.region_paths)


rules.add_perm("coverage.manage_target", supervises)
# Coverage figures, targets and bulletins are read by business roles only, never by the three
# administrator duties (三员分立).
rules.add_perm("coverage.read_reports", holds_business_role)
