"""The demo's login accounts: one published password and, for the roles that need it, a
fixed TOTP key, both only for the demo database."""

from __future__ import annotations

import hashlib

from django_otp.plugins.otp_totp.models import TOTPDevice

from govcounsel.accounts.choices import Role
from govcounsel.accounts.models import RoleGrant, User
from govcounsel.accounts.two_factor import TWO_FACTOR_ROLES
from govcounsel.organisations.models import Region, Unit
from govcounsel.people.models import Person

# Published in the README: these accounts exist only in the demo database.
DEMO_PASSWORD = "Gov-Demo-2026!"  # noqa: S105


def demo_totp_key(username: str) -> str:
    """The demo account's TOTP key (hex), fixed so that demo_logins can print it: published
    like the password, and like it only for the demo database."""
    return hashlib.sha1(f"govcounsel-demo-{username}".encode()).hexdigest()  # noqa: S324


def make_account(
    username: str,
    display: str,
    role: Role,
    *,
    region: Region | None = None,
    unit: Unit | None = None,
    person: Person | None = None,
) -> User:
    """A demo login holding one role at its anchor, with two-factor where the role needs it."""
    user = User(username=username, last_name=display or (person.name if person else ""))
    user.is_staff = role in {Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN}
    if person is not None:
        user.person = person
    user.set_password(DEMO_PASSWORD)
    user.save()
    RoleGrant.objects.create(user=user, role=role, region=region, unit=unit)
    if role in TWO_FACTOR_ROLES:
        # Two-factor login is enforced for these roles; demo_logins prints the secret.
        TOTPDevice.objects.create(
            user=user, name="totp", key=demo_totp_key(username), confirmed=True
        )
    return user
