import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from govcounsel.accounts.choices import Role
from govcounsel.accounts.models import RoleGrant
from govcounsel.accounts.tests.factories import user_with
from govcounsel.core.errors import DomainError, NotPermitted
from govcounsel.matters import services
from govcounsel.matters.models import DispatchRequest, Expertise
from govcounsel.matters.selectors import public_lawyers_of, rank_candidates
from govcounsel.organisations.tests.factories import UnitFactory
from govcounsel.people.tests.factories import PersonFactory


@pytest.fixture
def system(tree, clerk, certify):
    """北京市公安局 heads a system: itself, 朝阳分局 (unit_a2, no lawyer) and 海淀分局."""
    haidian_branch = UnitFactory(
        name="北京市公安局海淀分局", region=tree.haidian, vertical_superior=tree.city_unit
    )
    RoleGrant.objects.create(user=clerk, role=Role.UNIT_ADMIN, unit=haidian_branch)
    city_lawyer = PersonFactory(name="市局律师", unit=tree.city_unit)
    branch_lawyer = PersonFactory(name="海淀律师", unit=haidian_branch)
    for person in (city_lawyer, branch_lawyer):
        certify(person)
    tax = Expertise.objects.create(name="行政诉讼")
    tax.people.add(branch_lawyer)
    return {
        "city_lawyer": city_lawyer,
        "branch_lawyer": branch_lawyer,
        "expertise": tax,
        "superior_admin": user_with(Role.SUPERIOR_ADMIN, tree.city_unit, username="superior"),
        "requester": user_with(Role.UNIT_ADMIN, tree.unit_a2, username="requester"),
    }


def ask(tree, system, **extra):
    today = timezone.localdate()
    return services.request_dispatch(
        unit=tree.unit_a2,
        by=system["requester"],
        category="litigation",
        starts_on=today,
        ends_on=today + timedelta(days=60),
        reason="本单位暂无公职律师，有一起行政诉讼需要应诉。",
        **extra,
    )


def test_only_a_unit_without_public_lawyers_may_ask(tree, system, cast):
    with pytest.raises(DomainError) as refused:
        services.request_dispatch(
            unit=tree.unit_a,
            by=cast.own_unit,
            category="cases",
            starts_on=timezone.localdate(),
            ends_on=timezone.localdate(),
            reason="x",
        )
    assert refused.value.code in {"has_public_lawyer", "no_superior"}


def test_candidates_ranked_by_expertise_load_and_nearness(tree, system):
    request = ask(tree, system, expertise=system["expertise"])
    ranked = [c.person.name for c in rank_candidates(request)]
    assert ranked == ["海淀律师", "市局律师"]  # expertise first
    plain = DispatchRequest.objects.create(
        unit=tree.unit_a2,
        superior=tree.city_unit,
        category="cases",
        starts_on=timezone.localdate(),
        ends_on=timezone.localdate(),
        reason="x",
    )
    ranked = [(c.person.name, c.distance) for c in rank_candidates(plain)]
    assert ranked == [
        ("海淀律师", 1),
        ("市局律师", 2),
    ]  # same city beats the municipality's own organ


def test_dispatch_makes_the_lawyer_assignable_for_the_period(tree, system):
    request = ask(tree, system)
    services.dispatch(request=request, by=system["superior_admin"], lawyer=system["branch_lawyer"])
    assert list(public_lawyers_of(tree.unit_a2)) == [system["branch_lawyer"]]
    assert list(public_lawyers_of(tree.unit_a2, own_only=True)) == []
    assert (
        public_lawyers_of(tree.unit_a2, on=timezone.localdate() + timedelta(days=61)).count() == 0
    )
    matter = services.register_matter(
        unit=tree.unit_a2,
        by=system["requester"],
        title="行政诉讼应诉",
        category="litigation",
        subtype="litigation",
        working_days=10,
    )
    services.assign(matter=matter, by=system["requester"], lawyer=system["branch_lawyer"])


def test_only_the_superior_dispatches_and_only_from_its_pool(tree, system, cast):
    request = ask(tree, system)
    with pytest.raises(NotPermitted):
        services.dispatch(request=request, by=system["requester"], lawyer=system["branch_lawyer"])
    with pytest.raises(DomainError) as refused:
        services.dispatch(request=request, by=system["superior_admin"], lawyer=tree.person_a)
    assert refused.value.code == "not_in_pool"
    services.reject_dispatch(
        request=request, by=system["superior_admin"], answer="本系统律师均有承办任务"
    )
    request.refresh_from_db()
    assert request.status == "rejected"


def test_the_cap_on_open_load(tree, system, settings):
    settings.DISPATCH_LOAD_CAP = 1
    first, second = (
        ask(tree, system),
        DispatchRequest.objects.create(
            unit=tree.unit_a2,
            superior=tree.city_unit,
            category="cases",
            starts_on=timezone.localdate(),
            ends_on=timezone.localdate(),
            reason="x",
        ),
    )
    services.dispatch(request=first, by=system["superior_admin"], lawyer=system["branch_lawyer"])
    with pytest.raises(DomainError) as refused:
        services.dispatch(
            request=second, by=system["superior_admin"], lawyer=system["branch_lawyer"]
        )
    assert refused.value.code == "over_capacity"


@pytest.mark.django_db(transaction=True)
def test_two_administrators_at_the_same_moment_one_is_refused(tree, system, settings):
    settings.DISPATCH_LOAD_CAP = 1
    other_admin = user_with(Role.SUPERIOR_ADMIN, tree.city_unit, username="superior2")
    requests = [ask(tree, system), ask(tree, system)]
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def send(request, admin):
        try:
            barrier.wait()
            services.dispatch(request=request, by=admin, lawyer=system["branch_lawyer"])
            outcomes.append("dispatched")
        except DomainError as error:
            outcomes.append(error.code)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=send, args=(requests[0], system["superior_admin"])),
        threading.Thread(target=send, args=(requests[1], other_admin)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["dispatched", "over_capacity"]
    assert DispatchRequest.objects.filter(status="dispatched").count() == 1


def test_dispatch_through_the_api_and_pages(tree, system, client):
    from govcounsel.tests.helpers import client_for

    today = timezone.localdate()
    requester = client_for(system["requester"])
    created = requester.post(
        "/api/v1/dispatch-requests/",
        {
            "unit": tree.unit_a2.pk,
            "category": "litigation",
            "starts_on": str(today),
            "ends_on": str(today + timedelta(days=30)),
            "reason": "应诉",
        },
        format="json",
    )
    assert created.status_code == 201, created.json()
    pk = created.json()["id"]
    assert requester.get(f"/api/v1/dispatch-requests/{pk}/candidates/").status_code == 403
    superior = client_for(system["superior_admin"])
    names = [c["name"] for c in superior.get(f"/api/v1/dispatch-requests/{pk}/candidates/").json()]
    assert set(names) == {"海淀律师", "市局律师"}
    done = superior.post(
        f"/api/v1/dispatch-requests/{pk}/dispatch/",
        {"lawyer": system["branch_lawyer"].pk},
        format="json",
    )
    assert done.json()["status"] == "dispatched"
    # Both units' pages show it.
    client.force_login(system["requester"])
    assert "海淀律师" in client.get(f"/organisations/units/{tree.unit_a2.pk}/").content.decode()
    client.force_login(system["superior_admin"])
    branch = system["branch_lawyer"].unit
    assert "海淀律师" in client.get(f"/organisations/units/{branch.pk}/").content.decode()
    assert "海淀律师" in client.get("/matters/pool/").content.decode()
    assert "海淀律师" in client.get(f"/matters/dispatch/{pk}/").content.decode()


def test_dispatch_pages_refuse_others(tree, system, client, cast):
    request = ask(tree, system)
    client.force_login(cast.own_unit)
    assert client.get("/matters/pool/").status_code == 403
    assert client.get(f"/matters/dispatch/{request.pk}/").status_code == 404


def test_each_candidates_dispatch_button_asks_what_the_verb_asks(tree, system, client):
    from govcounsel.core import verbs

    request = ask(tree, system)
    client.force_login(system["superior_admin"])
    page = client.get(f"/matters/dispatch/{request.pk}/").content.decode()
    question = str(verbs.find("matters.dispatchrequest", "dispatch").confirm)
    assert question
    buttons = page.count('data-testid="dispatch-')
    assert buttons >= 2
    # Every candidate's form carries the question, and so does the verb's own panel.
    assert page.count(f'data-confirm="{question}"') >= buttons
