"""Reading exports: encodings, delimiters, XLSX, several files, bad input, rules files."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from crm_readiness.errors import InputFileError
from crm_readiness.io.data_sources import (
    detect_encoding,
    load_profile_result,
    load_rules,
    open_export,
    sniff_delimiter,
)
from tests.data.conftest import DATA_ASSETS


def _rows(path: Path, **kw: object) -> list[tuple[object, ...]]:
    with open_export([path], **kw) as table:  # type: ignore[arg-type]
        return table.conn.execute(f"SELECT * FROM {table.table} ORDER BY rowid").fetchall()


def test_encodings_detected() -> None:
    assert detect_encoding(DATA_ASSETS / "small.csv") == "utf-8"
    assert detect_encoding(DATA_ASSETS / "bom.csv") == "utf-8-sig"
    assert detect_encoding(DATA_ASSETS / "gbk.csv") == "gb18030"
    assert _rows(DATA_ASSETS / "gbk.csv") == [("华瑞机械有限公司", "上海"), ("宏远科技", "北京")]
    assert _rows(DATA_ASSETS / "bom.csv") == [("华瑞机械有限公司", "上海")]
    assert _rows(DATA_ASSETS / "gbk.csv", encoding="gbk")[1] == ("宏远科技", "北京")


def test_wrong_encoding_is_located() -> None:
    with pytest.raises(InputFileError) as info:
        _rows(DATA_ASSETS / "gbk.csv", encoding="utf-8")
    assert "line 1" in info.value.text("en") and "--encoding" in info.value.text("en")
    with pytest.raises(InputFileError, match="unknown encoding"):
        _rows(DATA_ASSETS / "gbk.csv", encoding="klingon")


def test_delimiters_sniffed() -> None:
    assert sniff_delimiter("a;b;c\n1;2,5;3\n") == ";"
    assert sniff_delimiter("a\tb\n1\t2\n") == "\t"
    assert sniff_delimiter("a,b\n1,2\n") == ","
    assert _rows(DATA_ASSETS / "semicolon.csv") == [("华瑞, 机械", "上海", "a,b"),
                                                    ("宏远", "北京", "c")]
    assert _rows(DATA_ASSETS / "tabs.tsv")[0] == ("华瑞", "上海")


@pytest.mark.parametrize(("name", "phrase"), [
    ("binary.csv", "binary file"), ("empty.csv", "no data rows"),
    ("header_only.csv", "no data rows"), ("missing.csv", "file not found")])
def test_bad_files(name: str, phrase: str) -> None:
    with pytest.raises(InputFileError) as info:
        _rows(DATA_ASSETS / name)
    assert phrase in info.value.text("en")
    assert name in info.value.text("en")


def test_xlsx_sheet_and_cell_types(tmp_path: Path) -> None:
    from datetime import datetime

    wb = Workbook()
    ws = wb.active
    ws.title = "说明"
    ws.append(["readme"])
    data = wb.create_sheet("客户")
    data.append(["客户名称", "手机", "最近联系日期", "金额"])
    data.append(["华瑞", 13812345678, datetime(2024, 5, 1), 12.5])
    path = tmp_path / "export.xlsx"
    wb.save(path)
    assert _rows(path, sheet="客户") == [("华瑞", "13812345678", "2024-05-01", "12.5")]
    with pytest.raises(InputFileError, match="no sheet"):
        _rows(path, sheet="不存在")


def test_several_files_read_together(tmp_path: Path) -> None:
    a = tmp_path / "a.csv"
    b = tmp_path / "b.csv"
    a.write_text("客户名称,城市\n甲,上海\n乙,北京\n", encoding="utf-8")
    b.write_text("城市,客户名称,备注\n广州,丙,x\n", encoding="gb18030")
    with open_export([a, b]) as table:
        assert table.columns == ("客户名称", "城市", "备注")
        assert table.rows == 3
        assert table.locate(2) == (str(b), 2)
        assert table.conn.execute("SELECT * FROM src ORDER BY rowid").fetchall()[2] == (
            "丙", "广州", "x")


def test_rules_unknown_format_located() -> None:
    with pytest.raises(InputFileError) as info:
        load_rules(DATA_ASSETS / "rules_unknown_format.yaml")
    text = info.value.text("en")
    assert "columns.手机.format" in text and "line 3" in text and "cn_mobile" in text


def test_rules_column_not_in_data_located() -> None:
    with pytest.raises(InputFileError) as info:
        load_rules(DATA_ASSETS / "rules_missing_column.yaml", ["客户名称", "城市"])
    text = info.value.text("en")
    assert "columns.传真" in text and "line 4" in text and "'传真' is not in the data" in text


def test_rules_bad_regex() -> None:
    with pytest.raises(InputFileError, match="regular expression"):
        load_rules(DATA_ASSETS / "rules_bad_regex.yaml")


def test_profile_json_not_a_profile() -> None:
    with pytest.raises(InputFileError, match="data-profile JSON"):
        load_profile_result(DATA_ASSETS / "not_json.json")
