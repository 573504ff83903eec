import io
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone
from docx import Document

from govcounsel.core.errors import DomainError, NotPermitted
from govcounsel.matters import services
from govcounsel.matters.archive import work_archive
from govcounsel.matters.models import Matter
from govcounsel.tests.helpers import client_for


def worked(tree, cast, title, score, late=False, category="normative", subtype="legality_review"):
    matter = services.register_matter(
        unit=tree.unit_a,
        by=cast.own_unit,
        title=title,
        category=category,
        subtype=subtype,
        working_days=5,
    )
    services.assign(matter=matter, by=cast.own_unit, lawyer=tree.person_a)
    services.accept(matter=matter, by=cast.lawyer)
    services.submit_opinion(matter=matter, by=cast.lawyer, text="意见")
    if late:
        Matter.objects.filter(pk=matter.pk).update(
            deadline=timezone.localdate() - timedelta(days=1)
        )
    return services.close(matter=matter, by=cast.own_unit, score=score)


def test_overtime_accrues_compensatory_leave(tree, cast, matter):
    services.assign(matter=matter, by=cast.own_unit, lawyer=tree.person_a)
    services.accept(matter=matter, by=cast.lawyer)
    entry = services.record_overtime(
        matter=matter,
        by=cast.lawyer,
        worked_on=timezone.localdate(),
        hours="3.5",
        note="周末准备答辩",
    )
    assert entry.leave_hours == entry.hours
    with pytest.raises(NotPermitted):
        services.record_overtime(
            matter=matter, by=cast.colleague, worked_on=timezone.localdate(), hours="2"
        )
    with pytest.raises(DomainError):
        services.record_overtime(
            matter=matter,
            by=cast.lawyer,
            worked_on=timezone.localdate() + timedelta(days=1),
            hours="2",
        )


def test_work_archive_is_built_from_the_records(tree, cast):
    year = timezone.localdate().year
    first = worked(tree, cast, "审核一", 90)
    worked(tree, cast, "审核二", 70, late=True)
    services.record_overtime(
        matter=first, by=cast.lawyer, worked_on=timezone.localdate(), hours="4"
    )
    declined = services.register_matter(
        unit=tree.unit_a,
        by=cast.own_unit,
        title="拒绝的",
        category="cases",
        subtype="petition",
        working_days=2,
    )
    services.assign(matter=declined, by=cast.own_unit, lawyer=tree.person_a)
    services.decline(matter=declined, by=cast.lawyer, reason="出差")
    services.judge_decline(assignment=declined.assignments.get(), by=cast.own_unit, justified=False)
    archive = work_archive(tree.person_a, year)
    assert archive.by_category["规范性文件起草、论证和合法性审核"] == 2
    assert (archive.handled, archive.closed, archive.on_time) == (2, 2, 1)
    assert archive.on_time_rate == 0.5
    assert archive.average_score == 80.0
    assert (archive.declines_justified, archive.declines_unjustified) == (0, 1)
    assert str(archive.overtime_hours) == "4.0"
    assert work_archive(tree.person_a, year - 1).handled == 0


def _beijing(day: date, hour: int, minute: int) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=ZoneInfo("Asia/Shanghai"))


def test_matter_closed_early_next_beijing_morning_after_its_deadline_is_late(tree, cast):
    """07:30 Beijing time is still the previous day in UTC: the Beijing date decides."""
    day = timezone.localdate() + timedelta(days=20)
    with time_machine.travel(_beijing(day, 7, 30), tick=False):
        matter = worked(tree, cast, "次日清晨办结", 80, late=True)
    assert timezone.localdate(matter.closed_at) == day
    assert matter.deadline == day - timedelta(days=1)
    archive = work_archive(tree.person_a, day.year)
    assert (archive.closed, archive.on_time) == (1, 0)


def test_matter_closed_late_evening_on_its_deadline_is_on_time(tree, cast):
    day = timezone.localdate() + timedelta(days=20)
    with time_machine.travel(_beijing(day, 23, 40), tick=False):
        matter = worked(tree, cast, "当晚办结", 80)
    Matter.objects.filter(pk=matter.pk).update(deadline=day)
    archive = work_archive(tree.person_a, day.year)
    assert (archive.closed, archive.on_time) == (1, 1)


def test_archive_page_api_and_export(tree, cast, client):
    import openpyxl

    worked(tree, cast, "审核一", 90)
    client.force_login(cast.lawyer)
    page = client.get("/matters/archive/").content.decode()
    assert "平均评价得分" in page
    assert "90" in page
    rows = list(
        openpyxl.load_workbook(
            io.BytesIO(
                client.get(f"/matters/archive/?person={tree.person_a.pk}&export=xlsx").content
            )
        ).active.iter_rows(values_only=True)
    )
    assert ("已办结", 1) in rows
    body = (
        client_for(cast.own_unit).get("/api/v1/work-archives/", {"person": tree.person_a.pk}).json()
    )
    assert (body["closed"], body["average_score"]) == (1, 90.0)
    hidden = client_for(cast.sibling_unit).get(
        "/api/v1/work-archives/", {"person": tree.person_a.pk}
    )
    assert hidden.json()["code"] == "not_found"


def litigation(tree, cast):
    return services.register_matter(
        unit=tree.unit_a,
        by=cast.own_unit,
        title="某公司诉区市场监管局",
        category="litigation",
        subtype="litigation",
        working_days=10,
    )


def test_commission_letter_for_litigation(tree, cast):
    matter = litigation(tree, cast)
    services.assign(matter=matter, by=cast.own_unit, lawyer=tree.person_a)
    response = client_for(cast.own_unit).post(
        f"/api/v1/matters/{matter.pk}/commission-letter/",
        {
            "court": "北京市朝阳区人民法院",
            "counterparty": "某食品有限公司",
            "authority": "特别授权",
        },
        format="json",
    )
    assert response.status_code == 200
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "北京市朝阳区人民法院：" in text
    assert "我单位与某食品有限公司行政诉讼一案" in text
    assert tree.person_a.name in text
    assert "特别授权" in text
    assert tree.person_a.certificates.get().number in text
    assert (
        client_for(cast.lawyer)
        .post(
            f"/api/v1/matters/{matter.pk}/commission-letter/",
            {"court": "x", "counterparty": "y"},
            format="json",
        )
        .status_code
        == 403
    )


def test_no_letter_for_other_matters(tree, cast, matter):
    response = client_for(cast.own_unit).post(
        f"/api/v1/matters/{matter.pk}/commission-letter/",
        {"court": "x", "counterparty": "y"},
        format="json",
    )
    assert response.json()["code"] == "not_litigation"


def test_commission_letter_issued_on_new_years_morning_carries_the_new_year(tree, cast):
    """At 07:30 on 1 January Beijing time the UTC date is still 31 December: the number
    comes from the new year's register and the letter is dated the new year."""
    matter = litigation(tree, cast)
    new_year = date(timezone.localdate().year + 1, 1, 1)
    with time_machine.travel(_beijing(new_year, 7, 30), tick=False):
        letter = services.issue_commission_letter(
            matter=matter, by=cast.own_unit, court="法院", counterparty="某公司"
        )
    text = "\n".join(p.text for p in Document(io.BytesIO(letter.content)).paragraphs)
    assert f"朝市场函〔{new_year.year}〕1号" in text
    assert f"〔{new_year.year}〕" in text
    assert f"{new_year.year}年1月1日" in text


def test_commission_letter_fields_are_text_not_word_markup(tree, cast):
    from govcounsel.matters.documents import commission_letter

    matter = litigation(tree, cast)
    injected = '法院</w:t></w:r><w:r><w:rPr><w:color w:val="FF0000"/></w:rPr><w:t>红字 & <b>'
    letter = commission_letter(
        matter, court=injected, counterparty="某公司", authority="一般授权", lawyers=[]
    )
    document = Document(io.BytesIO(letter))
    text = "\n".join(p.text for p in document.paragraphs)
    assert injected + "：" in text
    # The one coloured run is the red 发文机关标志; the typed-in text made no run of its own.
    coloured = document.element.body.xpath(".//w:r[w:rPr/w:color]")
    assert [r.text for r in coloured] == [matter.unit.name]
