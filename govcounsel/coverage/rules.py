"""Targets are set by the rule-of-law committee office (supervisor) of the region (000 #12)."""

from __future__ import annotations

from typing import Any

import rules

from govcounsel.accounts.choices import Role
from govcounsel.accounts.scopes import scope_for


@rules.predicate
def supervises(user: Any, region: Any) -> bool:
    if region is None:
        return False
    scope = scope_for(user, {Role.SUPERVISOR})
    return any(region.path.startswith(path) for path in scope.region_paths)


rules.add_perm("coverage.manage_target", supervises)
