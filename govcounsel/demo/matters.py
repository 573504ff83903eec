"""Demo legal matters in the showcase unit: every state, a returned opinion, an overdue
matter, and a decision item with a decision taken on an opinion."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from govcounsel.accounts.models import User
from govcounsel.matters import services
from govcounsel.matters.models import Matter
from govcounsel.matters.selectors import public_lawyers_of
from govcounsel.organisations.models import Unit

MATTERS = [
    (
        "关于《朝阳区市场监管领域轻微违法行为不予处罚清单》的合法性审核",
        "normative",
        "legality_review",
    ),
    ("某食品企业不服行政处罚提起行政诉讼应诉", "litigation", "litigation"),
    ("与某技术公司智慧监管平台建设合同审查", "documents", "contract"),
    ("对某商户哄抬价格行为拟作出罚款决定的法制审核", "decisions", "enforcement_review"),
    ("群众反映某市场消防隐患信访件的法律意见", "cases", "petition"),
    ("“谁执法谁普法”进市场宣传活动方案", "publicity", "publicity"),
]


def seed_matters(showcase: Unit) -> None:
    office = User.objects.get(username="unit_cy")
    lawyer_account = User.objects.get(username="lawyer_cy")
    lawyer = lawyer_account.person
    if lawyer is None or not public_lawyers_of(showcase).filter(pk=lawyer.pk).exists():
        return
    made = [
        services.register_matter(
            unit=showcase, by=office, title=title, category=cat, subtype=sub, working_days=5 + i * 3
        )
        for i, (title, cat, sub) in enumerate(MATTERS)
    ]
    closed, returned, awaiting, assigned, overdue, _registered = made
    for matter in (closed, returned, awaiting, assigned, overdue):
        services.assign(matter=matter, by=office, lawyer=lawyer)
    for matter in (closed, returned, awaiting, overdue):
        services.accept(matter=matter, by=lawyer_account)
    services.submit_opinion(
        matter=closed,
        by=lawyer_account,
        text="经审查，清单所列情形符合《行政处罚法》第三十三条规定，建议发布。",
    )
    services.close(matter=closed, by=office, score=93, comment="依据充分，按期完成。")
    services.submit_opinion(matter=returned, by=lawyer_account, text="建议积极应诉。")
    services.return_for_rework(matter=returned, by=office, note="请补充答辩要点和证据清单。")
    services.submit_opinion(
        matter=awaiting, by=lawyer_account, text="合同第十二条违约责任约定不对等，建议修改。"
    )
    Matter.objects.filter(pk=overdue.pk).update(deadline=timezone.localdate() - timedelta(days=3))
    item = services.add_decision_item(unit=showcase, by=office, title="重大行政处罚决定")
    services.add_decision_item(unit=showcase, by=office, title="重大合同签订")
    decision = services.open_decision(item=item, by=office, title="不予处罚清单发布")
    services.decide(decision=decision, by=office, matter=closed, on=timezone.localdate())
    services.open_decision(item=item, by=office, title="对某商户罚款五万元")
