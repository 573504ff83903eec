"""The commission letter (委托公函) as a 函 of the document layer."""

import hashlib
import io
from datetime import timedelta

from django.utils import timezone
from docx import Document
from docx.shared import Mm

from govcounsel.accounts.choices import Role
from govcounsel.accounts.models import RoleGrant
from govcounsel.accounts.tests.factories import user_with
from govcounsel.documents.choices import DocumentKind
from govcounsel.documents.models import OfficialDocument
from govcounsel.matters import services
from govcounsel.organisations.tests.factories import UnitFactory
from govcounsel.people.tests.factories import PersonFactory


def test_letter_for_a_lawyer_dispatched_by_the_superior(tree, clerk, certify):
    """朝阳分局 has no public lawyer; 北京市公安局 sends one from 海淀分局. The letter names
    her as the superior's dispatched lawyer, with her own unit and her valid certificate."""
    branch = UnitFactory(
        name="北京市公安局海淀分局", region=tree.haidian, vertical_superior=tree.city_unit
    )
    RoleGrant.objects.create(user=clerk, role=Role.UNIT_ADMIN, unit=branch)
    lawyer = PersonFactory(name="海淀律师", unit=branch)
    certify(lawyer)
    requester = user_with(Role.UNIT_ADMIN, tree.unit_a2, username="requester")
    superior = user_with(Role.SUPERIOR_ADMIN, tree.city_unit, username="superior")
    today = timezone.localdate()
    request = services.request_dispatch(
        unit=tree.unit_a2,
        by=requester,
        category="litigation",
        starts_on=today,
        ends_on=today + timedelta(days=60),
        reason="本单位暂无公职律师，有一起行政诉讼需要应诉。",
    )
    services.dispatch(request=request, by=superior, lawyer=lawyer)
    matter = services.register_matter(
        unit=tree.unit_a2,
        by=requester,
        title="某公司诉朝阳分局",
        category="litigation",
        subtype="litigation",
        working_days=10,
    )
    services.assign(matter=matter, by=requester, lawyer=lawyer)

    letter = services.issue_commission_letter(
        matter=matter, by=requester, court="北京市朝阳区人民法院", counterparty="某公司"
    )

    word = Document(io.BytesIO(letter.content))
    text = "\n".join(p.text for p in word.paragraphs)
    number = lawyer.certificates.get(status="active").number
    assert f"上级单位派驻公职律师海淀律师（北京市公安局海淀分局，执业证号：{number}）" in text
    assert "我单位公职律师海淀律师" not in text
    # Numbered from the unit's register, not the matter id, and stored as issued.
    document = OfficialDocument.objects.for_subject(matter).get()
    assert document.kind == DocumentKind.LETTER
    assert document.number == f"朝公安函〔{today.year}〕1号"
    assert document.number in text
    assert hashlib.sha256(letter.content).hexdigest() == document.sha256
    # In the official layout, not Word's default margins.
    top = word.sections[0].top_margin
    assert top is not None
    assert abs(top - Mm(37)) <= Mm(0.1)
    second = services.issue_commission_letter(
        matter=matter, by=requester, court="北京市朝阳区人民法院", counterparty="某公司"
    )
    assert f"朝公安函〔{today.year}〕2号" in "\n".join(
        p.text for p in Document(io.BytesIO(second.content)).paragraphs
    )
