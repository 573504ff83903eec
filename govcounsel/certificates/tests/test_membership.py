"""Membership of the lawyers association (001 三(五)): registering and ending it, the
members register, and membership shown where it is weighed."""

import io
from datetime import date

import pytest
import time_machine
from openpyxl import load_workbook

from govcounsel.certificates import services
from govcounsel.certificates.models import AssociationMembership
from govcounsel.core.errors import DomainError, NotPermitted
from govcounsel.core.exporters import HEADER_ROW
from govcounsel.core.models import AuditEvent
from govcounsel.core.testing.cases import ScopedViewCase, answers
from govcounsel.people.tests.factories import PersonFactory, QualificationFactory

# Days in these tests are before and after this one.
TODAY = date(2026, 11, 20)


def holder(cast, name="周会员"):
    person = PersonFactory(name=name, unit=cast.tree.unit_a, full_time_legal=True)
    QualificationFactory(person=person)
    cast.certify(person, issued_on=date(2024, 1, 15))
    return person


def member(scene_or_cast):
    cast = getattr(scene_or_cast, "cast", scene_or_cast)
    return services.record_membership(
        person=holder(cast),
        by=cast.association,
        member_number="CY2024001",
        joined_on=date(2024, 3, 1),
    )


class TestMembershipPages(ScopedViewCase):
    """Whoever sees the person sees the membership; the register is the association's page,
    and every role's list shows only the memberships of people it sees."""

    model = AssociationMembership
    make = staticmethod(member)
    list_name = "certificates:members"
    detail_name = "certificates:member"

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


# --- services ---------------------------------------------------------------------------


@time_machine.travel(TODAY, tick=False)
def test_the_association_records_and_ends_a_membership_with_audit_events(cast):
    person = holder(cast)
    membership = services.record_membership(
        person=person, by=cast.association, member_number=" CY2026007 ", joined_on=TODAY
    )
    assert membership.member_number == "CY2026007"
    assert membership.is_current
    services.end_membership(
        membership=membership, by=cast.association, ended_on=TODAY, reason="调离本区"
    )
    membership.refresh_from_db()
    assert membership.ended_on == TODAY
    assert membership.end_reason == "调离本区"
    actions = list(
        AuditEvent.objects.filter(object_id=str(membership.pk))
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["certificates.membership.recorded", "certificates.membership.ended"]
    # Ended, the person may join again (a new membership, the old one kept as history).
    again = services.record_membership(
        person=person, by=cast.association, member_number="CY2026008", joined_on=TODAY
    )
    assert AssociationMembership.objects.filter(person=person).count() == 2
    assert again.is_current


@time_machine.travel(TODAY, tick=False)
def test_dates_that_contradict_the_record_are_refused(cast):
    person = holder(cast)
    with pytest.raises(DomainError) as future:
        services.record_membership(
            person=person, by=cast.association, member_number="X1", joined_on=date(2026, 12, 1)
        )
    assert future.value.code == "date_in_future"
    assert future.value.field == "joined_on"
    membership = services.record_membership(
        person=person, by=cast.association, member_number="X1", joined_on=date(2025, 5, 1)
    )
    with pytest.raises(DomainError) as early:
        services.end_membership(
            membership=membership, by=cast.association, ended_on=date(2025, 4, 30)
        )
    assert early.value.code == "end_before_joining"
    services.end_membership(membership=membership, by=cast.association, ended_on=TODAY)
    with pytest.raises(DomainError) as twice:
        services.end_membership(membership=membership, by=cast.association, ended_on=TODAY)
    assert twice.value.code == "membership_ended"


def test_a_second_current_membership_and_a_blank_number_are_refused(cast):
    membership = member(cast)
    with pytest.raises(DomainError) as twice:
        services.record_membership(
            person=membership.person,
            by=cast.association,
            member_number="CY9",
            joined_on=date(2024, 5, 1),
        )
    assert twice.value.code == "already_member"
    with pytest.raises(DomainError) as blank:
        services.record_membership(
            person=holder(cast, name="吴会员"),
            by=cast.association,
            member_number="  ",
            joined_on=date(2024, 5, 1),
        )
    assert blank.value.code == "number_required"


def test_only_the_association_of_the_region_may_end_a_membership(cast):
    membership = member(cast)
    for role in ("own_unit", "bureau", "parent_region"):
        with pytest.raises(NotPermitted):
            services.end_membership(
                membership=membership, by=cast.user(role), ended_on=date(2025, 1, 1)
            )
    membership.refresh_from_db()
    assert membership.is_current


# --- pages ------------------------------------------------------------------------------


@time_machine.travel(TODAY, tick=False)
def test_the_association_registers_from_the_person_page_and_ends_from_the_member_page(cast):
    person = holder(cast)
    client = cast.page("association")
    page = client.get(f"/people/{person.pk}/").content.decode()
    assert 'data-testid="no-membership"' in page
    assert f'href="/certificates/non-members/{person.pk}/join/"' in page
    response = client.post(
        f"/certificates/non-members/{person.pk}/join/",
        {"member_number": "CY2026100", "joined_on": "2026-11-02"},
    )
    assert response.status_code == 302
    membership = AssociationMembership.objects.get(person=person)
    page = client.get(f"/people/{person.pk}/").content.decode()
    assert 'data-testid="current-membership"' in page
    assert "CY2026100" in page
    assert 'data-testid="record-membership"' not in page

    member_page = client.get(f"/certificates/members/{membership.pk}/").content.decode()
    assert 'data-testid="end-membership"' in member_page
    refused = client.post(f"/certificates/members/{membership.pk}/end/", {"ended_on": "2026-11-01"})
    assert refused.status_code == 200
    assert "早于入会日期" in refused.content.decode()
    response = client.post(
        f"/certificates/members/{membership.pk}/end/",
        {"ended_on": "2026-11-19", "reason": "调离本区"},
    )
    assert response["Location"] == f"/certificates/members/{membership.pk}/"
    membership.refresh_from_db()
    assert membership.ended_on == date(2026, 11, 19)
    assert "已退会" in client.get(response["Location"]).content.decode()
    # Not a member any more: listed again among the holders the association must follow up.
    assert person.name in client.get("/certificates/non-members/").content.decode()


def test_other_roles_see_the_membership_but_are_not_offered_to_change_it(cast):
    membership = member(cast)
    client = cast.page("own_unit")
    page = client.get(f"/people/{membership.person_id}/").content.decode()
    assert "CY2024001" in page
    assert 'data-testid="record-membership"' not in page
    member_page = client.get(f"/certificates/members/{membership.pk}/").content.decode()
    assert 'data-testid="end-membership"' not in member_page
    assert client.get(f"/certificates/members/{membership.pk}/end/").status_code == 403
    assert (
        cast.page("other_region").get(f"/certificates/members/{membership.pk}/end/").status_code
        == 404
    )


def test_the_members_register_filters_searches_and_exports(cast):
    current = member(cast)
    ended_person = holder(cast, name="郑退会")
    ended = services.record_membership(
        person=ended_person,
        by=cast.association,
        member_number="CY2023050",
        joined_on=date(2023, 1, 1),
    )
    services.end_membership(membership=ended, by=cast.association, ended_on=date(2024, 6, 30))
    client = cast.page("association")

    def names(query):
        page = client.get(f"/certificates/members/?{query}").content.decode()
        return {name for name in ("周会员", "郑退会") if name in page}

    assert names("") == {"周会员", "郑退会"}
    assert names("current=true") == {"周会员"}
    assert names("current=false") == {"郑退会"}
    assert names("q=CY2023") == {"郑退会"}
    assert names("q=zhy") == {"周会员"}
    assert names("joined_from=2024-01-01") == {"周会员"}
    response = client.get("/certificates/members/?export=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=HEADER_ROW, values_only=True))
    numbers = {row[1] for row in rows[1:]}
    assert {current.member_number, ended.member_number} <= numbers
    # Another region's association sees none of them.
    from govcounsel.accounts.choices import Role
    from govcounsel.accounts.tests.factories import user_with

    stranger = user_with(Role.ASSOCIATION, cast.tree.chenggu)
    client.force_login(stranger)
    assert names("") == set()
