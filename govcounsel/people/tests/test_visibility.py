"""Who reads and writes staff records, qualifications and advisers, role by role
(core/testing/cases.py)."""

from govcounsel.core.testing.cases import Call, ScopedAPICase, ScopedViewCase, answers
from govcounsel.people.models import LegalAdviser, Person, Qualification
from govcounsel.people.tests.factories import (
    LegalAdviserFactory,
    PersonFactory,
    QualificationFactory,
)


def staff_member(cast):
    """A staff member of unit_a who is nobody's account: the lawyers see only themselves."""
    return PersonFactory(name="孙科员", unit=cast.tree.unit_a)


class TestPersonAPI(ScopedAPICase):
    basename = "person"
    model = Person
    make = staticmethod(staff_member)

    list_expected = answers(200, anonymous=401)
    detail_expected = answers(
        404,
        own_unit=200,
        parent_region=200,
        bureau=200,
        association=200,
        reconciliation=200,
        anonymous=401,
    )
    create = Call(
        payload=lambda scene: {
            "name": "孙丽",
            "id_number": "11010519491231002X",
            "unit": scene.tree.unit_a.pk,
            "phone": "13700137000",
        },
        expected=answers(
            403,
            own_unit=201,
            sibling_unit=400,
            superior=400,
            bureau=201,
            other_region=400,
            audit_admin=400,
            anonymous=401,
        ),
    )
    update = Call(
        payload={"full_time_legal": True},
        expected=answers(
            404,
            own_unit=200,
            parent_region=403,
            bureau=200,
            association=403,
            reconciliation=403,
            anonymous=401,
        ),
    )


class TestQualificationAPI(ScopedAPICase):
    basename = "qualification"
    model = Qualification

    @staticmethod
    def make(cast):
        return QualificationFactory(person=staff_member(cast))

    list_expected = answers(200, anonymous=401)
    detail_expected = answers(
        404,
        own_unit=200,
        parent_region=200,
        bureau=200,
        association=200,
        reconciliation=200,
        anonymous=401,
    )
    create = Call(
        payload=lambda scene: {
            "person": scene.obj.person_id,
            "kind": "legal_a",
            "certificate_number": "A20201101050001",
            "obtained_on": "2020-03-01",
        },
        expected=answers(
            400,
            own_unit=201,
            parent_region=403,
            bureau=201,
            association=403,
            reconciliation=403,
            anonymous=401,
        ),
    )


class TestAdviserAPI(ScopedAPICase):
    basename = "adviser"
    model = LegalAdviser

    @staticmethod
    def make(cast):
        return LegalAdviserFactory(unit=cast.tree.unit_a)

    list_expected = answers(200, anonymous=401)
    detail_expected = answers(
        404,
        own_unit=200,
        parent_region=200,
        bureau=200,
        association=200,
        reconciliation=200,
        anonymous=401,
    )
    create = Call(
        payload=lambda scene: {
            "unit": scene.tree.unit_a.pk,
            "kind": "external",
            "name": "周律师",
            "organisation": "北京市朝正律师事务所",
            "service_start": "2024-01-01",
        },
        expected=answers(
            403,
            own_unit=201,
            sibling_unit=400,
            superior=400,
            bureau=201,
            other_region=400,
            audit_admin=400,
            anonymous=401,
        ),
    )
    update = Call(
        payload={"service_end": "2025-12-31"},
        expected=answers(
            404,
            own_unit=200,
            parent_region=403,
            bureau=200,
            association=403,
            reconciliation=403,
            anonymous=401,
        ),
    )


class TestPersonPages(ScopedViewCase):
    model = Person
    make = staticmethod(staff_member)
    list_name = "people:list"
    detail_name = "people:person"
    create_name = "people:create"
    update_name = "people:update"

    list_expected = answers(200, anonymous=302)
    detail_expected = answers(
        404,
        own_unit=200,
        parent_region=200,
        bureau=200,
        association=200,
        reconciliation=200,
        anonymous=302,
    )
    create = Call(
        payload=lambda scene: {
            "name": "孙丽",
            "id_number": "11010519491231002X",
            "unit": scene.tree.unit_a.pk,
            "employment_status": "in_post",
            "is_civil_servant": "on",
        },
        expected=answers(
            403,
            own_unit=302,
            sibling_unit=200,
            superior=200,
            bureau=302,
            other_region=200,
            anonymous=302,
        ),
    )
    update = Call(
        payload=lambda scene: {
            "name": "孙科员",
            "unit": scene.tree.unit_a.pk,
            "employment_status": "in_post",
            "is_civil_servant": "on",
            "full_time_legal": "on",
        },
        expected=answers(
            404,
            own_unit=302,
            parent_region=403,
            bureau=302,
            association=403,
            reconciliation=403,
            anonymous=302,
        ),
    )


class TestAdviserPages(ScopedViewCase):
    """The adviser's page: read as its record is in the API; changed through its verbs."""

    model = LegalAdviser
    detail_name = "people:adviser"

    @staticmethod
    def make(cast):
        return LegalAdviserFactory(unit=cast.tree.unit_a)

    detail_expected = answers(
        404,
        own_unit=200,
        parent_region=200,
        bureau=200,
        association=200,
        reconciliation=200,
        anonymous=302,
    )
