from datetime import date

import pytest
from django.utils import timezone

from govcounsel.core.errors import DomainError, NotPermitted
from govcounsel.core.workdays import add_workdays
from govcounsel.matters import services
from govcounsel.matters.models import Matter, Opinion
from govcounsel.tests.helpers import events


def test_register_assign_accept_opinion_close(tree, cast, matter):
    assert matter.status == "registered"
    assert matter.deadline == add_workdays(timezone.localdate(), 5)
    services.assign(
        matter=matter, by=cast.own_unit, lawyer=tree.person_a, co_handlers=[cast.colleague.person]
    )
    services.accept(matter=matter, by=cast.lawyer)
    opinion = services.submit_opinion(
        matter=matter, by=cast.lawyer, text="经审查，该调整程序合法。"
    )
    assert (opinion.version, opinion.author) == (1, tree.person_a)
    closed = services.close(matter=matter, by=cast.own_unit, score=92, comment="意见清晰，按期完成")
    assert (closed.status, closed.score) == ("closed", 92)
    assert [s.action for s in closed.steps.all()] == [
        "registered",
        "assigned",
        "accepted",
        "opinion",
        "closed",
    ]
    assert len(events("matters.matter.closed")) == 1


def test_returned_opinion_keeps_every_version_as_written(tree, cast, matter):
    services.assign(matter=matter, by=cast.own_unit, lawyer=tree.person_a)
    services.accept(matter=matter, by=cast.lawyer)
    first = services.submit_opinion(matter=matter, by=cast.lawyer, text="初稿意见")
    services.return_for_rework(matter=matter, by=cast.own_unit, note="请补充法律依据")
    second = services.submit_opinion(matter=matter, by=cast.lawyer, text="修改后意见，补充了依据")
    assert [o.text for o in Opinion.objects.filter(matter=matter)] == [
        "初稿意见",
        "修改后意见，补充了依据",
    ]
    assert second.version == 2
    first.text = "改写"
    with pytest.raises(PermissionError):
        first.save()
    with pytest.raises(PermissionError):
        Opinion.objects.filter(pk=first.pk).update(text="改写")


def test_only_the_units_public_lawyers_can_be_assigned(tree, cast, matter):
    with pytest.raises(DomainError) as refused:
        services.assign(matter=matter, by=cast.own_unit, lawyer=cast.outsider.person)
    assert refused.value.code == "not_a_public_lawyer"
    assert "孙科员" in str(refused.value.message)


def test_decline_needs_a_reason_and_the_office_judges_it(tree, cast, matter):
    services.assign(matter=matter, by=cast.own_unit, lawyer=tree.person_a)
    with pytest.raises(DomainError):
        services.decline(matter=matter, by=cast.lawyer, reason="")
    services.decline(matter=matter, by=cast.lawyer, reason="与本人承办的另一案件存在利益冲突")
    matter.refresh_from_db()
    assert matter.status == "registered"
    assignment = matter.assignments.get()
    services.judge_decline(assignment=assignment, by=cast.own_unit, justified=False)
    assignment.refresh_from_db()
    assert assignment.decline_justified is False
    services.assign(matter=matter, by=cast.own_unit, lawyer=cast.colleague.person)  # reassigned
    assert matter.assignments.count() == 2


@pytest.mark.parametrize(
    ("step", "actor"),
    [
        ("assign", "sibling_unit"),
        ("assign", "parent_region"),
        ("assign", "lawyer"),
        ("accept", "colleague"),
        ("accept", "own_unit"),
    ],
)
def test_each_step_belongs_to_its_role(tree, cast, matter, step, actor):
    if step == "accept":
        services.assign(matter=matter, by=cast.own_unit, lawyer=tree.person_a)

    def act():
        if step == "assign":
            return services.assign(matter=matter, by=getattr(cast, actor), lawyer=tree.person_a)
        return services.accept(matter=matter, by=getattr(cast, actor))

    with pytest.raises(NotPermitted):
        act()


def test_wrong_order_is_refused(tree, cast, matter):
    with pytest.raises(DomainError) as refused:
        services.close(matter=matter, by=cast.own_unit, score=80)
    assert refused.value.code == "invalid_transition"


def test_scores_are_bounded(tree, cast, matter):
    services.assign(matter=matter, by=cast.own_unit, lawyer=tree.person_a)
    services.accept(matter=matter, by=cast.lawyer)
    services.submit_opinion(matter=matter, by=cast.lawyer, text="意见")
    with pytest.raises(DomainError):
        services.close(matter=matter, by=cast.own_unit, score=0)


def test_subtype_must_belong_to_the_category(tree, cast):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.register_matter(
            unit=tree.unit_a,
            by=cast.own_unit,
            title="x",
            category="litigation",
            subtype="contract",
            working_days=3,
        )


def test_visibility(tree, cast, matter):
    confidential = services.register_matter(
        unit=tree.unit_a,
        by=cast.own_unit,
        title="涉密事项",
        category="cases",
        subtype="emergency",
        working_days=2,
        confidential=True,
    )
    services.assign(matter=matter, by=cast.own_unit, lawyer=tree.person_a)
    titles = lambda user: set(Matter.objects.visible_to(user).values_list("title", flat=True))  # noqa: E731
    assert titles(cast.own_unit) == {matter.title, confidential.title}
    assert titles(cast.parent_region) == {matter.title}  # not the confidential one
    assert titles(cast.lawyer) == {matter.title}  # only what is assigned to them
    assert titles(cast.sibling_unit) == set()


def test_overdue(tree, cast, matter):
    Matter.objects.filter(pk=matter.pk).update(deadline=date(2024, 1, 5))
    assert list(Matter.objects.overdue()) == [Matter.objects.get(pk=matter.pk)]
