"""Who may act on applications, certificates and cancellation cases, within which scope."""

from __future__ import annotations

from typing import Any

import rules

from govcounsel.accounts.choices import Role


def _reaches(user: Any, roles: str | None, obj: Any) -> bool:
    """Whether the unit — given itself, or as the `unit` of an object — is one the user
    runs (`roles=None`: Unit.objects.run_by), or one its grants of `roles` reach."""
    from govcounsel.organisations.models import Unit

    unit = obj if isinstance(obj, Unit) else getattr(obj, "unit", None)
    if unit is None:
        return False
    units = Unit.objects.run_by(user) if roles is None else Unit.objects.reached_by(user, roles)
    return units.filter(pk=unit.pk).exists()


@rules.predicate
def is_the_person(user: Any, person: Any) -> bool:
    return person is not None and getattr(user, "person_id", None) == person.pk


@rules.predicate
def runs_the_unit_of(user: Any, obj: Any) -> bool:
    """The rule-of-law office of the unit the object belongs to (统一审核、统一申报)."""
    return _reaches(user, None, obj)


@rules.predicate
def bureau_over(user: Any, obj: Any) -> bool:
    """The justice bureau of the region the object's unit lies in."""
    return _reaches(user, Role.JUSTICE_BUREAU, obj)


@rules.predicate
def applicant_of(user: Any, application: Any) -> bool:
    return application is not None and getattr(user, "person_id", None) == application.person_id


@rules.predicate
def association_over(user: Any, person: Any) -> bool:
    return _reaches(user, Role.ASSOCIATION, person)


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
