import rules

from govcounsel.accounts.predicates import is_system_admin

# The statutory calendar is configuration: the system administrator keeps it.
rules.add_perm("core.manage_calendar", is_system_admin)
