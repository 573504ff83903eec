"""The shared list of fields of expertise and the pool's tags, kept by the superior units'
administrators in their own pages (001 一(三)): a dispatch request names a field in use."""

import pytest
from django.urls import reverse

from govcounsel.core.errors import DomainError, NotPermitted
from govcounsel.core.models import AuditEvent
from govcounsel.matters.models import Expertise
from govcounsel.matters.services import expertise as services
from govcounsel.matters.views.dispatch import DispatchRequestForm
from govcounsel.people.tests.factories import PersonFactory


@pytest.fixture
def pool_lawyer(cast):
    """A certified lawyer of the city bureau: in the pool of the system `superior` heads."""
    person = PersonFactory(name="市局律师", unit=cast.tree.city_unit)
    cast.certify(person)
    return person


@pytest.fixture
def fields(cast):
    return [services.add_expertise(by=cast.superior, name=n) for n in ("行政诉讼", "合同审查")]


def events(action):
    return list(AuditEvent.objects.filter(action=action).order_by("pk"))


# --- the list ---------------------------------------------------------------------------------


def test_the_superior_adds_renames_retires_and_restores_a_field(cast):
    added = services.add_expertise(by=cast.superior, name="  征收  补偿 ")
    assert added.name == "征收 补偿"
    assert added.active
    services.rename_expertise(expertise=added, by=cast.superior, name="征收补偿")
    services.set_expertise_active(expertise=added, by=cast.superior, active=False)
    assert not Expertise.objects.get(pk=added.pk).active
    services.set_expertise_active(expertise=added, by=cast.superior, active=True)
    assert Expertise.objects.get(pk=added.pk).name == "征收补偿"
    assert [len(events(f"matters.expertise.{a}")) for a in ("added", "renamed", "retired")] == [
        1,
        1,
        1,
    ]
    assert len(events("matters.expertise.restored")) == 1


@pytest.mark.parametrize("role", ["own_unit", "bureau", "parent_region", "lawyer"])
def test_no_one_else_keeps_the_list(cast, role):
    with pytest.raises(NotPermitted):
        services.add_expertise(by=cast.user(role), name="行政复议")
    assert not Expertise.objects.exists()


def test_a_name_on_the_list_is_refused_and_a_retired_one_is_to_be_restored(cast, fields):
    with pytest.raises(DomainError) as taken:
        services.add_expertise(by=cast.superior, name="行政诉讼")
    assert (taken.value.code, taken.value.field) == ("duplicate_expertise", "name")
    services.set_expertise_active(expertise=fields[0], by=cast.superior, active=False)
    with pytest.raises(DomainError) as retired:
        services.add_expertise(by=cast.superior, name="行政诉讼")
    assert "恢复使用" in str(retired.value.message)
    with pytest.raises(DomainError):
        services.rename_expertise(expertise=fields[1], by=cast.superior, name="行政诉讼")
    with pytest.raises(DomainError) as blank:
        services.add_expertise(by=cast.superior, name="   ")
    assert blank.value.code == "name_required"


def test_a_dispatch_request_is_offered_the_fields_in_use(cast, fields):
    services.set_expertise_active(expertise=fields[1], by=cast.superior, active=False)
    form = DispatchRequestForm(user=cast.sibling_unit)
    assert list(form.fields["expertise"].queryset) == [fields[0]]


# --- the tags ---------------------------------------------------------------------------------


def test_a_pool_lawyer_is_tagged_and_the_change_recorded(cast, fields, pool_lawyer):
    litigation, contracts = fields
    services.tag_lawyer(person=pool_lawyer, by=cast.superior, expertise=[litigation, contracts])
    services.tag_lawyer(person=pool_lawyer, by=cast.superior, expertise=[contracts])
    assert list(pool_lawyer.expertise.all()) == [contracts]
    first, second = events("matters.expertise.tagged")
    assert first.data == {"added": ["合同审查", "行政诉讼"], "removed": []}
    assert second.data == {"added": [], "removed": ["行政诉讼"]}
    services.tag_lawyer(person=pool_lawyer, by=cast.superior, expertise=[contracts])
    assert len(events("matters.expertise.tagged")) == 2  # nothing changed, nothing recorded


def test_a_retired_tag_stays_and_cannot_be_given(cast, fields, pool_lawyer):
    litigation, contracts = fields
    services.tag_lawyer(person=pool_lawyer, by=cast.superior, expertise=[litigation])
    services.set_expertise_active(expertise=litigation, by=cast.superior, active=False)
    services.tag_lawyer(person=pool_lawyer, by=cast.superior, expertise=[contracts])
    assert set(pool_lawyer.expertise.all()) == {litigation, contracts}
    with pytest.raises(DomainError) as refused:
        services.tag_lawyer(person=pool_lawyer, by=cast.superior, expertise=[litigation])
    assert refused.value.code == "expertise_retired"


def test_only_lawyers_of_the_superiors_pool_are_tagged(cast, fields):
    staff = PersonFactory(name="孙科员", unit=cast.tree.unit_a)  # no certificate, no pool
    with pytest.raises(NotPermitted):
        services.tag_lawyer(person=staff, by=cast.superior, expertise=fields)
    with pytest.raises(NotPermitted):
        services.tag_lawyer(person=cast.lawyer.person, by=cast.own_unit, expertise=fields)
    assert not staff.expertise.exists()


# --- the pages --------------------------------------------------------------------------------


def test_the_pool_page_links_the_list_and_each_lawyers_tags(cast, fields, pool_lawyer):
    page = cast.page("superior").get(reverse("matters:pool")).content.decode()
    assert reverse("matters:expertise") in page
    assert reverse("matters:pool-tags", args=[pool_lawyer.pk]) in page


def test_a_field_is_added_and_retired_from_the_list_page(cast):
    client = cast.page("superior")
    url = reverse("matters:expertise")
    assert client.post(url, {"name": "政府信息公开"}).status_code == 302
    added = Expertise.objects.get(name="政府信息公开")
    again = client.post(url, {"name": "政府信息公开"})
    assert again.status_code == 200
    assert "已有" in again.content.decode()
    response = client.post(reverse("matters:expertise-active", args=[added.pk]), {"active": "0"})
    assert response.status_code == 302
    assert not Expertise.objects.get(pk=added.pk).active
    listed = client.get(url).content.decode()
    assert "已停用" in listed
    assert f'data-testid="restore-{added.pk}"' in listed


def test_a_request_that_does_not_say_retire_or_restore_changes_nothing(cast, fields):
    client = cast.page("superior")
    response = client.post(reverse("matters:expertise-active", args=[fields[0].pk]), {})
    assert response.status_code == 302
    assert Expertise.objects.get(pk=fields[0].pk).active
    assert "请求无效" in client.get(response["Location"]).content.decode()


def test_others_are_refused_the_list_pages(cast, fields):
    for role in ("own_unit", "bureau", "lawyer"):
        client = cast.page(role)
        assert client.get(reverse("matters:expertise")).status_code == 403
        response = client.post(
            reverse("matters:expertise-active", args=[fields[0].pk]), {"active": "0"}
        )
        assert response.status_code == 403
    assert Expertise.objects.get(pk=fields[0].pk).active


def test_the_tags_page_saves_the_fields_in_use(cast, fields, pool_lawyer):
    litigation, contracts = fields
    services.set_expertise_active(expertise=contracts, by=cast.superior, active=False)
    client = cast.page("superior")
    url = reverse("matters:pool-tags", args=[pool_lawyer.pk])
    form = client.get(url).content.decode()
    assert "行政诉讼" in form
    assert "合同审查" not in form
    response = client.post(url, {"expertise": [litigation.pk]})
    assert response.status_code == 302
    assert list(pool_lawyer.expertise.all()) == [litigation]
    refused = client.post(url, {"expertise": [contracts.pk]})  # retired: not a valid choice
    assert refused.status_code == 200
    assert list(pool_lawyer.expertise.all()) == [litigation]


def test_the_tags_page_of_someone_outside_the_pool_is_refused(cast, fields):
    staff = PersonFactory(name="孙科员", unit=cast.tree.unit_a)
    url = reverse("matters:pool-tags", args=[staff.pk])
    assert cast.page("own_unit").get(url).status_code == 403  # sees the person, no pool
    assert cast.page("superior").get(url).status_code == 404  # not of its system
