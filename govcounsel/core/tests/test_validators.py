from datetime import date

import pytest
from django.core.exceptions import ValidationError

from govcounsel.core.validators import (
    organisation_code_check,
    parse_id_number,
    region_level_of,
    validate_credit_code,
    validate_phone,
    validate_region_code,
)


@pytest.mark.parametrize(
    ("number", "birth", "sex"),
    [
        # The two examples printed in GB 11643-1999 itself.
        ("11010519491231002X", date(1949, 12, 31), "F"),
        ("440524188001010014", None, None),
    ],
)
def test_published_id_examples_have_valid_check_digits(number, birth, sex):
    if birth is None:
        # 1880 is before the range the system accepts as a living person's birth date.
        with pytest.raises(ValidationError) as error:
            parse_id_number(number)
        assert error.value.code == "id_birth_date"
        return
    parsed = parse_id_number(number)
    assert parsed.birth_date == birth
    assert parsed.sex == sex
    assert parsed.region_code == "110105"


def test_lower_case_x_is_accepted():
    assert parse_id_number("11010519491231002x").sex == "F"


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("110105194912310021", "id_check_digit"),  # last character altered
        ("11010519491331002X", "id_birth_date"),  # month 13
        ("1101051949123100", "id_format"),
        ("99010519491231002X", "id_region"),
        ("11010520991231002X", "id_birth_date"),  # born in the future
    ],
)
def test_broken_id_numbers_are_refused_with_a_reason(number, code):
    with pytest.raises(ValidationError) as error:
        parse_id_number(number)
    assert error.value.code == code


def test_published_credit_code_example_is_valid():
    # The example of GB 32100-2015, and the organisation code inside it (GB 11714).
    validate_credit_code("91350100M000100Y43")
    assert organisation_code_check("M000100Y") == "4"


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("91350100M000100Y44", "uscc_check_character"),
        ("91350100M000100Y4", "uscc_format"),
        ("91350100M000100I43", "uscc_format"),  # I is not in the code's alphabet
    ],
)
def test_broken_credit_codes_are_refused(code, reason):
    with pytest.raises(ValidationError) as error:
        validate_credit_code(code)
    assert error.value.code == reason


@pytest.mark.parametrize(
    ("code", "level"), [("110000", "province"), ("610700", "city"), ("610722", "county")]
)
def test_region_levels_read_from_the_code(code, level):
    validate_region_code(code)
    assert region_level_of(code) == level


@pytest.mark.parametrize("code", ["990000", "11010", "1101x5", "110005"])
def test_invalid_region_codes(code):
    with pytest.raises(ValidationError):
        validate_region_code(code)


@pytest.mark.parametrize("phone", ["13800138000", "010-65091234", "091612345678"])
def test_phone_formats_accepted(phone):
    validate_phone(phone)


@pytest.mark.parametrize("phone", ["1380013800", "12800138000", "abc"])
def test_phone_formats_refused(phone):
    with pytest.raises(ValidationError):
        validate_phone(phone)
