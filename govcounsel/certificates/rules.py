"""Who may act on applications, certificates and cancellation cases, within which scope."""

from __future__ import annotations

from typing import Any

import rules

from govcounsel.accounts.choices import Role
from govcounsel.accounts.scopes import scope_for

UNIT_OFFICES = {Role.UNIT_ADMIN, Role.SUPERIOR_ADMIN}
BUREAU = {Role.JUSTICE_BUREAU}
ASSOCIATION = {Role.ASSOCIATION}


def _reaches(user: Any, roles: set[Role], obj: Any) -> bool:
    """Whether the roles reach the unit — given itself, or as the `unit` of an object."""
    from govcounsel.organisations.models import Unit

    unit = obj if isinstance(obj, Unit) else getattr(obj, "unit", None)
    if unit is None:
        return False
    scope = scope_for(user, roles)
    condition = scope.q(region_path="region__path", unit="pk", system_path="system_path")
    return Unit.objects.filter(condition, pk=unit.pk).exists()


@rules.predicate
def is_the_person(user: Any, person: Any) -> bool:
    return person is not None and getattr(user, "person_id", None) == person.pk


@rules.predicate
def runs_the_unit_of(user: Any, obj: Any) -> bool:
    """The rule-of-law office of the unit the object belongs to (统一审核、统一申报)."""
    return _reaches(user, UNIT_OFFICES, obj)


@rules.predicate
def bureau_over(user: Any, obj: Any) -> bool:
    """The justice bureau of the region the object's unit lies in."""
    return _reaches(user, BUREAU, obj)


@rules.predicate
def applicant_of(user: Any, application: Any) -> bool:
    return application is not None and getattr(user, "person_id", None) == application.person_id


@rules.predicate
def association_over(user: Any, person: Any) -> bool:
    return _reaches(user, ASSOCIATION, person)


# obj: the person applying
rules.add_perm("certificates.apply", is_the_person | runs_the_unit_of)
# obj: the application
rules.add_perm("certificates.unit_review", runs_the_unit_of)
rules.add_perm("certificates.decide", bureau_over)
rules.add_perm("certificates.withdraw", applicant_of | runs_the_unit_of)
# obj: the certificate, or the cancellation case's certificate
rules.add_perm("certificates.manage_certificate", bureau_over)
rules.add_perm("certificates.recover_certificate", runs_the_unit_of | bureau_over)
# obj: the person
rules.add_perm("certificates.record_membership", association_over)
