"""The back office has no side doors (ADR 0008): every model registered there is read-only,
written through its services, or configuration its duty keeps, and declared as such."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.contrib import admin
from django.db import models
from django.forms.models import model_to_dict
from django.test import RequestFactory

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.certificates.models import CancellationCase, Certificate
from govcounsel.core.admin import ConfigurationAdmin, DutyAdmin, ReadOnlyAdmin, ServiceAdmin
from govcounsel.core.models import AuditEvent
from govcounsel.organisations import services as organisation_services
from govcounsel.organisations.models import Region

# Kept in the back office directly, without a service: accounts and grants (the security
# administrator's configuration), lockouts and tokens, the shared list of expertise, and when
# the background jobs run.
# Adding a model here is a decision to write down in ADR 0008, not a way to pass this test.
CONFIGURATION = {
    "accounts.User",
    "accounts.RoleGrant",
    "axes.AccessAttempt",
    "axes.AccessFailureLog",
    "axes.AccessLog",
    "django_q.Schedule",
    "matters.Expertise",
}
KINDS = (ReadOnlyAdmin, ServiceAdmin, ConfigurationAdmin)


def side_doors(registry: dict[Any, admin.ModelAdmin], holders: dict[Role, Any]) -> list[str]:
    """What is wrong with each registration, as "<model>: <reason>"."""
    found = []
    for model, model_admin in registry.items():
        label = model._meta.label
        kinds = [kind.__name__ for kind in KINDS if isinstance(model_admin, kind)]
        if len(kinds) != 1:
            found.append(f"{label}: declares {kinds or 'no kind'}")
            continue
        duty = getattr(model_admin, "duty", Role.SYSTEM_ADMIN)
        request = RequestFactory().get("/admin/")
        request.user = holders[duty]
        may = {
            "add": model_admin.has_add_permission(request),
            "change": model_admin.has_change_permission(request),
            "delete": model_admin.has_delete_permission(request),
        }
        if isinstance(model_admin, ReadOnlyAdmin) and any(may.values()):
            found.append(f"{label}: read-only, yet its duty may {may}")
        if isinstance(model_admin, ServiceAdmin) and (
            may["delete"] or not (model_admin._creates() or model_admin._updates())
        ):
            found.append(f"{label}: a service admin that deletes or names no service")
        if isinstance(model_admin, ConfigurationAdmin) and label not in CONFIGURATION:
            found.append(f"{label}: configuration not listed in ADR 0008")
    return found


@pytest.fixture
def holders(db: None) -> dict[Role, Any]:
    """A holder of each duty, made superuser too: the answer must not depend on that flag."""
    return {
        duty: user_with(duty, is_staff=True, is_superuser=True)
        for duty in (Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN)
    }


def test_every_model_in_the_back_office_is_read_only_or_written_through_its_services(holders):
    assert side_doors(admin.site._registry, holders) == []
    assert {m._meta.label for m in admin.site._registry} >= CONFIGURATION


def test_a_model_registered_the_plain_way_is_a_side_door(holders):
    class Plain(admin.ModelAdmin):
        pass

    class Writable(DutyAdmin):
        pass

    site = admin.AdminSite()
    site.register(Region, Plain)
    site.register(Certificate, Writable)
    assert side_doors(site._registry, holders) == [
        "organisations.Region: declares no kind",
        "certificates.Certificate: declares no kind",
    ]


def _post_data(instance: models.Model, fields: list[str]) -> dict[str, Any]:
    values = model_to_dict(instance, fields=fields)
    return {
        k: ("" if v is None else v.isoformat() if isinstance(v, date) else v)
        for k, v in values.items()
    }


def test_retiring_in_admin_opens_cancellation_case_or_is_refused(tree, certify, client):
    """000 #3: a certificate holder who retires gets a cancellation case. The back office
    cannot retire anyone: staff records change only through the people services."""
    certificate = certify(tree.person_a)
    client.force_login(user_with(Role.SYSTEM_ADMIN, is_staff=True))
    url = f"/admin/people/person/{tree.person_a.pk}/change/"
    assert client.get(url).status_code == 200  # shown, read-only
    data = _post_data(
        tree.person_a, ["name", "sex", "phone", "unit", "is_civil_servant", "full_time_legal"]
    )
    data.update(employment_status="retired", employment_status_date="2025-03-01")
    response = client.post(url, data)
    tree.person_a.refresh_from_db()
    certificate.refresh_from_db()
    opened = CancellationCase.objects.filter(certificate=certificate).exists()
    # Either refused and nothing changed, or retired with the case opened: never retired alone.
    if tree.person_a.employment_status == "retired":
        assert opened
    else:
        assert response.status_code == 403
        assert not opened
        assert certificate.status == "active"


def test_the_back_office_changes_a_unit_through_the_unit_service(tree, client):
    client.force_login(user_with(Role.SYSTEM_ADMIN, is_staff=True))
    unit = tree.unit_a
    data = _post_data(unit, list(organisation_services.UNIT_FIELDS))
    data["name"] = "北京市朝阳区市场监督管理局（新）"
    response = client.post(f"/admin/organisations/unit/{unit.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    unit.refresh_from_db()
    assert unit.name == "北京市朝阳区市场监督管理局（新）"
    assert AuditEvent.objects.filter(action="organisations.unit.updated", object_id=str(unit.pk))


def test_a_region_added_in_the_back_office_obeys_the_region_service(tree, client):
    """A county without its city in the tree is refused beside the form, not filed as a root."""
    client.force_login(user_with(Role.SYSTEM_ADMIN, is_staff=True))
    response = client.post("/admin/organisations/region/add/", {"code": "120101", "name": "和平区"})
    assert response.status_code == 200
    assert "须选择上级区域" in response.content.decode()
    assert not Region.objects.filter(code="120101").exists()
    created = client.post("/admin/organisations/region/add/", {"code": "110106", "name": "丰台区"})
    assert created.status_code == 302
    region = Region.objects.get(code="110106")
    assert Region.objects.get_parent(region) == tree.beijing_city
    assert AuditEvent.objects.filter(action="organisations.region.created")


def test_each_back_office_list_opens_for_its_duty(tree, holders, client):
    for model, model_admin in admin.site._registry.items():
        client.force_login(holders[getattr(model_admin, "duty", Role.SYSTEM_ADMIN)])
        opts = model._meta
        listing = client.get(f"/admin/{opts.app_label}/{opts.model_name}/")
        assert listing.status_code == 200, opts.label
        adding = client.get(f"/admin/{opts.app_label}/{opts.model_name}/add/")
        assert adding.status_code == (
            200 if model_admin.has_add_permission(adding.wsgi_request) else 403
        ), opts.label
    client.force_login(holders[Role.SYSTEM_ADMIN])
    person = client.get(f"/admin/people/person/{tree.person_a.pk}/change/").content.decode()
    assert tree.person_a.id_number_masked in person
    assert tree.person_a.id_number not in person
