"""Demo typical cases in Liaocheng (002 §18): from the closed, resolved disputes the disputes
demo left, the organs' offices nominate seven; 聊城市司法局 publishes four (one revised
since), has one awaiting review, one declined and one withdrawn, and issues this year's
compilation. Written through the services and verbs, acting as the logins."""

from __future__ import annotations

import random
from typing import Any

from django.utils import timezone

from govcounsel.accounts.models import User
from govcounsel.casebook import services
from govcounsel.casebook.models import TypicalCase
from govcounsel.casebook.selectors import nominable
from govcounsel.demo.acting import act
from govcounsel.organisations.models import Region

REASONS = [
    "公职律师提前介入，释法说理到位，争议在复议前化解。",
    "通过和解中心组织调解，当事人当场履行，效果良好。",
    "行政机关主动纠错，当事人撤回复议申请，具有示范意义。",
    "首次适用容错纠错机制，为同类争议化解提供参考。",
]
KEY_POINTS = [
    "本案中，公职律师在争议发生后第一时间介入，准确把握事实和法律依据，向当事人充分释法说理，"
    "推动双方在法定框架内达成一致，实现了争议的源头化解。",
    "本案体现了和解中心与行政机关协同发力的工作机制。公职律师既维护了行政行为的合法性，"
    "又兼顾了当事人的合理诉求，达到了法律效果与社会效果的统一。",
    "行政机关在公职律师的建议下主动审查自身行为，及时纠正程序瑕疵，当事人撤回申请，"
    "避免了争议进入诉讼程序，节约了行政和司法资源。",
]
SUBTITLES = ["公职律师释法说理化解处罚争议", "和解中心组织调解达成协议", "主动纠错促成撤回申请"]


def _login(username: str) -> User:
    return User.objects.get(username=username)


def _write(case: TypicalCase, bureau: User, n: int) -> TypicalCase:
    case = act(case, "accept", bureau, note="案例具有代表性，进入编辑")
    case = act(
        case,
        "edit",
        bureau,
        subtitle=SUBTITLES[n % len(SUBTITLES)],
        resolution=case.resolution
        or "公职律师与当事人多次沟通，讲清法律规定和处理依据，当事人表示理解并接受处理结果。",
        key_points=KEY_POINTS[n % len(KEY_POINTS)],
        # Selected in this year's round, whenever the dispute closed.
        year=timezone.localdate().year,
    )
    return act(case, "anonymise", bureau)


def seed_casebook(rng: random.Random) -> None:
    bureau = _login("justice_lc")
    offices = [_login("unit_lc"), _login("unit_lc_zr")]
    candidates: list[tuple[Any, User]] = []
    for office in offices:
        candidates += [(d, office) for d in nominable(office)]
    rng.shuffle(candidates)
    # In this order, as many as the disputes demo closed with a resolution.
    plan = ["published", "published", "published", "published", "awaiting", "declined", "withdrawn"]
    made: list[tuple[str, TypicalCase]] = []
    for n, (state, (dispute, office)) in enumerate(zip(plan, candidates, strict=False)):
        case = services.nominate(dispute=dispute, by=office, reason=REASONS[n % len(REASONS)])
        if state == "declined":
            case = act(case, "decline", bureau, reason="案情与已采用的案例类似，本年度不再采用。")
        elif state in ("published", "withdrawn"):
            case = act(_write(case, bureau, n), "publish", bureau, note="经审核发布")
        made.append((state, case))
    published = [case for state, case in made if state == "published"]
    if published:
        act(
            published[0],
            "revise",
            bureau,
            note="补充化解过程中的调解细节",
            resolution=published[0].resolution + "\n调解过程中，双方就履行期限达成补充约定。",
        )
    for state, case in made:
        if state == "withdrawn":
            act(case, "withdraw", bureau, reason="当事人对公开内容提出异议，暂予撤下核实。")
    if published:
        services.issue_compilation(
            region=Region.objects.get(code="371500"), year=timezone.localdate().year, by=bureau
        )
