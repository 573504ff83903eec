"""The back office names audit actions in words, as the audit pages do, and its header
follows the reader's language."""

from __future__ import annotations

import pytest
from django.urls import reverse

from govcounsel.core.audit import record_event
from govcounsel.core.audit_actions import actions

pytestmark = pytest.mark.django_db


def test_the_audit_list_shows_each_action_by_its_label(cast):
    record_event("organisations.unit.updated", cast.tree.unit_a)
    page = cast.page("audit_admin").get(reverse("admin:core_auditevent_changelist"))
    assert page.status_code == 200
    text = page.content.decode()
    assert str(actions.get("organisations.unit.updated").label) in text
    assert '<td class="field-action_label">organisations.unit.updated' not in text


def test_the_back_office_header_follows_the_language(cast):
    client = cast.page("system_admin")
    chinese = client.get(reverse("admin:index")).content.decode()
    assert "公职律师工作管理平台 · 后台管理" in chinese
    english = client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "公职律师工作管理平台 · 后台管理" not in english
