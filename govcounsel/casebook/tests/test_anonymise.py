"""The anonymiser: names to 张某 / 某公司, phones and ID numbers to X, and what is left."""

from hypothesis import given
from hypothesis import strategies as st

from govcounsel.casebook.anonymise import anonymise, leaks, masked_name


def test_a_person_keeps_the_surname_and_an_organisation_its_kind():
    assert masked_name("张建华") == "张某"
    assert masked_name("欧阳娜娜") == "欧阳某"
    assert masked_name("聊城市恒达贸易有限公司") == "某公司"
    assert masked_name("东昌府区某某农民专业合作社") == "某合作社"
    assert masked_name("聊城市东昌府区李记饭店") == "某店"


def test_names_phones_and_id_numbers_are_replaced():
    text = (
        "张建华（电话13812345678，座机0635-8412345，身份证号11010519491231002X）"
        "与聊城市恒达贸易有限公司发生纠纷，证人李四在场。"
    )
    done = anonymise(text, ["张建华", "聊城市恒达贸易有限公司", "李四"])
    assert "张建华" not in done
    assert "张某" in done
    assert "恒达" not in done
    assert "某公司" in done
    assert "李四" not in done
    assert "李某" in done
    assert "13812345678" not in done
    assert "138XXXXXXXX" in done
    assert "8412345" not in done
    assert "11010519491231002X" not in done
    assert "X" * 18 in done
    assert leaks(done, ["张建华", "聊城市恒达贸易有限公司", "李四"]) == []


def test_leaks_name_what_is_left():
    assert leaks("张建华于2024年申请复议", ["张建华"]) == ["张建华"]
    assert leaks("联系电话13912345678", []) == ["电话号码"]
    assert leaks("身份证110105194912310029", []) == ["身份证号码"]
    # An amount or a date is not a phone number.
    assert leaks("罚款5000元，2024年3月2日作出", []) == []


def test_the_longer_name_is_replaced_first():
    assert anonymise("张三丰与张三", ["张三", "张三丰"]) == "张某与张某"


@given(st.from_regex(r"1[3-9]\d{9}", fullmatch=True), st.text(alphabet="的了是在有", max_size=8))
def test_no_mobile_number_survives(phone, words):
    assert leaks(anonymise(f"{words}{phone}{words}", []), []) == []
