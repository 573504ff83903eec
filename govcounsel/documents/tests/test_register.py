"""The register of 发文字号, the stored documents and who reads them."""

import hashlib
import io
import threading
from datetime import date

import pytest
from django.db import connection
from django.http import Http404
from docx import Document
from docx.oxml.ns import qn

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.core.errors import DomainError
from govcounsel.core.models import AuditEvent
from govcounsel.core.scoping import get_visible_or_404
from govcounsel.documents.choices import DocumentKind
from govcounsel.documents.models import OfficialDocument
from govcounsel.documents.services import (
    abbreviation,
    document_file,
    issue_document,
    take_number,
)
from govcounsel.documents.word import OfficialText, build_docx


def test_number_format_and_serials_per_issuer_year_and_kind(tree):
    take = take_number
    assert take(tree.chaoyang, 2026, DocumentKind.BULLETIN) == "朝法办通〔2026〕1号"
    assert take(tree.chaoyang, 2026, DocumentKind.BULLETIN) == "朝法办通〔2026〕2号"
    assert take(tree.chaoyang, 2026, DocumentKind.NOTICE) == "朝法办知〔2026〕1号"
    assert take(tree.chaoyang, 2027, DocumentKind.BULLETIN) == "朝法办通〔2027〕1号"
    assert take(tree.haidian, 2026, DocumentKind.BULLETIN) == "海法办通〔2026〕1号"
    # A municipality's 市辖区 issues as the city.
    assert take(tree.beijing_city, 2026, DocumentKind.BULLETIN) == "北法办通〔2026〕1号"
    assert take(tree.unit_a, 2026, DocumentKind.LETTER) == "朝市场函〔2026〕1号"
    assert abbreviation(tree.unit_a2) == "朝公安"  # 北京市公安局朝阳分局


@pytest.mark.django_db(transaction=True)
def test_two_issuers_at_once_get_different_serials(tree):
    start = threading.Barrier(2)
    numbers: list[str] = []
    errors: list[BaseException] = []

    def issue() -> None:
        try:
            start.wait()
            numbers.append(take_number(tree.unit_b, 2026, DocumentKind.LETTER))
        except BaseException as error:  # reported below, not lost in the thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=issue) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(numbers) == ["海司法函〔2026〕1号", "海司法函〔2026〕2号"]


def letter(tree, by, dated=date(2026, 9, 30)) -> OfficialDocument:
    return issue_document(
        kind=DocumentKind.LETTER,
        issuer=tree.unit_a,
        issuer_name=tree.unit_a.name,
        title="关于某事项的函",
        dated=dated,
        render=lambda number: build_docx(
            OfficialText(
                issuer_name=tree.unit_a.name,
                number=number,
                title="关于某事项的函",
                dated=dated,
                body=["特此函告。"],
            )
        ),
        by=by,
    )


def test_issued_document_is_stored_and_downloaded_unchanged(tree):
    clerk = user_with(Role.UNIT_ADMIN, tree.unit_a)
    document = letter(tree, clerk)
    assert (document.number, document.region, document.unit) == (
        "朝市场函〔2026〕1号",
        tree.chaoyang,
        tree.unit_a,
    )
    first = document_file(document=document, by=clerk)
    second = document_file(document=OfficialDocument.objects.get(pk=document.pk), by=clerk)
    assert first.content == second.content
    assert hashlib.sha256(second.content).hexdigest() == document.sha256
    assert "朝市场函〔2026〕1号" in [p.text for p in Document(io.BytesIO(first.content)).paragraphs]
    assert first.filename == "朝市场函〔2026〕1号关于某事项的函.docx"
    actions = list(
        AuditEvent.objects.filter(action__startswith="documents.").values_list("action", flat=True)
    )
    assert sorted(actions) == [
        "documents.document.downloaded",
        "documents.document.downloaded",
        "documents.document.issued",
    ]


def test_a_stored_file_that_no_longer_matches_its_hash_is_refused(tree):
    clerk = user_with(Role.UNIT_ADMIN, tree.unit_a)
    document = letter(tree, clerk)
    with document.file.open("wb") as handle:
        handle.write(b"not the document issued")
    with pytest.raises(DomainError) as refused:
        document_file(document=document, by=clerk)
    assert refused.value.code == "altered"


def test_documents_are_read_through_their_issuer(tree):
    document = letter(tree, user_with(Role.UNIT_ADMIN, tree.unit_a))
    readers = [
        user_with(Role.UNIT_ADMIN, tree.unit_a, username="own"),
        user_with(Role.SUPERVISOR, tree.chaoyang, username="district"),
        user_with(Role.JUSTICE_BUREAU, tree.beijing, username="city"),
    ]
    for reader in readers:
        assert get_visible_or_404(OfficialDocument, reader, pk=document.pk) == document
    strangers = [
        user_with(Role.SUPERVISOR, tree.chenggu, username="other_region"),
        user_with(Role.UNIT_ADMIN, tree.unit_b, username="other_unit"),
        user_with(Role.SYSTEM_ADMIN, None, username="sysadmin"),
    ]
    for stranger in strangers:
        with pytest.raises(Http404):
            get_visible_or_404(OfficialDocument, stranger, pk=document.pk)


def test_a_generated_bulletin_is_a_numbered_stored_document(
    tree, client, django_capture_on_commit_callbacks
):
    from govcounsel.coverage import services as coverage

    supervisor = user_with(Role.SUPERVISOR, tree.chaoyang)
    with django_capture_on_commit_callbacks(execute=True):
        bulletin = coverage.request_bulletin(
            region=tree.chaoyang, year=2023, quarter=4, by=supervisor
        )
    bulletin.refresh_from_db()
    assert bulletin.status == "done"
    document = OfficialDocument.objects.for_subject(bulletin).get()
    assert document.kind == DocumentKind.BULLETIN
    assert document.number == f"朝法办通〔{document.dated.year}〕1号"
    assert bulletin.docx.name == document.file.name  # one stored file, not a copy
    client.force_login(supervisor)
    download = client.get(f"/coverage/bulletins/{bulletin.pk}/docx/").content
    assert hashlib.sha256(download).hexdigest() == document.sha256
    word = Document(io.BytesIO(download))
    texts = [p.text for p in word.paragraphs]
    assert document.number in texts
    assert "朝阳区全面依法治区委员会办公室" in texts
    *body_tables, record = word.tables  # the last is the 版记, at the foot of the last page
    assert all(t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None for t in body_tables)
    assert record.rows[-1].cells[0].text.endswith("印发")
    assert not any("━" in t for t in texts)
    other = user_with(Role.SUPERVISOR, tree.chenggu, username="other")
    with pytest.raises(Http404):
        get_visible_or_404(OfficialDocument, other, pk=document.pk)


# --- the register of documents -----------------------------------------------------------


def test_a_confidential_matters_letter_is_hidden_from_the_region(cast):
    from govcounsel.documents.tests.test_visibility import letter

    document = letter(cast, confidential=True)
    assert document.confidential
    seen = {
        role: OfficialDocument.objects.visible_to(cast.user(role)).filter(pk=document.pk).exists()
        for role in ("own_unit", "parent_region", "bureau", "sibling_unit")
    }
    assert seen == {
        "own_unit": True,
        "parent_region": False,
        "bureau": False,
        "sibling_unit": False,
    }
    assert not letter(cast).confidential  # an ordinary matter's letter stays readable


def test_the_register_lists_searches_and_downloads_the_stored_bytes(cast):
    from govcounsel.documents.tests.test_visibility import letter

    document = letter(cast)
    page = cast.page("parent_region")
    html = page.get("/documents/", {"q": document.number}).content.decode()
    assert document.title in html
    assert f"/documents/{document.pk}/file/" in html
    assert f"/matters/{document.subject_id}/" in html  # its subject
    assert document.title not in page.get("/documents/", {"q": "没有这个"}).content.decode()
    download = b"".join(page.get(f"/documents/{document.pk}/file/"))
    assert hashlib.sha256(download).hexdigest() == document.sha256
    api = cast.api("bureau").get(f"/api/v1/documents/{document.pk}/file/")
    assert hashlib.sha256(api.content).hexdigest() == document.sha256
    listed = cast.api("bureau").get("/api/v1/documents/", {"kind": "函"}).json()
    assert [row["number"] for row in listed["results"]] == [document.number]
    exported = page.get("/documents/", {"export": "csv"})
    assert document.number in b"".join(exported.streaming_content).decode("utf-8-sig")


def test_abbreviations_declared_win_over_the_derived(tree, settings):
    tree.unit_a.abbreviation = "朝市监"
    assert take_number(tree.unit_a, 2026, DocumentKind.LETTER) == "朝市监函〔2026〕1号"
    settings.DOCUMENT_REGION_ABBREVIATIONS = {tree.chaoyang.code: "朝依法治办"}
    assert take_number(tree.chaoyang, 2026, DocumentKind.BULLETIN) == "朝依法治办通〔2026〕1号"


def test_a_municipalitys_placeholder_level_is_never_a_place(tree):
    from govcounsel.documents.services import place_name

    assert place_name(tree.beijing_city) == "北京市"
    assert place_name(tree.chaoyang) == "北京市朝阳区"
    assert place_name(tree.beijing) == "北京市"
