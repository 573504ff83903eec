"""Before applying: the person page shows each eligibility condition, met or not and why,
and offers the apply button only when the application would be accepted; the application
page shows the bureau the same conditions and the applicant's membership."""

from datetime import date

from govcounsel.certificates import services
from govcounsel.certificates.eligibility import conditions, readiness, unmet_conditions
from govcounsel.people import services as people_services

APPLY = 'data-testid="apply"'


UNMET_ROW = 'class="table-danger" data-testid="condition"'


def test_each_condition_is_read_from_the_record_with_its_reason(tree, eligible):
    listed = conditions(eligible)
    assert [str(c.label) for c in listed] == [
        "在职",
        "所在单位为党政机关或人民团体",
        "公务员或参照公务员法管理的工作人员",
        "取得法律职业资格或律师资格",
        "专门从事法律事务工作",
    ]
    assert all(c.met for c in listed)
    assert "法律职业资格" in listed[3].why
    plain = conditions(tree.person_a2)
    assert [c.met for c in plain][3:] == [False, False]
    assert plain[3].why == "未登记资格"
    # The refusal of the service says the same as the panel's unmet rows.
    assert unmet_conditions(tree.person_a2) == [c.unmet for c in plain if not c.met]


def test_the_eligible_person_page_shows_every_condition_met_and_the_apply_button(cast, eligible):
    page = cast.page("own_unit").get(f"/people/{eligible.pk}/").content.decode()
    assert 'data-testid="eligibility"' in page
    assert page.count('data-testid="condition"') == 5
    assert "均已具备" in page
    assert UNMET_ROW not in page
    assert APPLY in page


def test_an_ineligible_person_sees_why_and_no_apply_button(cast, tree):
    page = cast.page("sibling_unit").get(f"/people/{tree.person_a2.pk}/").content.decode()
    assert "尚不具备" in page
    assert "未登记资格" in page
    assert page.count(UNMET_ROW) == len(unmet_conditions(tree.person_a2)) >= 2
    assert APPLY not in page


def test_a_retired_person_is_not_offered_to_apply(cast, eligible):
    people_services.update_person(
        person=eligible,
        by=cast.own_unit,
        employment_status="retired",
        employment_status_date="2026-01-31",
    )
    page = cast.page("own_unit").get(f"/people/{eligible.pk}/").content.decode()
    assert "任职状态：退休" in page
    assert APPLY not in page


def test_a_holder_and_a_person_with_an_application_under_way_are_not_offered_to_apply(
    cast, eligible, issue
):
    application = services.apply(person=eligible, by=cast.own_unit)
    page = cast.page("own_unit").get(f"/people/{eligible.pk}/").content.decode()
    assert 'data-testid="blocker-open"' in page
    assert f"/certificates/applications/{application.pk}/" in page
    assert APPLY not in page
    services.withdraw(application=application, by=cast.own_unit)
    assert APPLY in cast.page("own_unit").get(f"/people/{eligible.pk}/").content.decode()

    certificate = issue()
    page = cast.page("own_unit").get(f"/people/{eligible.pk}/").content.decode()
    assert 'data-testid="blocker-held"' in page
    assert certificate.number in page
    assert APPLY not in page
    assert readiness(eligible).may_apply is False


def test_the_button_is_offered_only_to_who_may_apply(cast, eligible):
    assert APPLY in cast.page("own_unit").get(f"/people/{eligible.pk}/").content.decode()
    for role in ("bureau", "association", "parent_region"):
        page = cast.page(role).get(f"/people/{eligible.pk}/").content.decode()
        assert 'data-testid="eligibility"' in page, role
        assert APPLY not in page, role


def test_a_transferred_holder_may_apply_at_the_new_unit_while_the_old_certificate_is_cancelled(
    cast, tree, eligible, issue
):
    certificate = issue()
    people_services.update_person(person=eligible, by=cast.bureau, unit=tree.unit_a2)
    eligible.refresh_from_db()
    assert eligible.unit == tree.unit_a2
    ready = readiness(eligible)
    assert ready.held_here is None
    assert ready.held_elsewhere == certificate
    page = cast.page("sibling_unit").get(f"/people/{eligible.pk}/").content.decode()
    assert 'data-testid="blocker-held-elsewhere"' in page
    assert APPLY in page


def test_the_application_page_shows_the_bureau_the_conditions_and_membership(cast, eligible):
    application = services.apply(person=eligible, by=cast.own_unit)
    services.review(application=application, by=cast.own_unit, passed=True)
    services.submit(application=application, by=cast.own_unit)
    client = cast.page("bureau")
    page = client.get(f"/certificates/applications/{application.pk}/").content.decode()
    assert page.count('data-testid="condition"') == 5
    assert "均已具备" in page
    assert 'data-testid="no-membership"' in page
    # Not "an application under way" about itself.
    assert 'data-testid="blocker-open"' not in page

    services.record_membership(
        person=eligible, by=cast.association, member_number="CY2020001", joined_on=date(2020, 1, 1)
    )
    page = client.get(f"/certificates/applications/{application.pk}/").content.decode()
    assert 'data-testid="current-membership"' in page
    assert "CY2020001" in page
    # The association is not offered to register from the bureau's page.
    assert 'data-testid="record-membership"' not in page


def test_a_condition_lost_after_submission_shows_on_the_approval_page(cast, eligible):
    application = services.apply(person=eligible, by=cast.own_unit)
    services.review(application=application, by=cast.own_unit, passed=True)
    services.submit(application=application, by=cast.own_unit)
    people_services.update_person(person=eligible, by=cast.own_unit, full_time_legal=False)
    page = cast.page("bureau").get(f"/certificates/applications/{application.pk}/").content
    text = page.decode()
    assert "尚不具备" in text
    assert text.count(UNMET_ROW) == 1
    assert "专门从事法律事务工作" in text.split(UNMET_ROW)[1].split("</tr>")[0]
