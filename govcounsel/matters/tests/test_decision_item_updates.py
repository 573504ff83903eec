"""Changing an item of a unit's decision list goes through model_update like every update."""

import pytest
from django.core.exceptions import ValidationError

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.core.errors import DomainError, NotPermitted
from govcounsel.core.models import AuditEvent
from govcounsel.matters import services
from govcounsel.matters.models import DecisionItem


@pytest.fixture
def office(tree):
    return user_with(Role.UNIT_ADMIN, tree.unit_a)


@pytest.fixture
def item(tree, office):
    return services.add_decision_item(unit=tree.unit_a, by=office, title="重大行政处罚")


def test_an_item_cannot_be_saved_without_a_title(item, office):
    # The service used to save without validating: an empty title went in.
    with pytest.raises(ValidationError) as refused:
        services.update_decision_item(item=item, by=office, title="")
    assert "title" in refused.value.message_dict
    assert DecisionItem.objects.get(pk=item.pk).title == "重大行政处罚"


def test_a_title_longer_than_the_column_is_refused_not_a_server_error(item, office):
    with pytest.raises(ValidationError):
        services.update_decision_item(item=item, by=office, title="决" * 201)


def test_the_change_is_recorded_with_its_fields(item, office):
    services.update_decision_item(item=item, by=office, title="重大投资项目", active=True)
    event = AuditEvent.objects.get(action="matters.decision_item.updated")
    assert event.data["fields"] == ["title"]


def test_the_same_unit_sent_back_is_no_change_another_unit_is_refused(item, office, tree):
    services.update_decision_item(item=item, by=office, unit=tree.unit_a, description="说明")
    assert DecisionItem.objects.get(pk=item.pk).description == "说明"
    with pytest.raises(DomainError) as refused:
        services.update_decision_item(item=item, by=office, unit=tree.unit_b)
    assert (refused.value.code, refused.value.field) == ("unit_fixed", "unit")
    assert DecisionItem.objects.get(pk=item.pk).unit == tree.unit_a


def test_another_units_office_may_not_change_it(item, tree):
    with pytest.raises(NotPermitted):
        services.update_decision_item(
            item=item, by=user_with(Role.UNIT_ADMIN, tree.unit_a2), title="改名"
        )


def test_a_put_through_the_api_sends_the_unit_back_and_succeeds(item, office, tree):
    from govcounsel.tests.helpers import client_for

    response = client_for(office).put(
        f"/api/v1/decision-items/{item.pk}/",
        {"unit": tree.unit_a.pk, "title": "新名称", "description": "", "active": True},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert DecisionItem.objects.get(pk=item.pk).title == "新名称"
