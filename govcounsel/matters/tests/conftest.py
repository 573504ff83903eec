from dataclasses import dataclass

import pytest

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.people.tests.factories import PersonFactory


@dataclass
class Desk:
    office: object  # unit_a's rule-of-law office
    other_office: object  # unit_a2's
    lawyer: object  # person_a's account: a public lawyer of unit_a
    colleague: object  # a second public lawyer of unit_a
    outsider: object  # a staff member of unit_a without a certificate
    supervisor: object  # the district's rule-of-law committee office


@pytest.fixture
def desk(tree, certify):
    certify(tree.person_a)
    second = PersonFactory(name="钱律师", unit=tree.unit_a)
    certify(second)
    plain = PersonFactory(name="孙科员", unit=tree.unit_a)
    return Desk(
        office=user_with(Role.UNIT_ADMIN, tree.unit_a, username="office"),
        other_office=user_with(Role.UNIT_ADMIN, tree.unit_a2, username="other_office"),
        lawyer=user_with(Role.PUBLIC_LAWYER, person=tree.person_a, username="lawyer"),
        colleague=user_with(Role.PUBLIC_LAWYER, person=second, username="colleague"),
        outsider=user_with(Role.PUBLIC_LAWYER, person=plain, username="outsider"),
        supervisor=user_with(Role.SUPERVISOR, tree.chaoyang, username="supervisor"),
    )


@pytest.fixture
def matter(tree, desk):
    from govcounsel.matters import services

    return services.register_matter(
        unit=tree.unit_a,
        by=desk.office,
        title="关于某区域规划调整的合法性审核",
        category="normative",
        subtype="legality_review",
        working_days=5,
    )
