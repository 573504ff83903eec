import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from govcounsel.accounts.choices import Role
from govcounsel.accounts.models import RoleGrant
from govcounsel.accounts.tests.factories import UserFactory, user_with


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("first", "second"),
    [
        (Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN),
        (Role.SECURITY_ADMIN, Role.AUDIT_ADMIN),
        (Role.AUDIT_ADMIN, Role.SYSTEM_ADMIN),
    ],
)
def test_one_account_cannot_hold_two_administrator_duties(first, second):
    user = user_with(first)
    grant = RoleGrant(user=user, role=second)
    with pytest.raises(ValidationError, match="三员分立"):
        grant.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        grant.save()


@pytest.mark.django_db
def test_an_administrator_holds_no_business_role(tree):
    admin = user_with(Role.SECURITY_ADMIN)
    with pytest.raises(ValidationError, match="三员分立"):
        RoleGrant(user=admin, role=Role.SUPERVISOR, region=tree.chaoyang).full_clean()
    business = user_with(Role.SUPERVISOR, tree.chaoyang)
    with pytest.raises(ValidationError, match="三员分立"):
        RoleGrant(user=business, role=Role.AUDIT_ADMIN).full_clean()


@pytest.mark.django_db
def test_roles_are_anchored_where_the_domain_grants_them(tree):
    user = UserFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleGrant.objects.create(user=user, role=Role.SUPERVISOR, unit=tree.unit_a)
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleGrant.objects.create(user=user, role=Role.UNIT_ADMIN, region=tree.chaoyang)


@pytest.mark.django_db
def test_each_duty_reaches_only_its_own_back_office(tree, client):
    sysadmin = user_with(Role.SYSTEM_ADMIN, is_staff=True)
    secadmin = user_with(Role.SECURITY_ADMIN, is_staff=True)
    auditor = user_with(Role.AUDIT_ADMIN, is_staff=True)

    client.force_login(sysadmin)
    assert client.get("/admin/organisations/unit/").status_code == 200
    assert client.get("/admin/accounts/user/").status_code == 403
    assert client.get("/admin/core/auditevent/").status_code == 403
    assert client.get("/audit/").status_code == 403

    client.force_login(secadmin)
    assert client.get("/admin/accounts/user/").status_code == 200
    assert client.get("/admin/accounts/rolegrant/add/").status_code == 200
    assert client.get("/admin/organisations/unit/").status_code == 200  # to pick grant anchors
    assert client.get(f"/admin/organisations/unit/{tree.unit_a.pk}/change/").status_code == 200
    response = client.post(f"/admin/organisations/unit/{tree.unit_a.pk}/change/", {"name": "改名"})
    assert response.status_code == 403
    assert client.get("/admin/core/auditevent/").status_code == 403

    client.force_login(auditor)
    assert client.get("/admin/core/auditevent/").status_code == 200
    assert client.get("/admin/accounts/user/").status_code == 403
    assert client.get("/admin/organisations/unit/add/").status_code == 403


@pytest.mark.django_db
def test_business_users_do_not_reach_the_back_office(tree, client):
    client.force_login(user_with(Role.JUSTICE_BUREAU, tree.chaoyang))
    assert client.get("/admin/").status_code == 302
