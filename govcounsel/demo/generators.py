"""Deterministic generators of valid national codes and plausible people, for demo and test data."""

from __future__ import annotations

import random
from datetime import date, timedelta

from govcounsel.core.validators import id_check_digit, organisation_code_check, uscc_check_character

from .places import BIRTHPLACES, GIVEN, SURNAMES

_ORG_BODY = "0123456789"


def credit_code(rng: random.Random, region_code: str, kind: str) -> str:
    """A unified social credit code with valid GB 11714 and GB 32100 check characters.

    1 = registered by the establishment authority (机构编制); 1 = organ, 3 = people's organisation.
    """
    head = "13" if kind == "peoples_organisation" else "11"
    body = "".join(rng.choice(_ORG_BODY) for _ in range(8))
    first17 = head + region_code + body + organisation_code_check(body)
    return first17 + uscc_check_character(first17)


def id_number(rng: random.Random, *, birth: date, sex: str, region: str | None = None) -> str:
    sequence = rng.randrange(0, 100) * 10 + rng.choice(
        [1, 3, 5, 7, 9] if sex == "M" else [0, 2, 4, 6, 8]
    )
    first17 = f"{region or rng.choice(BIRTHPLACES)}{birth:%Y%m%d}{sequence:03d}"
    return first17 + id_check_digit(first17)


def name(rng: random.Random) -> str:
    given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
    return rng.choice(SURNAMES) + given


def birth_date(rng: random.Random) -> date:
    return date(1963, 1, 1) + timedelta(days=rng.randrange(0, 365 * 36))


def mobile(rng: random.Random) -> str:
    return (
        rng.choice(["138", "139", "135", "186", "185", "152", "177"])
        + f"{rng.randrange(0, 10**8):08d}"
    )


def unique_id_number(rng: random.Random, seen: set[str], *, sex: str) -> str:
    """An ID number not in `seen` (and now added to it), for a person born on a random day."""
    while True:
        number = id_number(rng, birth=birth_date(rng), sex=sex)
        if number not in seen:
            seen.add(number)
            return number
