import io
from datetime import date

import pytest
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.core.errors import DomainError, NotPermitted
from govcounsel.core.exporters import HEADER_ROW
from govcounsel.coverage import bulletin_files, services, tasks
from govcounsel.coverage.bulletin_content import build_content, office_name, quarter_bounds
from govcounsel.coverage.models import Bulletin
from govcounsel.tests.helpers import client_for


def test_quarter_bounds():
    assert quarter_bounds(2024, 1) == (date(2024, 1, 1), date(2024, 3, 31))
    assert quarter_bounds(2023, 4) == (date(2023, 10, 1), date(2023, 12, 31))


def test_office_names(tree):
    assert office_name(tree.chaoyang) == "朝阳区全面依法治区委员会办公室"
    assert office_name(tree.chenggu) == "城固县全面依法治县委员会办公室"


def test_content_of_a_quarter(landscape):
    content = build_content(landscape.beijing_city, 2023, 2)  # unit_a certified 2023-06-01
    assert content.title == "关于2023年第2季度公职律师工作进展情况的通报"
    s = content.summary
    assert (s["units"], s["covered_start"], s["covered_end"], s["new_certificates"]) == (3, 0, 1, 1)
    by_name = {line.name: line for line in content.units}
    assert by_name[landscape.unit_a.name].new_certificates == 1
    assert by_name[landscape.unit_a.name].status == "有公职律师"
    assert by_name[landscape.unit_a2.name].status == "由法律顾问开展"
    assert by_name[landscape.unit_a2.name].shortfall is True
    assert [(r.rank, r.name, r.covered) for r in content.ranking] == [
        (1, "朝阳区", 1),
        (2, "海淀区", 0),
    ]


def test_retirement_counts_as_a_cancellation_in_its_quarter(landscape):
    content = build_content(landscape.shaanxi, 2024, 1)  # unit_c's holder retired 2024-03-31
    assert content.summary["cancellations"] == 1
    assert content.summary["covered_end"] == 0


def test_files_carry_the_text(landscape):
    content = build_content(landscape.beijing_city, 2023, 2)
    chart = bulletin_files.chart_png(content)
    assert chart[:8] == b"\x89PNG\r\n\x1a\n"
    document = Document(io.BytesIO(bulletin_files.to_docx(content, chart)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "北京市全面依法治市委员会办公室" in text
    assert content.title in text
    assert "本季度新颁发公职律师证书1张" in text
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert landscape.unit_a.name in cells
    assert len(document.inline_shapes) == 1  # the chart
    workbook = load_workbook(io.BytesIO(bulletin_files.to_xlsx(content, chart)))
    assert len(workbook["排名"]._images) == 1  # the chart travels in the workbook too
    assert workbook.sheetnames == ["汇总", "排名", "各单位情况"]
    assert workbook["排名"].cell(HEADER_ROW + 1, 2).value == "朝阳区"
    rows = workbook["各单位情况"].iter_rows(min_row=HEADER_ROW + 1, values_only=True)
    units = {row[0]: row for row in rows}
    assert units[landscape.unit_a.name][3] == 1
    pdf = bulletin_files.to_pdf(content, chart)
    assert pdf[:5] == b"%PDF-"
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    pdf_text = "".join(page.extract_text() for page in reader.pages)
    assert content.title in pdf_text.replace(
        "\n", ""
    )  # Chinese glyphs embedded and mapped back to text


def test_supervisor_requests_a_bulletin_and_it_is_generated(
    landscape, django_capture_on_commit_callbacks
):
    supervisor = user_with(Role.SUPERVISOR, landscape.beijing)
    with django_capture_on_commit_callbacks(execute=True):
        bulletin = services.request_bulletin(
            region=landscape.beijing_city, year=2023, quarter=2, by=supervisor
        )
    bulletin.refresh_from_db()
    assert (bulletin.status, bulletin.progress) == ("done", 100)
    assert bulletin.summary["new_certificates"] == 1
    assert bulletin.pdf.name.endswith(".pdf")
    assert bulletin.docx.size > 5000
    # The PDF prints the 文号 of the numbered Word document, not a stand-in.
    from pypdf import PdfReader

    from govcounsel.documents.models import OfficialDocument

    number = OfficialDocument.objects.for_subject(bulletin).get().number
    with bulletin.pdf.open("rb") as stored:
        first_page = PdfReader(stored).pages[0].extract_text()
    assert number.replace(" ", "") in first_page.replace(" ", "").replace("\n", "")


def test_who_may_request_and_when(landscape):
    with pytest.raises(NotPermitted):
        services.request_bulletin(
            region=landscape.chaoyang,
            year=2023,
            quarter=2,
            by=user_with(Role.JUSTICE_BUREAU, landscape.chaoyang),
        )
    supervisor = user_with(Role.SUPERVISOR, landscape.chaoyang)
    today = timezone.localdate()
    with pytest.raises(DomainError) as refused:
        services.request_bulletin(
            region=landscape.chaoyang,
            year=today.year,
            quarter=(today.month - 1) // 3 + 1,
            by=supervisor,
        )
    assert refused.value.code == "quarter_not_ended"


def test_a_failure_is_shown_not_hidden(landscape, monkeypatch):
    bulletin = Bulletin.objects.create(region=landscape.chaoyang, year=2023, quarter=4)
    monkeypatch.setattr(
        bulletin_files, "to_pdf", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("字体缺失"))
    )
    tasks.generate_bulletin(bulletin.pk)
    bulletin.refresh_from_db()
    assert (bulletin.status, bulletin.error) == ("failed", "字体缺失")


def test_scheduled_job_makes_last_quarters_bulletins(landscape, django_capture_on_commit_callbacks):
    user_with(Role.SUPERVISOR, landscape.chaoyang)
    user_with(Role.SUPERVISOR, landscape.chenggu)
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.bulletins_for_last_quarter() == 2
    assert set(Bulletin.objects.values_list("region__code", "status")) == {
        ("110105", "done"),
        ("610722", "done"),
    }
    assert tasks.bulletins_for_last_quarter() == 0  # once per quarter


@pytest.mark.django_db
def test_the_schedule_exists():
    from django_q.models import Schedule

    schedule = Schedule.objects.get(name="quarterly-bulletins")
    assert schedule.func == "govcounsel.coverage.tasks.bulletins_for_last_quarter"
    assert schedule.schedule_type == Schedule.QUARTERLY


def test_bulletin_api(landscape, django_capture_on_commit_callbacks):
    supervisor = user_with(Role.SUPERVISOR, landscape.beijing)
    client = client_for(supervisor)
    with django_capture_on_commit_callbacks(execute=True):
        created = client.post(
            "/api/v1/bulletins/", {"region": "110100", "year": 2023, "quarter": 2}, format="json"
        )
    assert created.status_code == 202
    status = client.get(f"/api/v1/bulletins/{created.json()['id']}/").json()
    assert status["status"] == "done"
    download = client.get(status["downloads"]["docx"])
    assert download["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessing"
    )
    other = client_for(user_with(Role.SUPERVISOR, landscape.chenggu))
    assert other.get(f"/api/v1/bulletins/{created.json()['id']}/").status_code == 404
    refused = other.post(
        "/api/v1/bulletins/", {"region": "110100", "year": 2023, "quarter": 2}, format="json"
    )
    # A region out of reach is answered like a code that does not exist (ADR 0008).
    assert refused.status_code == 400
    assert "对象不存在" in refused.json()["errors"]["region"][0]


def test_bulletin_pages(landscape, client, django_capture_on_commit_callbacks):
    client.force_login(user_with(Role.SUPERVISOR, landscape.chaoyang))
    assert client.get("/coverage/bulletins/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/coverage/bulletins/", {"region": landscape.chaoyang.pk, "year": 2023, "quarter": 4}
        )
    bulletin = Bulletin.objects.get()
    assert response["Location"] == f"/coverage/bulletins/{bulletin.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert 'data-testid="download-pdf"' in page
    pdf = client.get(f"/coverage/bulletins/{bulletin.pk}/pdf/")
    assert pdf.content[:5] == b"%PDF-"
    too_early = client.post(
        "/coverage/bulletins/", {"region": landscape.chaoyang.pk, "year": 2099, "quarter": 1}
    )
    assert "尚未结束" in too_early.content.decode()


def test_a_unit_name_that_looks_like_a_formula_stays_text_in_the_bulletin_workbook(landscape):
    from govcounsel.organisations.models import Unit

    name = '=HYPERLINK("http://evil.example","点击")'
    Unit.objects.filter(pk=landscape.unit_a.pk).update(name=name)
    content = build_content(landscape.beijing_city, 2023, 2)
    workbook = load_workbook(io.BytesIO(bulletin_files.to_xlsx(content)))
    cells = [
        c for row in workbook["各单位情况"].iter_rows(min_row=2) for c in row if c.value == name
    ]
    assert cells
    assert all(cell.data_type == "s" for cell in cells)


def test_every_workbook_is_saved_through_the_escaping_writer():
    from pathlib import Path

    from django.conf import settings

    root = Path(settings.BASE_DIR) / "govcounsel"
    writers = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "tests" not in path.parts
        and path.name != "exporters.py"
        and "workbook.save(" in path.read_text(encoding="utf-8")
    ]
    assert writers == []
