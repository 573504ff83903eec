"""Recording an activity once, by the lawyer or the office, and correcting it (002 §7, §14)."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from govcounsel.activities import services
from govcounsel.activities.choices import Source
from govcounsel.activities.models import Activity
from govcounsel.core.errors import DomainError, NotPermitted
from govcounsel.core.models import AuditEvent
from govcounsel.people.tests.factories import PersonFactory

from .factories import activity, dispute, on_dispute


def test_a_lawyer_records_their_own_activity(cast):
    entry = activity(cast, kind="risk_screening", title="排查执法领域纠纷隐患", hours="2.5")
    assert entry.source == Source.SELF
    assert list(entry.people.all()) == [cast.tree.person_a]
    assert entry.unit == cast.tree.unit_a
    event = AuditEvent.objects.get(action="activities.activity.recorded")
    assert event.data["people"] == [cast.tree.person_a.pk]


def test_the_office_records_one_activity_for_several_lawyers(cast):
    colleague = cast.colleague_person
    entry = activity(
        cast,
        by=cast.own_unit,
        people=[cast.tree.person_a, colleague],
        kind="to_schools",
        title="送法进校园",
        audience=120,
        place="朝阳实验小学",
    )
    assert entry.source == Source.OFFICE
    assert set(entry.people.all()) == {cast.tree.person_a, colleague}
    assert entry.people_names.count("、") == 1


def test_a_lawyer_records_only_for_themself(cast):
    with pytest.raises(NotPermitted):
        activity(cast, people=[cast.tree.person_a, cast.colleague_person])
    with pytest.raises(NotPermitted):
        activity(cast, by=cast.colleague, people=[cast.tree.person_a])


def test_another_units_office_may_not_record(cast):
    with pytest.raises(NotPermitted):
        activity(cast, by=cast.sibling_unit)
    with pytest.raises(NotPermitted):
        activity(cast, by=cast.bureau)


def test_only_certified_lawyers_take_part(cast):
    clerk = PersonFactory(name="孙无证", unit=cast.tree.unit_a)
    with pytest.raises(DomainError) as refused:
        activity(cast, by=cast.own_unit, people=[cast.tree.person_a, clerk])
    assert refused.value.code == "not_a_public_lawyer"
    assert "孙无证" in str(refused.value.message)


def test_lawyers_of_two_units_are_recorded_apart(cast):
    other = PersonFactory(name="李二", unit=cast.tree.unit_a2)
    cast.certify(other)
    with pytest.raises(DomainError) as refused:
        activity(cast, by=cast.parent_region, people=[cast.tree.person_a, other])
    assert refused.value.code == "one_unit"


@pytest.mark.parametrize("kind", ["centre_session", "dispute", "matter"])
def test_what_comes_from_records_is_not_typed(cast, kind):
    with pytest.raises(DomainError) as refused:
        activity(cast, kind=kind)
    assert refused.value.code == "from_records"
    assert not Activity.objects.exists()


def test_a_centre_mediation_is_not_typed_as_a_mediation(cast):
    case = dispute(cast.tree.unit_a)
    on_dispute(case, cast.tree.person_a, mediator=True)
    with pytest.raises(DomainError) as refused:
        activity(cast, kind="mediation", dispute=case, title="和解中心调解")
    assert refused.value.code == "from_records"
    assert "和解中心" in str(refused.value.message)


def test_the_same_activity_on_a_dispute_is_recorded_once(cast):
    case = dispute(cast.tree.unit_a)
    on_dispute(case, cast.tree.person_a)  # a lawyer names the disputes they see
    activity(cast, kind="complaints", dispute=case, title="接待投诉人")
    with pytest.raises(DomainError) as refused:
        activity(
            cast,
            by=cast.own_unit,
            people=[cast.tree.person_a, cast.colleague_person],
            kind="complaints",
            dispute=case,
            title="接待投诉人（单位登记）",
        )
    assert refused.value.code == "duplicate"
    # Another kind of work on the same dispute, or another lawyer, is a new entry.
    activity(cast, kind="calls_letters", dispute=case)
    activity(
        cast,
        by=cast.own_unit,
        people=[cast.colleague_person],
        kind="complaints",
        dispute=case,
        title="接待投诉人",
    )
    assert Activity.objects.count() == 3


def test_a_lawyer_names_only_the_disputes_they_see(cast):
    with pytest.raises(DomainError) as refused:
        activity(cast, dispute=dispute(cast.tree.unit_a))
    assert refused.value.code == "not_found"


def test_audience_is_for_outreach_only(cast):
    with pytest.raises(ValidationError):
        activity(cast, kind="calls_letters", audience=10)
    with pytest.raises(ValidationError):
        activity(cast, day=timezone.localdate() + timedelta(days=1))


def test_the_recorder_corrects_within_the_window_then_the_office(cast):
    entry = activity(cast, title="答复来信")
    services.update_activity(activity=entry, by=cast.lawyer, title="答复来信（已更正）")
    assert AuditEvent.objects.filter(action="activities.activity.corrected").count() == 1
    with pytest.raises(NotPermitted):
        services.update_activity(activity=entry, by=cast.colleague, title="别人改")
    with time_machine.travel(timezone.now() + timedelta(days=31)):
        with pytest.raises(NotPermitted):
            services.update_activity(activity=entry, by=cast.lawyer, title="太晚了")
        services.update_activity(activity=entry, by=cast.own_unit, title="单位更正")
    entry.refresh_from_db()
    assert entry.title == "单位更正"


def test_a_correction_may_not_make_a_duplicate(cast):
    case = dispute(cast.tree.unit_a)
    on_dispute(case, cast.tree.person_a)
    activity(cast, kind="complaints", dispute=case)
    other = activity(cast, kind="calls_letters", dispute=case)
    with pytest.raises(DomainError) as refused:
        services.update_activity(activity=other, by=cast.lawyer, kind="complaints")
    assert refused.value.code == "duplicate"


def test_a_mistaken_entry_is_deleted_and_the_event_keeps_it(cast):
    entry = activity(cast, by=cast.own_unit, title="误录")
    removed = services.delete_activity(activity=entry, by=cast.own_unit)
    assert not Activity.objects.exists()
    assert removed.get_absolute_url() == "/activities/"
    event = AuditEvent.objects.get(action="activities.activity.deleted")
    assert event.data["title"] == "误录"
    assert event.data["people"] == [cast.tree.person_a.pk]
