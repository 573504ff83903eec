import io

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.people.models import Person, Qualification
from govcounsel.people.survey import (
    HEADERS,
    SurveyFileError,
    import_survey,
    plan_survey,
    template_workbook,
)
from govcounsel.tests.helpers import events


def xlsx(rows, headers=HEADERS):
    workbook = Workbook()
    sheet = workbook.active
    if headers is not None:
        sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def good_rows(tree):
    code = tree.unit_a.credit_code
    return [
        [
            "孙丽",
            "11010519491231002X",
            "女",
            "13700137000",
            code,
            "是",
            "是",
            "法律职业资格A类",
            "A20191101050001",
            "2019-03-01",
        ],
        [
            "周强",
            "110105198001010032",
            "",
            "",
            code,
            "是",
            "否",
            "律师资格",
            "11012005100001",
            "2005-06-30",
        ],
        ["吴敏", "110105199002020026", "女", "", code, "否", "否", None, None, None],
    ]


@pytest.fixture
def office(tree):
    return user_with(Role.UNIT_ADMIN, tree.unit_a, username="office")


def test_a_valid_file_is_previewed_then_imported(tree, office):
    content = xlsx(good_rows(tree))
    plan = plan_survey(content, by=office)
    assert plan.errors == []
    assert plan.summary() == {
        "rows": 3,
        "new_people": 3,
        "changed_people": 0,
        "new_qualifications": 2,
        "unchanged": 0,
        "errors": 0,
    }
    assert not Person.objects.filter(name="孙丽").exists()  # a dry run writes nothing
    import_survey(content, by=office, filename="摸排.xlsx")
    sun = Person.objects.get(name="孙丽")
    assert (sun.sex, sun.full_time_legal, sun.unit) == ("F", True, tree.unit_a)
    assert Person.objects.get(name="周强").sex == "M"  # read from the ID number
    assert Qualification.objects.filter(person__unit=tree.unit_a).count() == 2
    assert LogEntry.objects.filter(object_repr="孙丽", action=LogEntry.Action.CREATE).exists()
    (event,) = events("people.survey.imported")
    assert event.data["new_people"] == 3


def test_importing_the_same_file_again_changes_nothing(tree, office):
    content = xlsx(good_rows(tree))
    import_survey(content, by=office)
    people, logs = Person.objects.count(), LogEntry.objects.count()
    plan = import_survey(content, by=office)
    assert plan.summary()["unchanged"] == 3
    assert (Person.objects.count(), LogEntry.objects.count()) == (people, logs)
    assert len(events("people.survey.imported")) == 1


def test_a_changed_row_updates_only_what_changed(tree, office):
    import_survey(xlsx(good_rows(tree)), by=office)
    rows = good_rows(tree)
    rows[2][6] = "是"  # 吴敏 now works full time on legal affairs
    plan = import_survey(xlsx(rows), by=office)
    assert plan.summary()["changed_people"] == 1
    assert Person.objects.get(name="吴敏").full_time_legal is True


def test_bad_rows_are_reported_by_row_and_column_and_nothing_is_written(tree, office):
    rows = good_rows(tree)
    rows.append(
        [
            "错号",
            "110105198001010039",
            "",
            "",
            tree.unit_a.credit_code,
            "是",
            "是",
            None,
            None,
            None,
        ]
    )
    rows.append(
        ["无单位", "110105198503030017", "", "", "91350100M000100Y43", "是", "是", None, None, None]
    )
    rows.append(
        [
            "重复",
            "11010519491231002X",
            "女",
            "",
            tree.unit_a.credit_code,
            "是",
            "是",
            None,
            None,
            None,
        ]
    )
    rows.append(
        [
            "坏日期",
            "110105197707070016",
            "",
            "",
            tree.unit_a.credit_code,
            "是",
            "是",
            "法律职业资格A类",
            "A1",
            "去年",
        ]
    )
    with pytest.raises(AssertionError):
        assert not plan_survey(xlsx(rows), by=office).errors
    plan = import_survey(xlsx(rows), by=office)
    found = [(e.row, e.column) for e in plan.errors]
    assert found == [
        (5, "身份证号码"),
        (6, "单位统一社会信用代码"),
        (7, "身份证号码"),
        (8, "资格取得日期"),
    ]
    assert "校验位错误" in plan.errors[0].reason
    assert "与第2行是同一人" in plan.errors[2].reason
    assert "无法识别的日期" in plan.errors[3].reason
    assert str(plan.errors[0]).startswith("第5行“身份证号码”列：")
    assert not Person.objects.filter(name="孙丽").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"this is not a spreadsheet", "不是有效的Excel"),
        (xlsx([], headers=None), "文件是空的"),
        (xlsx([]), "没有数据行"),
        (
            xlsx([["孙丽", "x"]], headers=["名字", "证件"]),
            "缺少必需的列：姓名、身份证号码、单位统一社会信用代码",
        ),
    ],
)
def test_broken_files_are_refused_whole(tree, office, content, message):
    with pytest.raises(SurveyFileError, match=message):
        plan_survey(content, by=office)


def test_rows_of_units_outside_the_importers_reach_are_refused(tree, office):
    rows = good_rows(tree)
    rows[0][4] = tree.unit_b.credit_code
    plan = plan_survey(xlsx(rows), by=office)
    assert [(e.row, e.column) for e in plan.errors] == [(2, "单位统一社会信用代码")]


def test_a_person_on_record_elsewhere_is_not_moved_by_a_survey(tree):
    bureau = user_with(Role.JUSTICE_BUREAU, tree.beijing_city)
    row = [
        "赵明",
        tree.person_b.id_number,
        "",
        "",
        tree.unit_a.credit_code,
        "是",
        "是",
        None,
        None,
        None,
    ]
    plan = plan_survey(xlsx([row]), by=bureau)
    assert "已登记在其他单位" in plan.errors[0].reason


def test_template_has_the_headers_and_instructions(client, office):
    client.force_login(office)
    response = client.get("/people/survey/template.xlsx")
    workbook = load_workbook(io.BytesIO(response.content))
    assert [c.value for c in workbook.worksheets[0][1]] == HEADERS
    assert workbook.sheetnames == ["摸排表", "填写说明"]
    assert template_workbook()[:2] == b"PK"


def test_upload_preview_confirm_on_the_pages(tree, office, client):
    client.force_login(office)
    upload = SimpleUploadedFile("摸排.xlsx", xlsx(good_rows(tree)))
    preview = client.post("/people/survey/", {"file": upload})
    assert preview.context["plan"].summary()["new_people"] == 3
    assert 'data-testid="confirm"' in preview.content.decode()
    assert not Person.objects.filter(name="孙丽").exists()
    pk = preview.context["upload"].pk
    done = client.post(f"/people/survey/{pk}/import/")
    assert done["Location"] == "/certificates/qualified/"
    assert Person.objects.filter(name="孙丽").exists()
    assert client.post(f"/people/survey/{pk}/import/").status_code == 404  # imported once only
    qualified = client.get("/certificates/qualified/").content.decode()
    assert "孙丽" in qualified
    assert "周强" in qualified
    assert "吴敏" not in qualified


def test_upload_errors_are_shown_as_a_table(tree, office, client):
    client.force_login(office)
    rows = good_rows(tree)
    rows[1][1] = "110105198001010039"
    page = client.post(
        "/people/survey/", {"file": SimpleUploadedFile("x.xlsx", xlsx(rows))}
    ).content.decode()
    assert 'data-testid="errors"' in page
    assert "校验位错误" in page
    assert 'data-testid="confirm"' not in page
    not_excel = client.post(
        "/people/survey/", {"file": SimpleUploadedFile("x.xlsx", b"plain text")}
    )
    assert "不是有效的Excel" in not_excel.content.decode()


def test_who_may_import(tree, client):
    client.force_login(user_with(Role.SUPERVISOR, tree.chaoyang))
    assert client.get("/people/survey/").status_code == 403
