"""Unified social credit codes have one spelling: NFKC, upper case (GB 32100)."""

import pytest
from django.db import IntegrityError, transaction
from django.db.models import Value
from django.forms import modelform_factory

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.core.errors import DomainError
from govcounsel.organisations import services
from govcounsel.organisations.models import Unit
from govcounsel.tests.helpers import client_for

CODE = "11110105MA01ABCD5P"  # valid: check character P
LOWER = "11110105ma01abcd5p"
FULL_WIDTH = "11１10105MA01ABCD5P"  # one full-width digit


@pytest.fixture
def sysadmin(db):
    return user_with(Role.SYSTEM_ADMIN)


def _unit(tree, credit_code, name="新单位"):
    return {
        "name": name,
        "credit_code": credit_code,
        "kind": "government_organ",
        "level": "county",
        "region": tree.chaoyang,
    }


@pytest.mark.parametrize("entered", [LOWER, FULL_WIDTH, f" {CODE[:9]} {CODE[9:]} "])
def test_a_code_is_stored_normalised(tree, sysadmin, entered):
    unit = services.create_unit(by=sysadmin, **_unit(tree, entered))
    assert Unit.objects.get(pk=unit.pk).credit_code == CODE


def test_lower_case_twin_of_an_existing_code_is_refused_as_a_duplicate(tree, sysadmin):
    services.create_unit(by=sysadmin, **_unit(tree, CODE, name="朝阳区某局"))
    with pytest.raises(DomainError) as refused:
        services.create_unit(by=sysadmin, **_unit(tree, LOWER))
    assert refused.value.code == "duplicate_credit_code"
    assert str(refused.value.message) == "该统一社会信用代码已被“朝阳区某局”使用。"
    assert not Unit.objects.filter(name="新单位").exists()


def test_changing_a_code_to_another_units_twin_is_refused(tree, sysadmin):
    services.update_unit(unit=tree.unit_b, by=sysadmin, credit_code=CODE)
    with pytest.raises(DomainError) as refused:
        services.update_unit(unit=tree.unit_a, by=sysadmin, credit_code=LOWER)
    assert tree.unit_b.name in str(refused.value.message)


def test_the_api_stores_a_full_width_code_normalised(tree):
    client = client_for(user_with(Role.SYSTEM_ADMIN))
    payload = {**_unit(tree, FULL_WIDTH), "region": tree.chaoyang.pk}
    response = client.post("/api/v1/units/", payload, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["credit_code"] == CODE
    twin = client.post("/api/v1/units/", {**payload, "credit_code": LOWER}, format="json")
    assert twin.status_code == 400
    assert twin.json()["errors"]["credit_code"] == ["该统一社会信用代码已被“新单位”使用。"]


@pytest.mark.parametrize(
    "bad",
    [
        "11١10105MA01ABCD5P",  # an Arabic-Indic digit: not a GB 32100 character
        "11１10105MA01ABCD5Q",  # full width, wrong check character
        "11110105MA01ABCD5PＸ",  # one character too many once normalised
    ],
)
def test_the_api_answers_a_bad_code_with_400_not_500(tree, bad):
    client = client_for(user_with(Role.SYSTEM_ADMIN))
    payload = {**_unit(tree, bad), "region": tree.chaoyang.pk}
    response = client.post("/api/v1/units/", payload, format="json")
    assert response.status_code == 400
    assert any("统一社会信用代码" in m for m in response.json()["errors"]["credit_code"])
    assert not Unit.objects.filter(name="新单位").exists()


def test_the_model_stores_and_finds_the_normalised_code(tree):
    tree.unit_a.credit_code = LOWER
    tree.unit_a.save()
    assert Unit.objects.filter(pk=tree.unit_a.pk).values_list("credit_code", flat=True)[0] == CODE
    assert Unit.objects.get(credit_code=FULL_WIDTH) == tree.unit_a


def test_the_database_refuses_a_lower_case_code(tree):
    with pytest.raises(IntegrityError), transaction.atomic():
        # An expression, so the field's own normalising is bypassed as raw SQL would.
        Unit.objects.filter(pk=tree.unit_a.pk).update(credit_code=Value(LOWER))


def test_a_unit_form_normalises_and_refuses_the_twin(tree):
    UnitForm = modelform_factory(Unit, fields=["name", "credit_code"])
    form = UnitForm({"name": "甲", "credit_code": FULL_WIDTH})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["credit_code"] == CODE
    tree.unit_a.credit_code = CODE
    tree.unit_a.save()
    twin = UnitForm({"name": "乙", "credit_code": LOWER})
    assert not twin.is_valid()
    assert twin.errors["credit_code"] == ["该统一社会信用代码已被其他单位使用。"]
