"""Factories shared across apps (each app's tests/factories.py re-exports what it owns)."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

import factory

from govcounsel.accounts.choices import Role
from govcounsel.accounts.models import RoleGrant, User
from govcounsel.demo import generators as gen
from govcounsel.organisations.models import Region, Unit
from govcounsel.people.models import LegalAdviser, Person, Qualification

_rng = random.Random(7)


def make_region(code: str, name: str, parent: Region | None = None) -> Region:
    return Region.objects.insert(code=code, name=name, parent=parent)


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    name = factory.Sequence(lambda n: f"测试单位{n}")
    kind = "government_organ"
    level = "county"
    has_enforcement_power = False
    credit_code = factory.LazyAttribute(lambda o: gen.credit_code(_rng, o.region.code, o.kind))


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"张{'三四五六七八九十'[n % 8]}{n}")
    sex = "M"
    phone = "13800138000"
    is_civil_servant = True
    full_time_legal = False

    @classmethod
    def _create(
        cls, model_class: type[Person], *args: Any, id_number: str | None = None, **kwargs: Any
    ) -> Person:
        person = model_class(**kwargs)
        birth = date(1980 + _rng.randrange(20), 1 + _rng.randrange(12), 1 + _rng.randrange(28))
        while True:
            number = id_number or gen.id_number(_rng, birth=birth, sex=person.sex, region="110105")
            if id_number or not Person.objects.with_id_number(number).exists():
                break
        person.set_id_number(number)
        person.save()
        return person


class QualificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Qualification

    kind = "legal_a"
    certificate_number = factory.Sequence(lambda n: f"A2019110105{n:05d}")
    obtained_on = date(2019, 3, 1)


class LegalAdviserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LegalAdviser

    kind = "external"
    name = factory.Sequence(lambda n: f"顾问{n}")
    organisation = "北京市朝正律师事务所"
    phone = "13900139000"
    service_start = date(2023, 1, 1)


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
