import pytest
from django.core.exceptions import ValidationError

from govcounsel.certificates import numbering


def test_decodes_the_ministrys_published_example():
    parts = numbering.decode("11102200810000003")
    assert (parts.province, parts.area, parts.first_year) == ("11", "02", 2008)
    assert (parts.category, parts.sex, parts.serial) == ("1", "M", 3)
    assert parts.category_label == "专职律师"
    assert str(parts) == "11102200810000003"


def test_encodes_the_same_example_back():
    number = numbering.encode(
        region_code="110102", first_year=2008, sex="M", serial=3, category="1"
    )
    assert number == "11102200810000003"


@pytest.mark.parametrize(
    ("region", "expected"),
    [
        ("110105", "1110520236100042"),  # Chaoyang: a municipality's district code 05
        ("610722", "1610720236100042"),  # Chenggu: the city code of Hanzhong, 07
    ],
)
def test_public_lawyer_numbers_use_city_or_municipal_district(region, expected):
    number = numbering.encode(region_code=region, first_year=2023, sex="F", serial=42)
    assert number == "1" + expected[1:5] + "2023" + "6" + "1" + "000042"
    assert numbering.decode(number).category_label == "公职律师"


@pytest.mark.parametrize("bad", ["", "2110220081000000", "11102200810000003X", "11102200812000003"])
def test_malformed_numbers_are_refused(bad):
    with pytest.raises(ValidationError):
        numbering.decode(bad)
