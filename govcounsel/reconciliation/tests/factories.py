"""The centre's world in the test tree: a rule for 朝阳区 and disputes of unit_a."""

from __future__ import annotations

from datetime import date
from typing import Any

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.disputes.choices import DisputeStatus
from govcounsel.disputes.models import Dispute


def centre_user(region: Any, username: str = "centre") -> Any:
    return user_with(Role.RECONCILIATION_ADMIN, region, username=username)


def office_user(unit: Any, username: str) -> Any:
    return user_with(Role.UNIT_ADMIN, unit, username=username)


def rule_for(region: Any, by: Any, **fields: Any) -> Any:
    from govcounsel.reconciliation import services

    values = {
        "valid_from": date(2022, 2, 1),
        "valid_to": date(2027, 1, 31),
        "basis": "002 第十条",
        "load_cap": 2,
    }
    values.update(fields)
    return services.create_rule(by=by, region=region, **values)


def dispute_of(unit: Any, status: str = DisputeStatus.QUALIFIED, title: str = "某处罚争议") -> Any:
    # The disputes workflow is another app's; the centre only needs one in a worked state.
    return Dispute.objects.create(
        unit=unit,
        title=title,
        counterparty_kind="person",
        counterparty_name="张某",
        act_kind="act",
        act="行政处罚",
        contested="处罚是否适当",
        origin="complaint",
        status=status,
    )
