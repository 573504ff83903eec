"""Factories of the organisation tree."""

from __future__ import annotations

import random

import factory

from govcounsel.core.history import HISTORY_EPOCH
from govcounsel.demo import generators as gen
from govcounsel.organisations.models import Region, Unit

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
    # Long-standing by default, so that the figures of any past day in a test count it;
    # its first dated version (ADR 0009) is written by Unit.save().
    established_on = HISTORY_EPOCH
    credit_code = factory.LazyAttribute(lambda o: gen.credit_code(_rng, o.region.code, o.kind))
