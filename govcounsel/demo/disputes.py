"""Demo administrative disputes in Liaocheng (002 §5, §8, §9): about twenty-five disputes of
the city's organs in every state — awaiting qualification, not a dispute (with the guidance
given), awaiting guidance, being resolved with a statutory clock (one run out), closed with
each outcome — several registered by the reconciliation centre, lawyers on them and one
duty conflict waiting for the organ head. Written through the verbs, acting as the logins."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from govcounsel.accounts.models import User
from govcounsel.demo.acting import act
from govcounsel.disputes import services
from govcounsel.disputes.choices import Condition, DisputeStatus, Outcome
from govcounsel.disputes.models import Dispute
from govcounsel.matters.selectors import public_lawyers_of
from govcounsel.organisations.models import Unit

MARKET = "聊城市市场监督管理局"
LAND = "聊城市自然资源和规划局"
# Organs without an office login: the centre registers their disputes, which wait there.
CENTRE_ONLY = [
    "东昌府区综合行政执法局",
    "阳谷县市场监督管理局",
    "临清市人力资源和社会保障局",
    "聊城市住房和城乡建设局",
]

PARTIES = ["张某", "李某", "王某", "赵某", "刘某", "陈某", "杨某", "黄某", "周某", "吴某"]
COMPANIES = ["聊城某食品有限公司", "东昌府区某超市", "阳谷某建材公司", "临清某轴承厂"]

# title, act, contested, origin
MARKET_CASES = [
    (
        "某超市不服过期食品罚款决定",
        "对某超市销售过期食品作出罚款一万元的决定",
        "罚款数额是否适当",
        "reconsideration",
    ),
    ("某餐馆不服责令停业整顿", "责令某餐馆停业整顿十日", "停业期限是否过长", "litigation"),
    ("消费者投诉处理不作为", "未在法定期限内答复消费者投诉", "是否履行法定职责", "complaint"),
    (
        "某药店不服没收违法所得",
        "没收某药店违法所得三千元",
        "违法所得计算是否准确",
        "reconsideration",
    ),
    ("举报虚假宣传未予立案", "对举报的虚假宣传行为决定不予立案", "不予立案是否合法", "report"),
    ("个体户信访反映执法程序", "现场检查时扣押计量器具", "扣押程序是否合法", "petition"),
    ("某公司不服营业执照吊销", "吊销某公司营业执照", "吊销依据是否充分", "litigation"),
    ("某加油站不服计量器具处罚", "对加油机计量超差作出罚款", "检定结论是否可靠", "reconsideration"),
]
LAND_CASES = [
    (
        "某村民不服违法占地处罚",
        "责令退还非法占用的土地并罚款",
        "占地面积认定是否准确",
        "reconsideration",
    ),
    ("某企业不服规划许可变更", "撤销某企业建设工程规划许可证", "撤销程序是否合法", "litigation"),
    ("信息公开申请逾期未答复", "未在法定期限内答复政府信息公开申请", "是否构成不作为", "complaint"),
    ("某户不服不动产登记", "为他人办理不动产转移登记", "登记审查是否尽责", "reconsideration"),
    ("举报非法采矿处理不当", "对举报的非法采矿行为仅作警告", "处理是否过轻", "report"),
    ("征地补偿信访", "作出征地补偿安置方案", "补偿标准是否合理", "petition"),
]


def _party(rng: random.Random) -> dict[str, Any]:
    if rng.random() < 0.3:
        return {"counterparty_kind": "organisation", "counterparty_name": rng.choice(COMPANIES)}
    return {"counterparty_kind": "person", "counterparty_name": rng.choice(PARTIES)}


def _phone(rng: random.Random) -> str:
    return "1" + rng.choice("3589") + "".join(str(rng.randrange(10)) for _ in range(9))


def _register(rng: random.Random, unit: Unit, by: User, case: tuple, days_ago: int) -> Dispute:
    title, act_text, contested, origin = case
    return services.register_dispute(
        unit=unit,
        by=by,
        title=title,
        act_kind="omission" if "未" in act_text else "act",
        act=act_text,
        contested=contested,
        origin=origin,
        arose_on=timezone.localdate() - timedelta(days=days_ago),
        counterparty_phone=_phone(rng),
        **_party(rng),
    )


def _qualify(dispute: Dispute, office: User, failing: int | None = None) -> Dispute:
    # The verb's form gives the service its answers; the demo gives them directly.
    answers = {
        c.value: (
            c.value != failing,
            "符合该项条件，有相关文书为证" if c.value != failing else "经核实不符合该项条件",
        )
        for c in Condition
    }
    guidance = (
        "" if failing is None else "已告知当事人该事项不属于行政争议，可通过民事诉讼等途径解决。"
    )
    return act(dispute, "qualify", office, answers=answers, guidance=guidance)


def _guide(
    dispute: Dispute, office: User, chosen: str, clock_days_ago: int | None = None
) -> Dispute:
    data: dict[str, Any] = {
        "channels": ["settlement", "mediation", "reconsideration", "litigation"],
        "chosen": chosen,
    }
    if clock_days_ago is not None:
        data.update(
            clock_label="复议机关审查是否受理" if chosen == "reconsideration" else "和解期限",
            clock_started_on=timezone.localdate() - timedelta(days=clock_days_ago),
            clock_workdays=10,
        )
    return act(dispute, "guide", office, **data)


def _lawyers(unit: Unit, first: Any = None) -> list[Any]:
    people = list(public_lawyers_of(unit))
    if first is not None and first in people:
        people.remove(first)
        people.insert(0, first)
    return people


def _close(dispute: Dispute, office: User, outcome: str, rng: random.Random) -> Dispute:
    data: dict[str, Any] = {
        "outcome": outcome,
        "note": "经公职律师释法说理，双方达成一致。" if outcome in ("settled", "mediated") else "",
        "satisfaction": rng.choice(["satisfied", "fairly", "not_given"]),
    }
    if outcome == Outcome.MEDIATED:
        data["agreement"] = SimpleUploadedFile(
            "调解协议书.pdf", b"%PDF-1.4\n% demo agreement\n%%EOF\n", "application/pdf"
        )
    return act(dispute, "close", office, **data)


def _work_unit(
    rng: random.Random, unit: Unit, office: User, cases: list[tuple], lawyer_account: User | None
) -> None:
    lawyers = _lawyers(unit, lawyer_account.person if lawyer_account else None)
    if not lawyers:
        return
    lead, *others = lawyers
    outcomes = [o.value for o in Outcome]
    for i, case in enumerate(cases):
        dispute = _register(rng, unit, office, case, days_ago=90 - i * 7)
        state = i % 6
        if state == 0:
            continue  # awaiting qualification
        if state == 1:
            _qualify(dispute, office, failing=rng.choice([1, 2, 3, 4]))
            continue
        dispute = _qualify(dispute, office)
        if state == 2:
            continue  # awaiting guidance
        chosen = rng.choice(["settlement", "mediation", "reconsideration"])
        clock = 40 if i == 3 else (2 if chosen == "reconsideration" else None)
        dispute = _guide(dispute, office, chosen, clock_days_ago=clock)
        dispute = act(dispute, "assign", office, lawyer=lead, others=others[:1])
        if state in (3, 4):
            continue  # being resolved
        _close(dispute, office, outcomes[i % len(outcomes)], rng)


def seed_disputes(rng: random.Random) -> None:
    office_market = User.objects.get(username="unit_lc")
    office_land = User.objects.get(username="unit_lc_zr")
    centre = User.objects.get(username="reconcile_lc")
    lawyer = User.objects.get(username="lawyer_lc")
    market = Unit.objects.get(name=MARKET)
    land = Unit.objects.get(name=LAND)

    _work_unit(rng, market, office_market, MARKET_CASES, lawyer)
    _work_unit(rng, land, office_land, LAND_CASES, None)

    # The centre registers disputes it received for organs of its region (002 §7).
    received = MARKET_CASES[:2] + LAND_CASES[:1]
    for unit, case in zip([market, land, market], received, strict=True):
        _register(rng, unit, centre, (case[0] + "（和解中心受理）", *case[1:]), days_ago=5)
    for i, name in enumerate(CENTRE_ONLY):
        organ = Unit.objects.filter(name=name).first()
        if organ is not None:
            _register(rng, organ, centre, MARKET_CASES[(i + 3) % len(MARKET_CASES)], days_ago=3 + i)

    # Every outcome at least once: close the remaining handled ones of the market bureau.
    done = set(
        Dispute.objects.filter(unit=market).exclude(outcome="").values_list("outcome", flat=True)
    )
    for outcome in [o.value for o in Outcome if o.value not in done]:
        dispute = _register(rng, market, office_market, MARKET_CASES[0], days_ago=60)
        dispute = _guide(_qualify(dispute, office_market), office_market, "mediation")
        dispute = act(dispute, "assign", office_market, lawyer=_lawyers(market)[0])
        _close(dispute, office_market, outcome, rng)

    # One duty conflict waiting for the organ head (002 §9), reported by the demo lawyer.
    open_one = (
        Dispute.objects.filter(
            unit=market, status=DisputeStatus.HANDLING, lawyers__person=lawyer.person
        )
        .order_by("pk")
        .first()
    )
    if open_one is not None:
        act(
            open_one,
            "report-conflict",
            lawyer,
            description="本周需带队开展节前食品安全专项检查，与和解会谈时间冲突。",
        )
