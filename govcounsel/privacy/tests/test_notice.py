"""The personal-information notice (PIPL art. 17): open to all, linked at login and from
the survey import, with a retention rule for every kind of record that holds personal data."""

from django.apps import apps

from govcounsel.privacy.models import RetentionRule


def test_the_notice_is_open_without_login_and_linked_from_the_login_page(client, db):
    login = client.get("/login/").content.decode()
    assert 'href="/privacy/"' in login
    page = client.get("/privacy/")
    assert page.status_code == 200
    text = page.content.decode()
    for heading in ("处理目的", "处理依据", "保存期限", "联系方式"):
        assert heading in text
    assert "第十三条第一款第三项" in text


def test_the_survey_import_links_the_notice(tree, client):
    from govcounsel.accounts.choices import Role
    from govcounsel.accounts.tests.factories import user_with

    client.force_login(user_with(Role.UNIT_ADMIN, tree.unit_a))
    page = client.get("/people/survey/")
    assert page.status_code == 200
    assert 'href="/privacy/"' in page.content.decode()


def test_every_model_holding_personal_data_has_a_retention_rule(db):
    kinds = set(RetentionRule.objects.values_list("record_kind", flat=True))
    holding = {
        m._meta.label_lower for m in apps.get_models() if getattr(m, "personal_data", False) is True
    }
    assert holding
    assert holding <= kinds


def test_records_kept_long_term_carry_a_written_decision(db):
    for rule in RetentionRule.objects.filter(retention__startswith="长期"):
        assert rule.decision, rule.record_kind


def test_the_notice_lists_the_rules_with_their_decisions(client, db):
    text = client.get("/privacy/").content.decode()
    for rule in RetentionRule.objects.all():
        assert rule.label in text
        assert rule.retention in text
    assert "须长期保存" in text
