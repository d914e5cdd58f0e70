"""Validators: the same DuckDB SQL the profile runs, on hand-picked values."""

from __future__ import annotations

import random

import pytest

from crm_readiness.engine.data.formats import evaluate
from crm_readiness.engine.data.uscc import ALPHABET, check_character, is_valid
from crm_readiness.models.data.rules import ColumnRule


def _one(value: str | None, rule: str | ColumnRule) -> tuple[str, str | None]:
    return evaluate([value], rule)[0]


@pytest.mark.parametrize(("raw", "expected"), [
    ("13812345678", "13812345678"),
    ("138 1234 5678", "13812345678"),
    ("138-1234-5678", "13812345678"),
    ("+86 138 1234 5678", "13812345678"),
    ("+8613812345678", "13812345678"),
    ("8613812345678", "13812345678"),
    ("0086 13812345678", "13812345678"),
    ("(138)1234-5678", "13812345678"),
    ("１３８１２３４５６７８", "13812345678"),
])
def test_mobile_valid_and_normalised(raw: str, expected: str) -> None:
    assert _one(raw, "cn_mobile") == ("valid", expected)


@pytest.mark.parametrize("raw", ["1381234567", "138123456789", "12812345678", "23812345678",
                                 "+85 13812345678", "138abcd5678", "010-62345678"])
def test_mobile_invalid(raw: str) -> None:
    assert _one(raw, "cn_mobile")[0] == "invalid"


@pytest.mark.parametrize(("raw", "expected"), [
    ("010-62345678", "010-62345678"),
    ("(021)52345678", "021-52345678"),
    ("0755 8888 8888", "0755-88888888"),
    ("+86 10 62345678", "010-62345678"),
    ("0571-8765432", "0571-8765432"),
    ("021-52345678转123", "021-52345678-123"),
    ("400-820-8820", "400-820-8820"),
])
def test_landline_valid_and_normalised(raw: str, expected: str) -> None:
    assert _one(raw, "cn_landline") == ("valid", expected)


@pytest.mark.parametrize("raw", ["62345678", "12345", "13812345678", "021-12345678",
                                 "010-6234567890"])
def test_landline_invalid(raw: str) -> None:
    assert _one(raw, "cn_landline")[0] == "invalid"


@pytest.mark.parametrize(("raw", "expected"), [
    ("Zhang.San@QQ.com", "zhang.san@qq.com"),
    ("li_si@163。com", "li_si@163.com"),
    ("ｗａｎｇ＠ｑｑ．ｃｏｍ", "wang@qq.com"),
    ("a+b@sub.example.cn", "a+b@sub.example.cn"),
])
def test_email_valid(raw: str, expected: str) -> None:
    assert _one(raw, "email") == ("valid", expected)


@pytest.mark.parametrize("raw", ["wang@163", "x@@y.com", "@qq.com", "zhang qq.com", "a@.com"])
def test_email_invalid(raw: str) -> None:
    assert _one(raw, "email")[0] == "invalid"


@pytest.mark.parametrize(("raw", "expected"), [
    ("2024-05-01", "2024-05-01"),
    ("2024/5/1", "2024-05-01"),
    ("2024.5.1", "2024-05-01"),
    ("20240501", "2024-05-01"),
    ("2024年5月1日", "2024-05-01"),
    ("2024-05-01 10:30:00", "2024-05-01"),
    ("2024-02-29", "2024-02-29"),
])
def test_date_valid(raw: str, expected: str) -> None:
    assert _one(raw, "date") == ("valid", expected)


@pytest.mark.parametrize("raw", ["2023-02-29", "2024-02-30", "2024-13-01", "2024-04-31",
                                 "05/01/2024", "2024511", "1800-01-01", "yesterday"])
def test_impossible_or_ambiguous_dates_invalid(raw: str) -> None:
    assert _one(raw, "date")[0] == "invalid"


# real codes: Tencent, Alibaba (China) Network Technology, and two commonly quoted ones
REAL_CODES = ["9144030071526726XG", "91330100716105852F", "914403001922038216",
              "91350100M000100Y43"]


@pytest.mark.parametrize("code", REAL_CODES)
def test_uscc_real_codes_valid(code: str) -> None:
    assert is_valid(code)
    assert _one(code, "cn_uscc") == ("valid", code)


def test_uscc_check_character_hand_computed() -> None:
    # 9,1,3,5,0,1,0,0,M(21),0,0,0,1,0,0,Y(30),4 weighted by 3^(i-1) mod 31 → Σ = 1640;
    # 1640 mod 31 = 28; 31 - 28 = 3
    assert check_character("91350100M000100Y4") == "3"


@pytest.mark.parametrize("first17", ["Y1110000MA01ABCD1", "N2440300MA5FXT2K0", "A1110000100006090"])
def test_uscc_letters_first_are_valid(first17: str) -> None:
    code = first17 + check_character(first17)
    assert code[0].isalpha()
    assert _one(code, "cn_uscc") == ("valid", code)


@pytest.mark.parametrize("code", REAL_CODES)
def test_uscc_wrong_check_character_invalid(code: str) -> None:
    wrong = code[:17] + ALPHABET[(ALPHABET.index(code[17]) + 1) % 31]
    assert not is_valid(wrong)
    assert _one(wrong, "cn_uscc")[0] == "invalid"


@pytest.mark.parametrize("raw", ["91350100I000100Y43", "91350100M000100Y4", "9135010OM000100Y43",
                                 "9A35X100M000100Y43"])
def test_uscc_bad_shape_invalid(raw: str) -> None:
    assert _one(raw, "cn_uscc")[0] == "invalid"


def test_uscc_normalised_spaces_and_case() -> None:
    assert _one("9135 0100 m000 100y43", "cn_uscc") == ("valid", "91350100M000100Y43")


def test_uscc_sql_agrees_with_python_on_random_codes() -> None:
    rng = random.Random(3)
    codes = []
    for _ in range(300):
        body = "".join(rng.choice(ALPHABET) for _ in range(2)) + "".join(
            rng.choice("0123456789") for _ in range(6)) + "".join(
            rng.choice(ALPHABET) for _ in range(9))
        codes.append(body + rng.choice(ALPHABET))
    got = evaluate(codes, "cn_uscc")
    assert [s == "valid" for s, _ in got] == [is_valid(c) for c in codes]
    assert sum(s == "valid" for s, _ in got) >= 3


@pytest.mark.parametrize("raw", ["", "  ", "无", "-", "N/A", "n/a", "不详", "null", "NULL",
                                 "未知", "—", None])
def test_placeholders_are_missing(raw: str | None) -> None:
    assert _one(raw, "cn_mobile")[0] == "missing"
    assert _one(raw, "text")[0] == "missing"


def test_placeholders_configurable() -> None:
    assert evaluate(["待补充", "无"], "text", placeholders=["待补充"]) == [
        ("missing", None), ("valid", "无")]


def test_number_enum_regex() -> None:
    assert evaluate(["1,234.50", "12", "¥ 3,000", "abc"], "number") == [
        ("valid", "1234.5"), ("valid", "12"), ("valid", "3000"), ("invalid", None)]
    rule = ColumnRule(format="enum", enum=("VIP", "普通"))
    assert evaluate(["vip", "普通", "金牌"], rule) == [
        ("valid", "VIP"), ("valid", "普通"), ("invalid", None)]
    regex = ColumnRule(format="regex", pattern="C[0-9]{6}")
    assert evaluate(["C000001", "C0001", " C123456 "], regex) == [
        ("valid", "C000001"), ("invalid", None), ("valid", "C123456")]
