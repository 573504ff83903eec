import pytest

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.people.tests.factories import PersonFactory


@pytest.fixture
def cast(cast):
    """The one cast (core/testing/cast.py) with unit_a's two public lawyers certified up
    front, and `outsider`: a staff member of unit_a with an account but no certificate."""
    cast.lawyer, cast.colleague  # noqa: B018 — certify both now
    plain = PersonFactory(name="孙科员", unit=cast.tree.unit_a)
    cast.outsider = user_with(Role.PUBLIC_LAWYER, person=plain, username="outsider")
    return cast


@pytest.fixture
def matter(tree, cast):
    from govcounsel.matters import services

    return services.register_matter(
        unit=tree.unit_a,
        by=cast.own_unit,
        title="关于某区域规划调整的合法性审核",
        category="normative",
        subtype="legality_review",
        working_days=5,
    )
