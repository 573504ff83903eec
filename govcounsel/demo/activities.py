"""Liaocheng's activities of 002 §7 and §14: forty entries across the lawyers the demo's
offices keep, every kind, some typed by the office for two or three lawyers at once, a few
by lawyer_lc. Written through the service, acting as the demo logins; runs after the base
(liaocheng.py) and the disputes and reconciliation demos."""

from __future__ import annotations

import random
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from govcounsel.accounts.choices import Role
from govcounsel.accounts.models import RoleGrant, User
from govcounsel.activities import services
from govcounsel.activities.choices import OUTREACH_KINDS, ActivityKind
from govcounsel.activities.selectors import recordable_people
from govcounsel.core.errors import DomainError

TITLES = {
    ActivityKind.RULE_ADVICE: ["对《行政执法公示办法（征求意见稿）》提出修改意见"],
    ActivityKind.LEGAL_REVIEW: ["辅助审核重大行政处罚决定", "辅助审核行政许可撤销决定"],
    ActivityKind.CALLS_LETTERS: ["答复当事人电话咨询", "办理群众来信"],
    ActivityKind.COMPLAINTS: ["接待投诉举报人", "参与信访接待日"],
    ActivityKind.MEDIATION: ["主持行政调解", "参与行政补偿调解"],
    ActivityKind.RISK_SCREENING: ["参与执法领域行政纠纷隐患排查"],
    ActivityKind.CASE_EXPLAINING: ["以案释法：行政处罚听证程序"],
    ActivityKind.LAW_CLASS: ["专题法课：行政复议法修订要点"],
    ActivityKind.TO_VILLAGES: ["送法进乡村：土地承包与征收"],
    ActivityKind.TO_COMMUNITIES: ["送法进社区：物业与消费维权"],
    ActivityKind.TO_ENTERPRISES: ["送法进企业：市场主体合规经营"],
    ActivityKind.TO_SCHOOLS: ["送法进学校：未成年人保护"],
}
PLACES = ["东昌府区古楼街道", "阳谷县阿城镇", "临清市新华路街道", "聊城市民服务中心", "聊城大学"]


def _offices() -> list[User]:
    """The accounts of the Liaocheng organs' offices (unit_lc, unit_lc_zr, and any other)."""
    grants = RoleGrant.objects.filter(
        role=Role.UNIT_ADMIN,
        pending=False,
        user__is_active=True,
        unit__region__path__startswith=_city_path(),
    ).select_related("user")
    return [grant.user for grant in grants.order_by("user__username")]


def _city_path() -> str:
    from govcounsel.organisations.models import Region

    return Region.objects.get(code="371500").path


def seed_activities(rng: random.Random) -> None:
    today = timezone.localdate()
    offices = [(office, list(recordable_people(office))) for office in _offices()]
    offices = [(office, people) for office, people in offices if people]
    lawyer = User.objects.get(username="lawyer_lc")
    kinds = list(ActivityKind)
    written = 0
    attempts = 0
    while written < 40 and attempts < 200:
        attempts += 1
        kind = kinds[written % len(kinds)]
        day = today - timedelta(days=rng.randint(3, 300))
        fields: dict[str, Any] = {
            "kind": kind,
            "day": day,
            "title": rng.choice(TITLES[kind]),
            "place": rng.choice(PLACES),
            "hours": Decimal(rng.choice(["1.0", "1.5", "2.0", "3.0", "4.0"])),
            "description": "按单位统一安排开展。",
        }
        if kind in OUTREACH_KINDS:
            fields["audience"] = rng.randint(20, 300)
        if written % 8 == 0:
            # lawyer_lc types a few of their own.
            by, people = lawyer, [lawyer.person]
        else:
            office, staff = offices[written % len(offices)]
            # Several lawyers at once for outreach, as the office organises it (002 §14).
            size = rng.choice([2, 3]) if kind in OUTREACH_KINDS else 1
            by, people = office, rng.sample(staff, min(size, len(staff)))
        try:
            services.record_activity(by=by, people=people, **fields)
        except DomainError:
            continue
        written += 1
