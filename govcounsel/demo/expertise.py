"""The demo's shared list of fields of expertise, kept by the superior's administrator, and
tags on the lawyers of its talent pool, so that a dispatch request's "所需专长" offers them
and the pool ranks by them."""

from __future__ import annotations

from govcounsel.accounts.models import User
from govcounsel.matters.selectors import talent_pool
from govcounsel.matters.services import expertise as services
from govcounsel.organisations.models import Unit

FIELDS = [
    "行政复议",
    "行政诉讼",
    "行政处罚",
    "合同审查",
    "规范性文件审核",
    "政府信息公开",
    "征收补偿",
    "劳动人事",
    "国家赔偿",
    "信访与矛盾化解",
]


def seed_expertise(keeper_username: str = "superior_bj") -> None:
    keeper = User.objects.get(username=keeper_username)
    fields = [services.add_expertise(by=keeper, name=name) for name in FIELDS]
    for head in Unit.objects.heads_for(keeper):
        for index, lawyer in enumerate(talent_pool(head).order_by("name_pinyin", "pk")):
            # Two fields each, in turn, so that every field has someone to match.
            tags = [fields[(2 * index) % len(fields)], fields[(2 * index + 1) % len(fields)]]
            services.tag_lawyer(person=lawyer, by=keeper, expertise=tags)
