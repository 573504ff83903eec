import rules

from .predicates import is_audit_admin, is_security_admin

# Accounts and their role grants are the security administrator's alone.
rules.add_perm("accounts.manage_accounts", is_security_admin)
# The audit trail is read by the audit administrator, and changed by nobody.
rules.add_perm("core.read_audit", is_audit_admin)
