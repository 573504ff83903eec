from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    SUPERVISOR = "supervisor", _("依法治区（县）办")
    JUSTICE_BUREAU = "justice_bureau", _("司法局")
    UNIT_ADMIN = "unit_admin", _("单位法治工作机构")
    SUPERIOR_ADMIN = "superior_admin", _("上级单位管理员")
    RECONCILIATION_ADMIN = "reconciliation_admin", _("和解中心管理员")
    ASSOCIATION = "association", _("律师协会")
    PUBLIC_LAWYER = "public_lawyer", _("公职律师")
    SYSTEM_ADMIN = "system_admin", _("系统管理员")
    SECURITY_ADMIN = "security_admin", _("安全管理员")
    AUDIT_ADMIN = "audit_admin", _("审计管理员")


# Where each role is granted (DOMAIN.md "Roles and what each may see").
REGION_ROLES = frozenset(
    {Role.SUPERVISOR, Role.JUSTICE_BUREAU, Role.RECONCILIATION_ADMIN, Role.ASSOCIATION}
)
UNIT_ROLES = frozenset({Role.UNIT_ADMIN, Role.SUPERIOR_ADMIN})
# The three separated duties (三员分立): one per account, and nothing else beside it.
ADMIN_DUTIES = frozenset({Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN})
SELF_ROLES = frozenset({Role.PUBLIC_LAWYER})

DOMAIN_ROLES = REGION_ROLES | UNIT_ROLES | SELF_ROLES
# Who reads the casework of units (applications, cancellation cases, matters, decisions,
# dispatch): the association keeps membership and the reconciliation centre its mediators,
# neither reads a unit's legal work (DOMAIN.md "Roles and what each may see").
CASEWORK_REGION_ROLES = frozenset({Role.SUPERVISOR, Role.JUSTICE_BUREAU})
CASEWORK_READERS = CASEWORK_REGION_ROLES | UNIT_ROLES | SELF_ROLES
# Who reads a region's administrative disputes: the casework readers and the
# reconciliation centre, which assigns mediators to them (002 §10).
DISPUTE_REGION_ROLES = CASEWORK_REGION_ROLES | {Role.RECONCILIATION_ADMIN}
# Who reads a region's training records: the supervisor, the justice bureau and the lawyers
# association, which runs training and keeps its records (000 #9); not the reconciliation centre.
TRAINING_REGION_ROLES = CASEWORK_REGION_ROLES | {Role.ASSOCIATION}
# Who may add and change people, qualifications and advisers within their scope.
PEOPLE_MANAGERS = frozenset({Role.UNIT_ADMIN, Role.SUPERIOR_ADMIN, Role.JUSTICE_BUREAU})
# Who may read full ID numbers and phones (each read is audited); holders always see their own.
IDENTITY_READERS = frozenset({Role.JUSTICE_BUREAU})
# Who may read the organisation tree beyond their own reach: configuration and granting roles.
ORGANISATION_READERS = DOMAIN_ROLES | {Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN}
