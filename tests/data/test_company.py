"""Company-name normalisation (the core name duplicates share)."""

from __future__ import annotations

from crm_readiness.engine.data.company import company_cores, company_regions


def test_suffixes_brackets_regions_stripped() -> None:
    names = ["上海华瑞机械股份有限公司", "华瑞机械（上海）有限公司", "华瑞机械有限公司",
             " 华瑞机械有限责任公司 ", "华瑞机械集团有限公司", "浙江省华瑞机械公司",
             "华瑞机械(上海市)有限公司", "ＨＵＡＲＵＩ机械有限公司"]
    cores = company_cores(names)
    assert cores[:7] == ["华瑞机械"] * 7
    assert cores[7] == "huarui机械"


def test_other_brackets_kept_and_empty_names() -> None:
    assert company_cores(["华瑞(集团)机械有限公司", "有限公司", None, "上海公司"]) == [
        "华瑞集团机械", None, None, "上海"]


def test_latin_legal_forms() -> None:
    assert company_cores(["Huarui Machinery Co., Ltd.", "Acme Inc."]) == [
        "huaruimachinery", "acme"]


def test_legal_form_typos_and_mismatched_brackets_stripped() -> None:
    names = ["华瑞机械有限泽任公司", "华瑞机械有限工司", "华瑞机械股份有线公司", "华瑞机械集团有限公私",
             "华瑞机械（北京)有限公司", "华瑞机械(北京有限公司", "华瑞机械北京)有限公司"]
    assert company_cores(names) == ["华瑞机械"] * len(names)


def test_tolerant_strip_keeps_a_core() -> None:
    # one wrong character is tolerated only where a core of two characters remains
    assert company_cores(["华瑞限公司", "华瑞科技公司"]) == ["华瑞", "华瑞科技"]


def test_regions_carried_by_names() -> None:
    assert company_regions(["上海华瑞机械有限公司", "华瑞机械（北京市）有限公司", "华瑞机械有限公司",
                            "上海公司", None]) == ["上海", "北京", None, None, None]
