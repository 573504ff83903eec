"""三员分立: no administrator obtains a business role's powers or another
administrator's identity."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from govcounsel.accounts import services
from govcounsel.accounts.choices import Role
from govcounsel.accounts.models import AdminPasswordReset, RoleGrant, User
from govcounsel.accounts.scopes import forget_grants, roles_of
from govcounsel.accounts.tests.factories import UserFactory, user_with
from govcounsel.core.errors import NotPermitted
from govcounsel.tests.helpers import events


def _link(message) -> str:
    return re.search(r"https?://[^/\s]+(/accounts/activate/\S+)", message.body).group(1)


@pytest.mark.django_db
def test_a_new_account_gets_a_one_time_link_the_administrator_never_sees(client):
    secadmin = user_with(Role.SECURITY_ADMIN, is_staff=True)
    client.force_login(secadmin)
    page = client.post(
        "/admin/accounts/user/add/",
        {"username": "newcomer", "last_name": "李", "first_name": "四", "email": "li@example.cn"},
        follow=True,
    )
    assert page.status_code == 200
    user = User.objects.get(username="newcomer")
    assert not user.has_usable_password()
    assert user.must_change_password
    assert "/accounts/activate/" not in page.content.decode()
    assert [m.to for m in mail.outbox] == [["li@example.cn"]]
    assert len(events("accounts.user.created")) == 1

    client.logout()
    link = _link(mail.outbox[0])
    form = client.get(link, follow=True)
    set_url = form.redirect_chain[-1][0]
    done = client.post(
        set_url, {"new_password": "Own-Choice-2026", "new_password_again": "Own-Choice-2026"}
    )
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Own-Choice-2026")
    assert not user.must_change_password
    # Single use: the same link no longer opens.
    again = client.get(link, follow=True)
    assert "link-invalid" in again.content.decode()


@pytest.mark.django_db
def test_the_back_office_cannot_set_anyones_password(client):
    client.force_login(user_with(Role.SECURITY_ADMIN, is_staff=True))
    victim = user_with(Role.AUDIT_ADMIN)
    url = f"/admin/accounts/user/{victim.pk}/password/"
    assert client.get(url).status_code == 403
    response = client.post(url, {"password1": "Taken-Over-99", "password2": "Taken-Over-99"})
    assert response.status_code == 403
    victim.refresh_from_db()
    assert not victim.check_password("Taken-Over-99")


@pytest.mark.django_db
def test_no_administrator_resets_another_administrators_password_alone():
    secadmin = user_with(Role.SECURITY_ADMIN)
    auditor = user_with(Role.AUDIT_ADMIN, email="audit@example.cn")
    with pytest.raises(NotPermitted, match="不能由一名管理员单独重置"):
        services.reset_password(user=auditor, by=secadmin)
    assert auditor.has_usable_password()
    assert len(events("accounts.password.reset_refused")) == 1

    request = services.request_admin_reset(target=auditor, by=secadmin)
    other_security = user_with(Role.SECURITY_ADMIN)
    for wrong in (secadmin, auditor, other_security):
        with pytest.raises(NotPermitted):
            services.confirm_admin_reset(reset=request, by=wrong)
    assert mail.outbox == []
    sysadmin = user_with(Role.SYSTEM_ADMIN)
    services.confirm_admin_reset(reset=request, by=sysadmin)
    auditor.refresh_from_db()
    assert not auditor.has_usable_password()
    assert auditor.must_change_password
    assert [m.to for m in mail.outbox] == [["audit@example.cn"]]
    assert AdminPasswordReset.objects.get().confirmed_by == sysadmin
    assert len(events("accounts.admin_reset.confirmed")) == 1


@pytest.mark.django_db
def test_a_business_account_is_reset_by_a_link_to_its_holder():
    secadmin = user_with(Role.SECURITY_ADMIN)
    holder = UserFactory(email="holder@example.cn")
    services.reset_password(user=holder, by=secadmin)
    holder.refresh_from_db()
    assert not holder.has_usable_password()
    assert [m.to for m in mail.outbox] == [["holder@example.cn"]]
    # The administrator cannot redirect the link: the address is the holder's once activated.
    holder.set_password("Own-Choice-2026")
    holder.save()
    with pytest.raises(services.DomainError, match="电子邮箱只能由本人修改"):
        services.update_account(user=holder, by=secadmin, email="attacker@example.cn")


@pytest.mark.django_db
def test_a_grant_that_reads_identity_waits_for_a_justice_bureau_of_the_region(tree, client):
    secadmin = user_with(Role.SECURITY_ADMIN)
    accomplice = UserFactory()
    grant = services.grant_role(
        by=secadmin, user=accomplice, role=Role.JUSTICE_BUREAU, region=tree.chaoyang
    )
    assert grant.pending
    assert roles_of(accomplice) == set()
    client.force_login(accomplice)
    assert client.get(f"/api/v1/people/{tree.person_a.pk}/").status_code in {403, 404}

    # Neither the administrator nor a supervisor nor a bureau elsewhere may approve it.
    supervisor = user_with(Role.SUPERVISOR, tree.chaoyang)
    for wrong in (secadmin, supervisor, accomplice):
        with pytest.raises(NotPermitted):
            services.approve_grant(grant=grant, by=wrong)
    bureau = user_with(Role.JUSTICE_BUREAU, tree.beijing)
    client.force_login(bureau)
    assert grant.pk in [g.pk for g in client.get("/accounts/grants/pending/").context["grants"]]
    assert client.post(f"/accounts/grants/{grant.pk}/approve/").status_code == 302
    grant.refresh_from_db()
    assert not grant.pending
    assert grant.approved_by == bureau
    forget_grants(accomplice)
    assert roles_of(accomplice) == {Role.JUSTICE_BUREAU}
    assert len(events("accounts.grant.requested")) == 1
    assert len(events("accounts.grant.approved")) == 1


@pytest.mark.django_db
def test_other_grants_take_effect_at_once_and_are_audited(tree):
    secadmin = user_with(Role.SECURITY_ADMIN)
    user = UserFactory()
    grant = services.grant_role(by=secadmin, user=user, role=Role.SUPERVISOR, region=tree.chaoyang)
    assert not grant.pending
    assert roles_of(user) == {Role.SUPERVISOR}
    services.revoke_grant(grant=grant, by=secadmin)
    assert not RoleGrant.objects.filter(user=user).exists()
    assert len(events("accounts.grant.created")) == 1
    assert len(events("accounts.grant.revoked")) == 1


@pytest.mark.django_db
def test_granting_in_the_back_office_goes_through_the_service(tree, client):
    secadmin = user_with(Role.SECURITY_ADMIN, is_staff=True)
    user = UserFactory()
    client.force_login(secadmin)
    response = client.post(
        "/admin/accounts/rolegrant/add/",
        {"user": user.pk, "role": Role.JUSTICE_BUREAU, "region": tree.chaoyang.pk, "unit": ""},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert RoleGrant.objects.get(user=user).pending
    assert len(events("accounts.grant.requested")) == 1


@pytest.mark.django_db
def test_whoever_must_act_next_is_told_at_once(tree):
    from govcounsel.core.models import Notification

    secadmin = user_with(Role.SECURITY_ADMIN)
    bureau_above = user_with(Role.JUSTICE_BUREAU, tree.beijing)
    bureau_elsewhere = user_with(Role.JUSTICE_BUREAU, tree.chenggu)
    services.grant_role(
        by=secadmin, user=UserFactory(), role=Role.JUSTICE_BUREAU, region=tree.chaoyang
    )
    told = set(Notification.objects.values_list("recipient_id", flat=True))
    assert told == {bureau_above.pk}
    assert bureau_elsewhere.pk not in told

    Notification.objects.all().delete()
    auditor = user_with(Role.AUDIT_ADMIN)
    sysadmin = user_with(Role.SYSTEM_ADMIN)
    other_security = user_with(Role.SECURITY_ADMIN)
    services.request_admin_reset(target=auditor, by=secadmin)
    told = set(Notification.objects.values_list("recipient_id", flat=True))
    assert told == {sysadmin.pk}  # another duty than the requester's, not the target
    assert other_security.pk not in told
