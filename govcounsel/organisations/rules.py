import rules

from govcounsel.accounts.predicates import is_system_admin

# The organisation tree is configuration: the system administrator keeps it.
rules.add_perm("organisations.manage", is_system_admin)
