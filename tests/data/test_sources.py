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


def _late_gbk(path: Path, rows: int = 4_000) -> Path:
    """A GB18030 file whose first 64 KiB are ASCII, so it looks like UTF-8 at the head."""
    body = "".join(f"C{k:06d},plain ascii row number {k}\n" for k in range(rows))
    path.write_bytes(("id,name\n" + body + "C999999,宏远科技\n").encode("gb18030"))
    assert path.stat().st_size > 65536
    return path


def test_utf8_check_runs_beside_the_load(monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole-file UTF-8 check runs on a thread of its own while DuckDB loads the file."""
    import threading

    from crm_readiness.io import data_sources

    seen: dict[str, int] = {}
    check, load = data_sources._validate, data_sources._load_one

    def validate(*a: object, **kw: object) -> None:
        seen["check"] = threading.get_ident()
        check(*a, **kw)  # type: ignore[arg-type]

    def load_one(*a: object, **kw: object) -> int:
        seen["load"] = threading.get_ident()
        return load(*a, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(data_sources, "_validate", validate)
    monkeypatch.setattr(data_sources, "_load_one", load_one)
    assert _rows(DATA_ASSETS / "small.csv") == _rows(DATA_ASSETS / "small.csv")
    assert seen["load"] == threading.get_ident() != seen["check"]


def test_late_non_utf8_bytes_still_detected(tmp_path: Path) -> None:
    """A file that is UTF-8 at its head but GB18030 further on is read as GB18030; alone
    and after a UTF-8 file (the checked load is redone the serial way)."""
    late = _late_gbk(tmp_path / "late.csv")
    got = _rows(late)
    assert len(got) == 4_001 and got[-1] == ("C999999", "宏远科技")
    first = tmp_path / "first.csv"
    first.write_text("id,name\nC1,甲\n", encoding="utf-8")
    with open_export([first, late]) as table:
        assert table.rows == 4_002
        assert [s.encoding for s in table.sources] == ["utf-8", "gb18030"]
        assert table.conn.execute("SELECT name FROM src WHERE id = 'C999999'"
                                  ).fetchall() == [("宏远科技",)]


def test_late_bad_byte_with_encoding_given_is_located(tmp_path: Path) -> None:
    """--encoding utf-8 and a bad byte past the head: the check's located message wins,
    whatever DuckDB's reader says about the same bytes."""
    late = _late_gbk(tmp_path / "late.csv")
    with pytest.raises(InputFileError) as info:
        _rows(late, encoding="utf-8")
    assert "line 4002" in info.value.text("en") and "--encoding" in info.value.text("en")
