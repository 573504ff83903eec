"""Each preloaded target counts the units and the metric its words name (000 二, 001 一(一),
003 二(六)), read against the policy texts themselves (copies of the seeds in policy_texts/).

The words decide: "党政机关" is party and government organs, never people's organisations;
"行政机关" is government organs; "具有行政执法权" is the enforcement organs; "工作覆盖率",
"工作（实现）全覆盖" and "设立公职律师或者开展公职律师工作" are work carried out by a
public lawyer or a legal adviser (001 一(二)); "设立公职律师" and "公职律师覆盖率" are
public-lawyer coverage; "区级" and "县级" are the county level, "市、区两级" the city and
the county level; Chenggu's townships set up public lawyers "根据需要" and are not counted.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from govcounsel.coverage.choices import Metric
from govcounsel.coverage.groups import GroupKind
from govcounsel.coverage.policy_targets import POLICY_TARGETS, PolicyTarget
from govcounsel.organisations.choices import UnitKind, UnitLevel

TEXTS = Path(__file__).parent / "policy_texts"
SEEDS = Path("/work/shared/seeds")
ELLIPSIS = "……"


def compact(text: str) -> str:
    """The seeds break lines mid-sentence ("且专\\n\\n门从事") and space out figures ("达到 100%")."""
    return re.sub(r"\s+", "", text)


def seed_text(seed: str) -> str:
    (path,) = TEXTS.glob(f"{seed}_*.txt")
    return compact(path.read_text(encoding="utf-8"))


def quoted_at(policy: PolicyTarget) -> int:
    """Where the clause's words sit in its seed; each part between "……" in order."""
    text, position, start = seed_text(policy.seed), 0, -1
    for part in compact(policy.clause_text).split(ELLIPSIS):
        found = text.find(part, position)
        assert found >= 0, f"「{part}」不在{policy.seed}原文中"
        start = found if start < 0 else start
        position = found + len(part)
    return start


def words(policy: PolicyTarget) -> str:
    return compact(policy.clause_text)


ROWS = pytest.mark.parametrize(
    "policy",
    POLICY_TARGETS,
    ids=[f"{p.seed}-{p.region_code}-{p.level}-{i}" for i, p in enumerate(POLICY_TARGETS)],
)


def test_the_policy_texts_are_the_seeds():
    if not SEEDS.is_dir():
        pytest.skip("seeds not on this machine")
    for copy in TEXTS.glob("*.txt"):
        assert copy.read_bytes() == (SEEDS / copy.name).read_bytes()


@ROWS
def test_clause_text_is_quoted_verbatim_from_its_policy(policy):
    assert policy.clause_text.strip()
    quoted_at(policy)
    assert policy.source_clause.strip()


@ROWS
def test_dangzheng_jiguan_counts_party_and_government_organs_only(policy):
    if "党政机关" in words(policy):
        assert policy.kind == GroupKind.ORGAN
    elif "行政机关" in words(policy):
        assert policy.kind == UnitKind.GOVERNMENT_ORGAN
    else:
        pytest.fail("the clause names no kind of unit")


@ROWS
def test_peoples_organisations_are_counted_only_where_the_clause_names_them(policy):
    assert "人民团体" not in words(policy)
    assert policy.kind not in ("", UnitKind.PEOPLES_ORGANISATION)


@ROWS
def test_enforcement_organs_only_where_the_clause_says_so(policy):
    expected = True if "具有行政执法权" in words(policy) else None
    assert policy.enforcement is expected


WORK_WORDS = re.compile(r"工作覆盖率|工作(实现)?全覆盖|设立公职律师或者开展公职律师工作")
COVERAGE_WORDS = re.compile(r"设立公职律师|公职律师覆盖率")


@ROWS
def test_metric_is_the_one_the_words_name(policy):
    if WORK_WORDS.search(words(policy)):
        assert policy.metric == Metric.WORK
    elif COVERAGE_WORDS.search(words(policy)):
        assert policy.metric == Metric.COVERAGE
    else:
        pytest.fail("the clause names no metric")


@ROWS
def test_level_is_the_one_the_words_name(policy):
    text = words(policy)
    if "市、区两级" in text:
        same_words = {p.level for p in POLICY_TARGETS if p.clause_text == policy.clause_text}
        assert same_words == {UnitLevel.CITY, UnitLevel.COUNTY}
    elif "区级" in text or "县级" in text:
        assert policy.level == UnitLevel.COUNTY
    elif policy.seed == "001":
        # 001 一(一): the county's organs "普遍设立"; its townships only "根据需要".
        assert "尽快推动乡镇党政机关根据需要设立公职律师" in seed_text("001")
        assert policy.level == UnitLevel.COUNTY
    else:
        pytest.fail("the clause names no level")


def test_chenggu_fourteenth_plan_target_leaves_the_townships_out():
    (plan,) = [p for p in POLICY_TARGETS if p.seed == "001" and "十四五" in p.clause_text]
    assert (plan.level, plan.kind, plan.metric, plan.percentage) == (
        UnitLevel.COUNTY,
        GroupKind.ORGAN,
        Metric.WORK,
        100,
    )


@ROWS
def test_percentage_is_the_one_the_words_name(policy):
    figure = re.search(r"(\d+)%", words(policy))
    if figure:
        assert policy.percentage == Decimal(figure.group(1))
    else:
        assert re.search(r"全覆盖|均设立", words(policy))
        assert policy.percentage == 100


DEADLINES = {
    "2023年底前": date(2023, 12, 31),
    "“十四五”": date(2025, 12, 31),
    "到2025年": date(2025, 12, 31),
}


@ROWS
def test_deadline_is_the_one_the_words_name(policy):
    """A clause that names no date of its own takes the date its paragraph last named
    (000 二: "2023年底前，…应设尽设。具有行政执法权的区级行政机关…力争达到100%")."""
    named = [day for phrase, day in DEADLINES.items() if phrase in words(policy)]
    if not named:
        before = seed_text(policy.seed)[: quoted_at(policy)][-120:]
        last = max(DEADLINES, key=before.rfind)
        assert before.rfind(last) >= 0
        named = [DEADLINES[last]]
    assert policy.deadline in named
