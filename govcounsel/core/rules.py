from typing import Any

import rules

from .scoping import holds


@rules.predicate
def is_system_admin(user: Any) -> bool:
    return holds(user, "system_admin")


# The statutory calendar is configuration: the system administrator keeps it.
rules.add_perm("core.manage_calendar", is_system_admin)
