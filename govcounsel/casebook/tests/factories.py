"""Typical cases of the test tree's unit_a (朝阳区) in the states each verb starts from:
plain functions of the cast (or a generic case's scene), through the casebook's services.

The dispute a case rests on is written straight to its closed, resolved state: how a dispute
gets there is the disputes app's to test, and a typical case starts where it ends."""

from __future__ import annotations

from itertools import count
from typing import Any

from django.utils import timezone

from govcounsel.casebook import services
from govcounsel.casebook.models import TypicalCase
from govcounsel.disputes.choices import DisputeStatus, Outcome
from govcounsel.disputes.models import Dispute

COUNTERPARTY = "张建华"
PHONE = "13812345678"
ID_NUMBER = "11010519491231002X"
_serial = count(1)


def _cast(scene_or_cast: Any) -> Any:
    return getattr(scene_or_cast, "cast", scene_or_cast)


def closed_dispute(
    unit: Any,
    *,
    outcome: str = Outcome.MEDIATED,
    counterparty: str = COUNTERPARTY,
    **fields: Any,
) -> Dispute:
    n = next(_serial)
    values = {
        "title": f"{counterparty}不服罚款决定争议{n}",
        "counterparty_kind": "person",
        "counterparty_name": counterparty,
        "counterparty_phone": PHONE,
        "act_kind": "act",
        "act": f"对{counterparty}作出罚款五千元的行政处罚决定",
        "contested": f"{counterparty}（电话{PHONE}）认为处罚过重",
        "origin": "reconsideration",
        "outcome_note": f"经公职律师释法说理，{counterparty}与执法机关达成调解协议。",
        **fields,
    }
    return Dispute.objects.create(
        unit=unit,
        status=DisputeStatus.CLOSED,
        outcome=outcome,
        closed_at=timezone.now(),
        **values,
    )


def nominated(scene_or_cast: Any, **fields: Any) -> TypicalCase:
    cast = _cast(scene_or_cast)
    dispute = closed_dispute(cast.tree.unit_a, **fields)
    return services.nominate(dispute=dispute, by=cast.own_unit, reason="释法说理到位，当场化解")


def editing(scene_or_cast: Any) -> TypicalCase:
    cast = _cast(scene_or_cast)
    case = nominated(cast)
    case = services.accept(case=case, by=cast.bureau)
    return services.edit(
        case=case,
        by=cast.bureau,
        key_points="公职律师提前介入，把争议化解在复议之前。",
        subtitle="市场监管领域行政处罚争议调解",
    )


def ready(scene_or_cast: Any) -> TypicalCase:
    """Edited and anonymised: ready to publish."""
    cast = _cast(scene_or_cast)
    return services.anonymise(case=editing(cast), by=cast.bureau)


def published(scene_or_cast: Any) -> TypicalCase:
    cast = _cast(scene_or_cast)
    return services.publish(case=ready(cast), by=cast.bureau)
