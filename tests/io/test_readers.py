"""The YAML reader's scalar typing and limits, and the workbook reader's formats."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest
from pydantic import BaseModel

from crm_readiness.errors import InputFileError
from crm_readiness.io.workbooks import open_workbook
from crm_readiness.io.yaml_files import load_model, parse_yaml

HOSTILE = Path(__file__).resolve().parents[1] / "assets" / "hostile"


def test_yaml_12_scalars_yes_stays_text_010_is_ten_dates_stay_text() -> None:
    data = parse_yaml(Path("x.yaml"), "a: yes\nb: 010\nc: 0o10\nd: 2024-01-02\ne: TRUE\n"
                                      "f: off\n010: k\n").data
    assert data == {"a": "yes", "b": 10, "c": 8, "d": "2024-01-02", "e": True, "f": "off",
                    "010": "k"}


class _Enum(BaseModel):
    scale: list[str]
    pick: str
    ids: list[str]


def test_a_text_field_gets_the_text_as_written(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text("scale: [yes, no, true]\npick: 010\nids: [010, 0x1F]\n", "utf-8")
    got = load_model(path, _Enum)
    assert got.scale == ["yes", "no", "true"] and got.pick == "010"
    assert got.ids == ["010", "0x1F"]


def test_alias_bomb_refused_fast_and_small() -> None:
    text = (HOSTILE / "yaml" / "alias-bomb.yaml").read_text("utf-8")
    tracemalloc.start()
    start = time.perf_counter()
    with pytest.raises(InputFileError) as err:
        parse_yaml(Path("bomb.yaml"), text)
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert elapsed < 1.0 and peak < 200 * 1024 * 1024
    assert "alias" in err.value.text("en") and "别名" in err.value.text("zh")


def test_deep_nesting_is_a_located_error_not_recursion() -> None:
    text = "".join("  " * i + f"k{i}:\n" for i in range(1000))
    with pytest.raises(InputFileError) as err:
        parse_yaml(Path("deep.yaml"), text)
    assert err.value.problems[0].line == 65


@pytest.mark.parametrize("name", ["sparse.xls", "sparse.ods"])
def test_xls_and_ods_read_with_absolute_positions(name: str) -> None:
    with open_workbook(HOSTILE / "valid" / name) as wb:
        sheet = wb.sheet(wb.sheet_names[0])
        assert sheet.value("C3") == 1 and sheet.value("E5") == "x"
        rows = dict(sheet.rows(min_row=3, max_col=5))
        assert rows[3] == [None, None, 1, None, None] and rows[5][4] == "x"
