"""Factories of staff records, qualifications and advisers."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

import factory

from govcounsel.core.history import HISTORY_EPOCH
from govcounsel.demo import generators as gen
from govcounsel.people.models import LegalAdviser, Person, Qualification

_rng = random.Random(11)


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
        cls,
        model_class: type[Person],
        *args: Any,
        id_number: str | None = None,
        version_from: date = HISTORY_EPOCH,
        **kwargs: Any,
    ) -> Person:
        person = model_class(**kwargs)
        # On record since long ago by default: the first dated version (ADR 0009) starts here.
        person.version_from = version_from
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
