"""model_update: the one way a service changes a record's fields (ADR 0016)."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.core.errors import DomainError, NotPermitted
from govcounsel.core.models import AuditEvent
from govcounsel.core.permissions import ensure_can
from govcounsel.core.services import model_update
from govcounsel.matters.models import DecisionItem

FIELDS = ("title", "description", "active")
EVENT = "matters.decision_item.updated"


@pytest.fixture
def item(tree):
    return DecisionItem.objects.create(unit=tree.unit_a, title="重大行政处罚", description="旧说明")


@pytest.fixture
def office(tree):
    return user_with(Role.UNIT_ADMIN, tree.unit_a)


def events():
    return list(AuditEvent.objects.filter(action=EVENT))


def test_changes_the_whitelisted_fields_and_records_which(item, office):
    saved, changed = model_update(
        item, by=office, fields=FIELDS, data={"title": "重大投资", "active": True}, event=EVENT
    )
    assert changed == ["title"]  # `active` was already True: not a change
    assert DecisionItem.objects.get(pk=item.pk).title == "重大投资"
    assert saved.title == "重大投资"
    (event,) = events()
    assert (event.actor, event.data) == (office, {"fields": ["title"]})


def test_saves_only_the_changed_columns(item, office):
    with CaptureQueriesContext(connection) as queries:
        model_update(item, by=office, fields=FIELDS, data={"description": "新说明"}, event=EVENT)
    (update,) = [q["sql"] for q in queries if q["sql"].startswith('UPDATE "matters_decisionitem"')]
    assert '"description"' in update
    assert '"title"' not in update


def test_a_field_outside_the_whitelist_is_refused_naming_it(item, office):
    with pytest.raises(DomainError) as refused:
        model_update(
            item, by=office, fields=FIELDS, data={"title": "改名", "unit_id": 0}, event=EVENT
        )
    assert (refused.value.code, refused.value.field, refused.value.status_code) == (
        "field_not_editable",
        "unit_id",
        400,
    )
    assert DecisionItem.objects.get(pk=item.pk).title == "重大行政处罚"
    assert events() == []


def test_full_clean_refusal_leaves_the_row_as_it_was(item, office):
    with pytest.raises(ValidationError) as refused:
        model_update(
            item, by=office, fields=FIELDS, data={"title": "", "description": "新"}, event=EVENT
        )
    assert "title" in refused.value.message_dict
    stored = DecisionItem.objects.get(pk=item.pk)
    assert (stored.title, stored.description) == ("重大行政处罚", "旧说明")
    assert events() == []


def test_nothing_changed_saves_nothing_and_records_nothing(item, office):
    with CaptureQueriesContext(connection) as queries:
        saved, changed = model_update(
            item, by=office, fields=FIELDS, data={"title": "重大行政处罚"}, event=EVENT
        )
    assert changed == []
    assert saved.title == "重大行政处罚"
    assert not [q for q in queries if q["sql"].startswith("UPDATE")]
    assert events() == []


def test_the_check_runs_on_the_locked_row_before_anything_changes(item, office, tree):
    seen = []

    def check(locked):
        seen.append(locked)
        ensure_can(user_with(Role.UNIT_ADMIN, tree.unit_b), "matters.run", locked.unit)

    with pytest.raises(NotPermitted):
        model_update(
            item, by=office, fields=FIELDS, data={"title": "越权"}, event=EVENT, check=check
        )
    (locked,) = seen
    assert locked is not item  # read again under the lock
    assert locked.title == "重大行政处罚"
    assert DecisionItem.objects.get(pk=item.pk).title == "重大行政处罚"


def test_the_hooks_see_the_new_values_and_the_event_carries_extra_data(item, office):
    order = []
    model_update(
        item,
        by=office,
        fields=FIELDS,
        data={"title": "新名称"},
        event=EVENT,
        event_data={"reason": "更名"},
        prepare=lambda row: order.append(("prepare", row.title)),
        before_save=lambda row: order.append(("before_save", row.title)),
    )
    assert order == [("prepare", "新名称"), ("before_save", "新名称")]
    (event,) = events()
    assert event.data == {"fields": ["title"], "reason": "更名"}
