"""A matter's attachment and its opinions' files: shown, previewed and downloaded by those
who see the matter, each read recorded; an opinion's files checked by their content and
kept with it as submitted."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from govcounsel.core.models import AuditEvent
from govcounsel.matters import services
from govcounsel.matters.choices import MatterStatus
from govcounsel.matters.models import Matter, Opinion, OpinionAttachment
from govcounsel.tests.helpers import events

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _with_attachment(cast, content=PDF, name="合同.pdf"):
    return services.register_matter(
        unit=cast.tree.unit_a,
        by=cast.own_unit,
        title="某合同审查",
        category="documents",
        subtype="contract",
        working_days=5,
        attachment=SimpleUploadedFile(name, content, "application/octet-stream"),
    )


def _in_hand(matter, cast):
    services.assign(matter=matter, by=cast.own_unit, lawyer=cast.lawyer.person)
    return services.accept(matter=matter, by=cast.lawyer)


def _read(response):
    return b"".join(response.streaming_content)


def test_the_attachment_downloads_with_its_type_and_the_read_is_recorded(cast):
    matter = _with_attachment(cast)
    response = cast.page("own_unit").get(reverse("matters:attachment", args=[matter.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert _read(response) == PDF
    (event,) = events("matters.attachment.downloaded")
    assert (event.data["inline"], event.object_id) == (False, str(matter.pk))


def test_the_preview_is_inline_and_may_be_framed_by_the_site_alone(cast):
    matter = _with_attachment(cast)
    response = cast.page("own_unit").get(reverse("matters:attachment-preview", args=[matter.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("inline")
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    policy = [d.strip() for d in response["Content-Security-Policy"].split(";")]
    assert [d for d in policy if d.startswith("frame-ancestors")] == ["frame-ancestors 'self'"]
    assert events("matters.attachment.downloaded")[0].data["inline"] is True
    # Every other page keeps out of frames.
    page = cast.page("own_unit").get(matter.get_absolute_url())
    assert page["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in page["Content-Security-Policy"]


def test_a_file_of_unknown_content_is_never_shown_inline(cast):
    matter = _with_attachment(cast)
    # A file stored before uploads were checked by content (written past the validators).
    matter.attachment.save("旧附件.html", ContentFile(b"<script>alert(1)</script>"), save=False)
    Matter.objects.filter(pk=matter.pk).update(attachment=matter.attachment.name)
    response = cast.page("own_unit").get(reverse("matters:attachment-preview", args=[matter.pk]))
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Type"] == "application/octet-stream"
    page = cast.page("own_unit").get(matter.get_absolute_url()).content.decode()
    assert 'data-testid="attachment-preview"' not in page
    assert "请下载查看" in page


@pytest.mark.parametrize("name", ["matters:attachment", "matters:attachment-preview"])
def test_another_regions_reader_gets_404_and_the_attempt_is_recorded(cast, name):
    matter = _with_attachment(cast)
    response = cast.page("other_region").get(reverse(name, args=[matter.pk]))
    assert response.status_code == 404
    assert events("matters.attachment.downloaded") == []
    assert AuditEvent.objects.filter(action="access.denied").exists()


def test_a_matter_without_attachment_answers_404(cast, matter):
    response = cast.page("own_unit").get(reverse("matters:attachment", args=[matter.pk]))
    assert response.status_code == 404


def test_the_matter_page_previews_a_pdf_in_a_frame_and_an_image_as_an_image(cast):
    pdf = _with_attachment(cast)
    page = cast.page("own_unit").get(pdf.get_absolute_url()).content.decode()
    preview = reverse("matters:attachment-preview", args=[pdf.pk])
    assert f'<iframe src="{preview}"' in page
    assert reverse("matters:attachment", args=[pdf.pk]) in page
    png = _with_attachment(cast, PNG, "扫描件.png")
    page = cast.page("own_unit").get(png.get_absolute_url()).content.decode()
    assert (
        f'<img class="img-fluid border" src="{reverse("matters:attachment-preview", args=[png.pk])}"'
        in page
    )


def test_the_api_gives_the_attachment_addresses(cast, matter):
    with_file = _with_attachment(cast)
    api = cast.api("own_unit")
    body = api.get(reverse("matter-detail", args=[with_file.pk])).json()
    assert body["attachment_url"].endswith(reverse("matters:attachment", args=[with_file.pk]))
    assert body["attachment_preview_url"].endswith(
        reverse("matters:attachment-preview", args=[with_file.pk])
    )
    bare = api.get(reverse("matter-detail", args=[matter.pk])).json()
    assert (bare["attachment_url"], bare["attachment_preview_url"]) == (None, None)


# --- files with an opinion ------------------------------------------------------------------


def test_an_opinion_carries_its_files_from_the_page(cast, matter):
    _in_hand(matter, cast)
    response = cast.page("lawyer").post(
        reverse("verb", args=["matters.matter", matter.pk, "submit-opinion"]),
        {
            "text": "经审查，建议修改第三条。",
            "attachments": [
                SimpleUploadedFile("意见书.pdf", PDF, "application/pdf"),
                SimpleUploadedFile("现场照片.png", PNG, "image/png"),
            ],
        },
    )
    assert response.status_code == 302
    (opinion,) = Opinion.objects.filter(matter=matter)
    files = list(opinion.attachments.all())
    assert [(f.name, f.content_type, f.size) for f in files] == [
        ("意见书.pdf", "application/pdf", len(PDF)),
        ("现场照片.png", "image/png", len(PNG)),
    ]
    page = cast.page("own_unit").get(matter.get_absolute_url()).content.decode()
    assert page.count('data-testid="opinion-file"') == 2
    assert reverse("matters:opinion-file-preview", args=[files[1].pk]) in page
    download = cast.page("own_unit").get(reverse("matters:opinion-file", args=[files[0].pk]))
    assert download["Content-Disposition"].startswith("attachment")
    assert _read(download) == PDF
    (event,) = events("matters.opinion_attachment.downloaded")
    assert event.data == {"inline": False, "matter": matter.pk}


def test_the_api_takes_an_opinion_with_files_as_multipart(cast, matter):
    _in_hand(matter, cast)
    response = cast.api("lawyer").post(
        reverse("matter-submit-opinion", args=[matter.pk]),
        {"text": "意见", "attachments": [SimpleUploadedFile("意见书.pdf", PDF, "application/pdf")]},
        format="multipart",
    )
    assert response.status_code == 200, response.json()
    (opinion,) = response.json()["opinions"]
    (attached,) = opinion["attachments"]
    assert attached["name"] == "意见书.pdf"
    pk = OpinionAttachment.objects.get().pk
    assert attached["download_url"].endswith(reverse("matters:opinion-file", args=[pk]))


@pytest.mark.parametrize("side", ["page", "api"])
def test_a_file_that_is_not_a_document_refuses_the_opinion_and_nothing_is_kept(cast, matter, side):
    _in_hand(matter, cast)
    files = [
        SimpleUploadedFile("意见书.pdf", PDF, "application/pdf"),
        SimpleUploadedFile("照片.png", "这其实是文本".encode(), "image/png"),
    ]
    payload = {"text": "意见", "attachments": files}
    if side == "page":
        response = cast.page("lawyer").post(
            reverse("verb", args=["matters.matter", matter.pk, "submit-opinion"]), payload
        )
        message = response.content.decode()
    else:
        response = cast.api("lawyer").post(
            reverse("matter-submit-opinion", args=[matter.pk]), payload, format="multipart"
        )
        message = str(response.json())
    assert response.status_code == 400
    assert "文件内容不是 PDF、JPEG 或 PNG" in message
    assert not Opinion.objects.filter(matter=matter).exists()
    assert not OpinionAttachment.objects.exists()
    assert Matter.objects.get(pk=matter.pk).status == MatterStatus.IN_PROGRESS


def test_the_service_checks_the_files_itself(cast, matter):
    from govcounsel.core.errors import DomainError

    _in_hand(matter, cast)
    with pytest.raises(DomainError) as refused:
        services.submit_opinion(
            matter=matter,
            by=cast.lawyer,
            text="意见",
            attachments=[SimpleUploadedFile("a.pdf", b"plain", "application/pdf")],
        )
    assert refused.value.field == "attachments"
    assert "a.pdf" in str(refused.value.message)
    assert not Opinion.objects.filter(matter=matter).exists()


def test_an_opinions_files_are_kept_as_submitted(cast, matter):
    _in_hand(matter, cast)
    services.submit_opinion(
        matter=matter,
        by=cast.lawyer,
        text="意见",
        attachments=[SimpleUploadedFile("意见书.pdf", PDF, "application/pdf")],
    )
    attached = OpinionAttachment.objects.get()
    attached.name = "改名.pdf"
    with pytest.raises(PermissionError):
        attached.save()
    with pytest.raises(PermissionError):
        OpinionAttachment.objects.update(name="改名.pdf")


def test_an_opinion_file_is_read_only_by_those_who_see_the_matter(cast, matter):
    _in_hand(matter, cast)
    services.submit_opinion(
        matter=matter,
        by=cast.lawyer,
        text="意见",
        attachments=[SimpleUploadedFile("照片.png", PNG, "image/png")],
    )
    pk = OpinionAttachment.objects.get().pk
    url = reverse("matters:opinion-file-preview", args=[pk])
    for role, expected in (("lawyer", 200), ("parent_region", 200), ("other_region", 404)):
        response = cast.page(role).get(url)
        assert response.status_code == expected, role
        if expected == 200:
            assert response["Content-Type"] == "image/png"
            assert response["Content-Disposition"].startswith("inline")
    assert len(events("matters.opinion_attachment.downloaded")) == 2
