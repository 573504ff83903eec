"""The targets the policy documents set, to be loaded where their regions exist.

Each target counts exactly the units and the metric its words name (DOMAIN.md §3):
"党政机关" is party and government organs, never people's organisations; "工作覆盖率" and
"工作（实现）全覆盖" are work carried out by a public lawyer or a legal adviser (001 一(二));
"设立公职律师" and "公职律师覆盖率" are public-lawyer coverage. `clause_text` quotes the
policy verbatim ("……" marks words left out); `tests/test_targets_policy.py` holds each row
to the wording of its seed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from govcounsel.organisations.choices import UnitKind, UnitLevel

from .choices import Metric
from .groups import GroupKind

CHAOYANG_OPINIONS = "《关于加快推进朝阳区公职律师工作的实施意见》（朝法委办发〔2022〕10号）"
CHENGGU_MEASURES = "城固县委依法治县办《关于进一步加快推进公职律师工作若干措施》（2023年）"
BEIJING_PLAN = "北京市司法局《北京市律师行业发展三年行动计划（2023-2025年）》"


@dataclass(frozen=True)
class PolicyTarget:
    seed: str  # the policy text it is read from: tests/policy_texts/<seed>_*.txt
    region_code: str
    level: str
    kind: str
    enforcement: bool | None
    metric: str
    percentage: Decimal
    deadline: date
    source_clause: str  # document and clause number
    clause_text: str  # the clause's own words


POLICY_TARGETS = [
    # 000 二: district-level party and government organs, public lawyers set up.
    PolicyTarget(
        seed="000",
        region_code="110105",
        level=UnitLevel.COUNTY,
        kind=GroupKind.ORGAN,
        enforcement=None,
        metric=Metric.COVERAGE,
        percentage=Decimal(100),
        deadline=date(2023, 12, 31),
        source_clause=f"{CHAOYANG_OPINIONS}二、工作目标",
        clause_text="2023年底前，区级党政机关原则上均设立公职律师",
    ),
    # 000 二: the sentence names no date of its own; it closes the paragraph of what is due
    # "2023年底前", before the general goal of the 14th five-year plan.
    PolicyTarget(
        seed="000",
        region_code="110105",
        level=UnitLevel.COUNTY,
        kind=UnitKind.GOVERNMENT_ORGAN,
        enforcement=True,
        metric=Metric.WORK,
        percentage=Decimal(100),
        deadline=date(2023, 12, 31),
        source_clause=f"{CHAOYANG_OPINIONS}二、工作目标",
        clause_text="具有行政执法权的区级行政机关公职律师工作覆盖率力争达到 100%",
    ),
    PolicyTarget(
        seed="000",
        region_code="110105",
        level=UnitLevel.COUNTY,
        kind=GroupKind.ORGAN,
        enforcement=None,
        metric=Metric.WORK,
        percentage=Decimal(100),
        deadline=date(2025, 12, 31),
        source_clause=f"{CHAOYANG_OPINIONS}二、工作目标",
        clause_text="“十四五”期间实现区级党政机关公职律师工作全覆盖",
    ),
    # 001 一(一): the county's organs must set up public lawyers or carry out the work; its
    # townships only "根据需要", so neither target counts them.
    PolicyTarget(
        seed="001",
        region_code="610722",
        level=UnitLevel.COUNTY,
        kind=UnitKind.GOVERNMENT_ORGAN,
        enforcement=True,
        metric=Metric.COVERAGE,
        percentage=Decimal(40),
        deadline=date(2023, 12, 31),
        source_clause=f"{CHENGGU_MEASURES}一（一）",
        clause_text="具有行政执法权的行政机关2023年底前公职律师覆盖率力争达到40%",
    ),
    PolicyTarget(
        seed="001",
        region_code="610722",
        level=UnitLevel.COUNTY,
        kind=GroupKind.ORGAN,
        enforcement=None,
        metric=Metric.WORK,
        percentage=Decimal(100),
        deadline=date(2025, 12, 31),
        source_clause=f"{CHENGGU_MEASURES}一（一）",
        clause_text=(
            "实现县级党政机关及其工作部门普遍设立公职律师或者开展公职律师工作……"
            "“十四五”期间实现公职律师工作全覆盖"
        ),
    ),
    # 003 二(六): one target per named level, both on the city's region.
    PolicyTarget(
        seed="003",
        region_code="110000",
        level=UnitLevel.CITY,
        kind=GroupKind.ORGAN,
        enforcement=None,
        metric=Metric.WORK,
        percentage=Decimal(100),
        deadline=date(2025, 12, 31),
        source_clause=f"{BEIJING_PLAN}二（六）",
        clause_text="到2025年,……市、区两级党政机关公职律师工作实现全覆盖",
    ),
    PolicyTarget(
        seed="003",
        region_code="110000",
        level=UnitLevel.COUNTY,
        kind=GroupKind.ORGAN,
        enforcement=None,
        metric=Metric.WORK,
        percentage=Decimal(100),
        deadline=date(2025, 12, 31),
        source_clause=f"{BEIJING_PLAN}二（六）",
        clause_text="到2025年,……市、区两级党政机关公职律师工作实现全覆盖",
    ),
]
