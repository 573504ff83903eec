"""Demo legal matters in the showcase unit: every state, a returned opinion, an overdue
matter, and a decision item with a decision taken on an opinion."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from govcounsel.accounts.choices import Role
from govcounsel.accounts.models import RoleGrant, User
from govcounsel.accounts.scopes import forget_grants
from govcounsel.demo.acting import act
from govcounsel.matters import services
from govcounsel.matters.models import Matter
from govcounsel.matters.selectors import public_lawyers_of
from govcounsel.matters.supervision import supervise
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
    # Through the declared verbs, so that each step tells whoever acts next (their inboxes).
    for matter in (closed, returned, awaiting, assigned, overdue):
        act(matter, "assign", office, lawyer=lawyer)
    for matter in (closed, returned, awaiting, overdue):
        act(matter, "accept", lawyer_account)
    act(
        closed,
        "submit-opinion",
        lawyer_account,
        text="经审查，清单所列情形符合《行政处罚法》第三十三条规定，建议发布。",
    )
    act(closed, "close", office, score=93, comment="依据充分，按期完成。")
    act(returned, "submit-opinion", lawyer_account, text="建议积极应诉。")
    act(returned, "return", office, note="请补充答辩要点和证据清单。")
    act(
        awaiting,
        "submit-opinion",
        lawyer_account,
        text="合同第十二条违约责任约定不对等，建议修改。",
    )
    # Overdue past the escalation threshold: the daily supervision run tells the lawyer and
    # the office, and reports it to the district's rule-of-law committee office (000 #11).
    Matter.objects.filter(pk=overdue.pk).update(deadline=timezone.localdate() - timedelta(days=10))
    supervise(today=timezone.localdate())
    supervisor = User.objects.filter(username="supervisor_cy").first()
    if supervisor is not None:
        act(Matter.objects.get(pk=overdue.pk), "remind", supervisor, note="请于本周内办结并反馈。")
    item = services.add_decision_item(unit=showcase, by=office, title="重大行政处罚决定")
    services.add_decision_item(unit=showcase, by=office, title="重大合同签订")
    decision = act(item, "open-decision", office, title="不予处罚清单发布")
    act(decision, "decide", office, matter=closed, on=timezone.localdate())
    act(item, "open-decision", office, title="对某商户罚款五万元")
    _dispatch_request()


def _dispatch_request() -> None:
    """A police sub-bureau without a public lawyer of its own asks 北京市公安局 for one, so
    that superior_bj finds the request in its inbox. The sub-bureau's office has no demo
    account: the inactive loader stands in for it, holding its grant only meanwhile."""
    superior = Unit.objects.filter(name="北京市公安局").first()
    loader = User.objects.filter(username="history_loader").first()
    if superior is None or loader is None:
        return
    for unit in Unit.objects.filter(vertical_superior=superior).order_by("pk"):
        if public_lawyers_of(unit, own_only=True).exists():
            continue
        grant = RoleGrant.objects.create(user=loader, role=Role.UNIT_ADMIN, unit=unit)
        forget_grants(loader)
        today = timezone.localdate()
        services.request_dispatch(
            unit=unit,
            by=loader,
            category="litigation",
            starts_on=today,
            ends_on=today + timedelta(days=60),
            reason="行政诉讼案件增多，本单位暂无公职律师，申请调派一名协助应诉。",
        )
        grant.delete()
        forget_grants(loader)
        return
