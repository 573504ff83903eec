"""Who may change whose records, and who may read full identity data (each read audited)."""

from __future__ import annotations

from typing import Any

import rules


@rules.predicate
def manages_unit(user: Any, unit: Any) -> bool:
    from govcounsel.organisations.models import Unit

    return unit is not None and Unit.objects.manageable_by(user).filter(pk=unit.pk).exists()


@rules.predicate
def manages_person(user: Any, person: Any) -> bool:
    from .models import Person

    return person is not None and Person.objects.manageable_by(user).filter(pk=person.pk).exists()


@rules.predicate
def may_read_identity(user: Any, person: Any) -> bool:
    from .models import Person

    if person is None:
        return False
    if person.pk == getattr(user, "person_id", None):
        return True
    readers = Person.objects.reached_by(user, "IDENTITY_READERS")
    return readers.filter(pk=person.pk).exists()


@rules.predicate
def may_read_adviser_phone(user: Any, adviser: Any) -> bool:
    from govcounsel.organisations.models import Unit

    if adviser is None:
        return False
    if adviser.person_id and adviser.person_id == getattr(user, "person_id", None):
        return True
    return Unit.objects.reached_by(user, "IDENTITY_READERS").filter(pk=adviser.unit_id).exists()


rules.add_perm("people.manage_unit_staff", manages_unit)
rules.add_perm("people.manage_person", manages_person)
rules.add_perm("people.read_identity", may_read_identity)
rules.add_perm("people.read_adviser_phone", may_read_adviser_phone)
