"""Correct the preloaded policy targets to the units and the metric their words name.

000 二 and 003 二(六) speak of 党政机关 (party and government organs, not people's
organisations); "工作覆盖率" and "工作全覆盖" are work carried out by a public lawyer or a
legal adviser (001 一(二)); Chenggu's targets (001 一(一)) count its county-level organs,
its townships setting up public lawyers only "根据需要". Rows are matched by region code,
the clause as it was loaded and, for the two Beijing rows, the level; each gets its clause
reference and verbatim wording. The data is frozen here, not imported from the app.
"""

from django.db import migrations

CHAOYANG = "《关于加快推进朝阳区公职律师工作的实施意见》（朝法委办发〔2022〕10号）二、工作目标"
CHENGGU = "城固县委依法治县办《关于进一步加快推进公职律师工作若干措施》（2023年）一（一）"
BEIJING = "北京市司法局《北京市律师行业发展三年行动计划（2023-2025年）》二（六）"
BEIJING_OLD = "003 二（六）：到2025年，市、区两级党政机关公职律师工作实现全覆盖"
BEIJING_TEXT = "到2025年,……市、区两级党政机关公职律师工作实现全覆盖"

# region code, the fields as loaded, the fields now
FIELDS = ("level", "kind", "enforcement", "metric", "source_clause", "clause_text")
CORRECTIONS = [
    (
        "110105",
        (
            "county",
            "",
            None,
            "coverage",
            "000 二：2023年底前，区级党政机关原则上均设立公职律师",
            "",
        ),
        (
            "county",
            "organ",
            None,
            "coverage",
            CHAOYANG,
            "2023年底前，区级党政机关原则上均设立公职律师",
        ),
    ),
    (
        "110105",
        (
            "county",
            "",
            True,
            "coverage",
            "000 二：具有行政执法权的区级行政机关公职律师工作覆盖率力争达到100%",
            "",
        ),
        (
            "county",
            "government_organ",
            True,
            "work",
            CHAOYANG,
            "具有行政执法权的区级行政机关公职律师工作覆盖率力争达到 100%",
        ),
    ),
    (
        "110105",
        ("county", "", None, "work", "000 二：“十四五”期间实现区级党政机关公职律师工作全覆盖", ""),
        (
            "county",
            "organ",
            None,
            "work",
            CHAOYANG,
            "“十四五”期间实现区级党政机关公职律师工作全覆盖",
        ),
    ),
    (
        "610722",
        (
            "",
            "",
            True,
            "coverage",
            "001 一（一）：具有行政执法权的行政机关2023年底前公职律师覆盖率力争达到40%",
            "",
        ),
        (
            "county",
            "government_organ",
            True,
            "coverage",
            CHENGGU,
            "具有行政执法权的行政机关2023年底前公职律师覆盖率力争达到40%",
        ),
    ),
    (
        "610722",
        ("", "", None, "work", "001 一（一）：“十四五”期间实现公职律师工作全覆盖", ""),
        (
            "county",
            "organ",
            None,
            "work",
            CHENGGU,
            "实现县级党政机关及其工作部门普遍设立公职律师或者开展公职律师工作……"
            "“十四五”期间实现公职律师工作全覆盖",
        ),
    ),
    (
        "110000",
        ("city", "", None, "coverage", BEIJING_OLD, ""),
        ("city", "organ", None, "work", BEIJING, BEIJING_TEXT),
    ),
    (
        "110000",
        ("county", "", None, "coverage", BEIJING_OLD, ""),
        ("county", "organ", None, "work", BEIJING, BEIJING_TEXT),
    ),
]
SHARED_CLAUSES = {BEIJING_OLD}  # one row per level in the same words (003 二(六))


def correct(apps, schema_editor):
    """Match each loaded row by its region and clause (and level where rows share a clause);
    a supervisor's later changes to its figures (percentage, deadline) are kept."""
    Target = apps.get_model("coverage", "Target")
    for code, old, new in CORRECTIONS:
        match = {"region__code": code, "source_clause": old[4]}
        if old[4] in SHARED_CLAUSES:
            match["level"] = old[0]
        Target.objects.filter(**match).update(**dict(zip(FIELDS, new, strict=True)))


def restore(apps, schema_editor):
    Target = apps.get_model("coverage", "Target")
    for code, old, new in CORRECTIONS:
        match = {
            "region__code": code,
            "level": new[0],
            "source_clause": new[4],
            "clause_text": new[5],
        }
        Target.objects.filter(**match).update(**dict(zip(FIELDS, old, strict=True)))


class Migration(migrations.Migration):
    dependencies = [
        ("coverage", "0003_target_clause_text_and_organ_kind"),
        ("organisations", "0001_initial"),
    ]
    operations = [migrations.RunPython(correct, restore)]
