from datetime import date

import pytest

from govcounsel.people.tests.factories import LegalAdviserFactory, QualificationFactory


@pytest.fixture
def landscape(tree, clerk, certify):
    """The hand-computed jurisdiction of the coverage tests.

    unit_a  (朝阳, enforcement)  certificate from 2023-06-01
    unit_a2 (朝阳)               adviser from 2022-01-01; qualified full-time staff since 2020
    unit_b  (海淀)               qualified full-time staff only since 2024-05-01
    unit_c  (城固)               certificate from 2022-01-01, holder retired 2024-03-31
    city_unit (北京市)           nothing
    """
    from govcounsel.people import services as people_services

    certify(tree.person_a, date(2023, 6, 1))
    LegalAdviserFactory(unit=tree.unit_a2, service_start=date(2022, 1, 1))
    tree.person_a2.full_time_legal = True
    tree.person_a2.save()
    QualificationFactory(person=tree.person_a2, obtained_on=date(2020, 1, 1))
    tree.person_b.full_time_legal = True
    tree.person_b.save()
    QualificationFactory(person=tree.person_b, obtained_on=date(2024, 5, 1))
    certify(tree.person_c, date(2022, 1, 1))
    people_services.update_person(
        person=tree.person_c,
        by=clerk,
        employment_status="retired",
        employment_status_date=date(2024, 3, 31),
    )
    return tree
