"""Disputes of the test tree's unit_a (朝阳区), in the states each verb starts from: plain
functions of the cast (or of a generic case's scene), going through the services."""

from __future__ import annotations

from datetime import date
from typing import Any

from govcounsel.disputes import services
from govcounsel.disputes.choices import Condition
from govcounsel.disputes.models import Dispute

PHONE = "13812345678"
ALL_MET = {c.value: (True, "符合：由该机关的行政处罚决定引起") for c in Condition}


def _cast(scene_or_cast: Any) -> Any:
    return getattr(scene_or_cast, "cast", scene_or_cast)


def registered(scene_or_cast: Any, *, by: str = "own_unit", **fields: Any) -> Dispute:
    cast = _cast(scene_or_cast)
    values = {
        "title": "某商户不服罚款决定",
        "counterparty_kind": "person",
        "counterparty_name": "张某",
        "counterparty_phone": PHONE,
        "act_kind": "act",
        "act": "对某商户作出罚款五千元的行政处罚决定",
        "contested": "处罚是否过重",
        "origin": "reconsideration",
        "arose_on": date(2026, 3, 2),
        **fields,
    }
    return services.register_dispute(unit=cast.tree.unit_a, by=cast.user(by), **values)


def qualified(scene_or_cast: Any) -> Dispute:
    cast = _cast(scene_or_cast)
    return services.qualify(dispute=registered(cast), by=cast.own_unit, answers=ALL_MET)


def guided(scene_or_cast: Any) -> Dispute:
    cast = _cast(scene_or_cast)
    return services.guide(
        dispute=qualified(cast),
        by=cast.own_unit,
        channels=["settlement", "mediation", "reconsideration"],
        chosen="mediation",
    )


def assigned(scene_or_cast: Any) -> Dispute:
    """Handling, with the lawyer (person_a) as lead."""
    cast = _cast(scene_or_cast)
    return services.assign(dispute=guided(cast), by=cast.own_unit, lawyer=cast.lawyer.person)


def with_conflict(scene_or_cast: Any) -> Dispute:
    cast = _cast(scene_or_cast)
    dispute = assigned(cast)
    services.report_conflict(dispute=dispute, by=cast.lawyer, description="本周承担执法检查任务")
    return Dispute.objects.get(pk=dispute.pk)
