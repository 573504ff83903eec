"""Factories of accounts and their role grants."""

from __future__ import annotations

from typing import Any

import factory

from govcounsel.accounts.choices import Role
from govcounsel.accounts.models import RoleGrant, User
from govcounsel.organisations.models import Region, Unit


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", "Correct-Horse-42!")

    @factory.post_generation
    def save_password(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create:
            self.save()


def user_with(role: Role, at: Region | Unit | None = None, **user_fields: Any) -> User:
    user: User = UserFactory(**user_fields)  # type: ignore[assignment]
    RoleGrant.objects.create(
        user=user,
        role=role,
        region=at if isinstance(at, Region) else None,
        unit=at if isinstance(at, Unit) else None,
    )
    return user
