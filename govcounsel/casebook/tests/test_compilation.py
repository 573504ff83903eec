"""The annual compilation: one case a section, issued with a number from the register,
downloaded again unchanged."""

import io

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document

from govcounsel.casebook import services
from govcounsel.casebook.compilation import case_title
from govcounsel.core.errors import DomainError, NotPermitted
from govcounsel.documents.models import DocumentNumber

from .factories import published


def _paragraphs(content: bytes) -> list[str]:
    return [p.text for p in Document(io.BytesIO(content)).paragraphs]


def test_the_bureau_issues_the_years_cases_as_one_numbered_document(cast):
    first = published(cast)
    second = published(cast)
    year = first.current_revision.year
    compilation = services.issue_compilation(region=cast.tree.chaoyang, year=year, by=cast.bureau)
    document = compilation.document
    assert document.title == f"{year}年度公职律师参与行政争议化解典型案例汇编"
    register = DocumentNumber.objects.get(year=timezone.localdate().year)
    assert document.number == f"{register.prefix}〔{timezone.localdate().year}〕1号"
    with document.file.open("rb") as handle:
        text = _paragraphs(handle.read())
    assert document.title in "".join(text)
    assert document.number in text
    for index, case in enumerate((first, second), start=1):
        assert any(case_title(index, case.current_revision) in t for t in text) or any(
            case.current_revision.title in t for t in text
        )
    assert "（一）基本案情" in text
    assert "（三）典型意义" in text
    assert compilation.cases.count() == 2
    # A second compilation takes the next number.
    again = services.issue_compilation(region=cast.tree.chaoyang, year=year, by=cast.bureau)
    assert again.document.number.endswith(f"〔{timezone.localdate().year}〕2号")


def test_the_download_is_the_file_as_issued(cast):
    case = published(cast)
    compilation = services.issue_compilation(
        region=cast.tree.chaoyang, year=case.current_revision.year, by=cast.bureau
    )
    page = cast.page("bureau")
    url = reverse("casebook:compilation-download", args=[compilation.pk])
    one, two = page.get(url), page.get(url)
    assert one.status_code == 200
    assert one.content == two.content
    with compilation.document.file.open("rb") as handle:
        assert one.content == handle.read()
    listing = page.get(reverse("casebook:compilations")).content.decode()
    assert compilation.document.number in listing


def test_a_year_without_published_cases_is_refused(cast):
    with pytest.raises(DomainError) as refused:
        services.issue_compilation(region=cast.tree.chaoyang, year=2001, by=cast.bureau)
    assert refused.value.code == "nothing_to_compile"


@pytest.mark.parametrize("role", ["own_unit", "parent_region", "other_region"])
def test_only_the_regions_bureau_compiles(cast, role):
    with pytest.raises(NotPermitted):
        services.issue_compilation(region=cast.tree.chaoyang, year=2026, by=cast.user(role))
