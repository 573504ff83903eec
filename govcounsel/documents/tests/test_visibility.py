"""Who reads the documents register and downloads a document, role by role
(core/testing/cases.py)."""

from __future__ import annotations

from datetime import date

from govcounsel.core.testing.cases import ScopedAPICase, ScopedViewCase, answers
from govcounsel.documents.choices import DocumentKind
from govcounsel.documents.models import OfficialDocument
from govcounsel.documents.services import issue_document
from govcounsel.documents.word import OfficialText, build_docx
from govcounsel.matters.tests.test_visibility import registered


def letter(scene_or_cast, *, confidential: bool = False) -> OfficialDocument:
    """A 函 of unit_a about one of its matters (confidential when asked)."""
    cast = getattr(scene_or_cast, "cast", scene_or_cast)
    matter = registered(cast)
    if confidential:
        type(matter).objects.filter(pk=matter.pk).update(confidential=True)
        matter.refresh_from_db()
    unit = cast.tree.unit_a
    dated = date(2026, 9, 30)
    return issue_document(
        kind=DocumentKind.LETTER,
        issuer=unit,
        issuer_name=unit.name,
        title="关于委托代理的函",
        dated=dated,
        render=lambda number: build_docx(
            OfficialText(
                issuer_name=unit.name,
                number=number,
                title="关于委托代理的函",
                dated=dated,
                body=["特此函告。"],
            )
        ),
        by=cast.own_unit,
        subject=matter,
    )


# The issuing unit's office and the region's casework readers (000 #6); not a sibling
# unit, not the association or the reconciliation centre, not the administrator duties.
SEEN_BY = {"own_unit": 200, "parent_region": 200, "bureau": 200}


class TestDocumentAPI(ScopedAPICase):
    basename = "document"
    model = OfficialDocument
    make = staticmethod(letter)

    list_expected = answers(200, anonymous=401)
    detail_expected = answers(404, **SEEN_BY, anonymous=401)


class TestDocumentPages(ScopedViewCase):
    model = OfficialDocument
    make = staticmethod(letter)
    list_name = "documents:list"

    list_expected = answers(200, anonymous=302)
