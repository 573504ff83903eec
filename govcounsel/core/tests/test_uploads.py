"""Scans and attachments are PDF, JPEG or PNG by content, within the size cap."""

import base64

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from govcounsel.core.uploads import validate_document_upload

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
TEXT = "这不是扫描件，只是改了扩展名的文本。\n".encode()


def upload(name, content, content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_a_text_file_renamed_pdf_is_refused():
    with pytest.raises(ValidationError) as refused:
        validate_document_upload(upload("扫描件.pdf", TEXT))
    assert refused.value.code == "upload_kind"
    assert "仅限 PDF、JPEG、PNG，不超过 10 MB" in refused.value.messages[0]


@pytest.mark.parametrize(
    ("name", "content"), [("a.pdf", PDF), ("b.png", PNG), ("c.jpg", JPEG), ("scan.bin", PDF)]
)
def test_pdf_png_and_jpeg_are_accepted_whatever_their_name(name, content):
    file = upload(name, content, content_type="application/octet-stream")
    validate_document_upload(file)
    assert file.read() == content  # the check leaves the file readable from the start


def test_an_oversize_file_is_refused(settings):
    settings.UPLOAD_MAX_BYTES = 1024
    with pytest.raises(ValidationError) as refused:
        validate_document_upload(upload("big.pdf", PDF + b"0" * 2048))
    assert refused.value.code == "upload_too_large"
    assert refused.value.messages[0] == "文件过大（2 KB）：仅限 PDF、JPEG、PNG，不超过 1 KB。"


def test_the_forms_say_what_may_be_uploaded():
    from govcounsel.certificates.forms import ActionForm, ApplyForm
    from govcounsel.matters.forms import MatterForm

    with translation.override("zh-hans"):
        assert (
            str(ActionForm(user=None).fields["scan"].help_text)
            == "仅限 PDF、JPEG、PNG，不超过 10 MB"
        )
        assert str(ApplyForm().fields["scan"].help_text) == "仅限 PDF、JPEG、PNG，不超过 10 MB"
        assert "仅限 PDF、JPEG、PNG" in str(MatterForm.base_fields["attachment"].help_text)


def test_the_action_form_refuses_a_renamed_text_file_and_takes_a_pdf():
    from govcounsel.certificates.forms import ActionForm

    refused = ActionForm({"note": "同意"}, {"scan": upload("扫描件.pdf", TEXT)}, user=None)
    assert not refused.is_valid()
    assert "不是 PDF、JPEG 或 PNG" in refused.errors["scan"][0]
    assert ActionForm({"note": "同意"}, {"scan": upload("扫描件.pdf", PDF)}, user=None).is_valid()


@pytest.mark.django_db
def test_a_matter_attachment_that_is_not_a_document_is_refused(tree, settings, tmp_path):
    from govcounsel.accounts.choices import Role
    from govcounsel.accounts.tests.factories import user_with
    from govcounsel.matters import services
    from govcounsel.matters.models import Matter

    settings.MEDIA_ROOT = str(tmp_path)
    with pytest.raises(ValidationError) as refused:
        services.register_matter(
            unit=tree.unit_a,
            by=user_with(Role.UNIT_ADMIN, tree.unit_a),
            title="合同审查",
            category="documents",
            subtype="contract",
            working_days=5,
            attachment=upload("合同.pdf", TEXT),
        )
    assert "attachment" in refused.value.message_dict
    assert not Matter.objects.exists()
    assert not any(tmp_path.rglob("*"))
