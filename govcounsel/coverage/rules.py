"""Targets are set by the rule-of-law committee office (supervisor) of the region (000 #12)."""

from __future__ import annotations

from typing import Any

import rules

from govcounsel.accounts.choices import Role
from govcounsel.accounts.predicates import holds_business_role
from govcounsel.core.scoping import in_reach


def reads_reports(user: Any) -> bool:
    """Whether the account holds a business role; the superuser flag does not count."""
    return bool(getattr(user, "is_active", False) and holds_business_role.test(user))


@rules.predicate
def supervises(user: Any, region: Any) -> bool:
    # Within a region of Region.objects.supervised_by(user), tested in memory.
    return region is not None and in_reach(user, Role.SUPERVISOR, region)


rules.add_perm("coverage.manage_target", supervises)
# Coverage figures, targets and bulletins are read by business roles only, never by the three
# administrator duties (三员分立).
rules.add_perm("coverage.read_reports", holds_business_role)
