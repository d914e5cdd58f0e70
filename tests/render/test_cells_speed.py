"""put() and print_setup() stay cheap on big sheets without changing what a workbook holds."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import PatternFill
from openpyxl.utils.indexed_list import IndexedList

from crm_readiness.render.cells import print_setup, put, workbook_bytes


def test_put_hashes_each_style_once_per_workbook(monkeypatch: pytest.MonkeyPatch) -> None:
    """A thousand bold, shaded cells add their font and fill to the style tables once, not 1000 times."""
    adds = {"n": 0}
    real_add = IndexedList.add

    def counting_add(self: IndexedList, value: object) -> int:
        adds["n"] += 1
        return int(real_add(self, value))

    monkeypatch.setattr(IndexedList, "add", counting_add)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    fill = PatternFill("solid", fgColor="FFF7D6")
    adds["n"] = 0  # the new workbook's own default styles do not count
    for r in range(1, 1001):
        put(ws, r, 1, f"name {r}", bold=True, fill=fill)
    assert adds["n"] <= 2, adds["n"]  # the font and the fill


def test_put_styles_are_right_in_every_workbook_and_for_every_combination() -> None:
    """The reused style arrays are per workbook and per request (and keep the quote prefix apart)."""
    shade = PatternFill("solid", fgColor="FFF7D6")
    other = PatternFill("solid", fgColor="E5E7EB")
    for _ in range(2):  # the second workbook starts from its own, empty style tables
        wb = Workbook()
        wb.create_sheet("extra")  # a second style table entry before ours: ids differ per workbook
        ws = wb.active
        assert ws is not None
        put(ws, 1, 1, "plain", bold=True)
        put(ws, 2, 1, "=1+1", bold=True)  # formula-leading: quote prefix and bold
        put(ws, 3, 1, "plain", bold=True)
        put(ws, 4, 1, 12.5, number_format="0.0%", fill=shade)
        put(ws, 5, 1, 12.5, number_format="0.0%", fill=other)
        put(ws, 6, 1, "form", wrap=True, unlocked=True)
        put(ws, 7, 1, "none")
        back = load_workbook(io.BytesIO(workbook_bytes(wb)))["Sheet"]
        assert [back.cell(r, 1).font.b for r in range(1, 8)] == [True, True, True, False, False,
                                                               False, False]
        assert [back.cell(r, 1).quotePrefix for r in (1, 2, 3)] == [False, True, False]
        assert back["A2"].value == "=1+1" and back["A2"].data_type == "s"
        assert back["A4"].fill.fgColor.rgb.endswith("FFF7D6")
        assert back["A5"].fill.fgColor.rgb.endswith("E5E7EB")
        assert back["A4"].number_format == back["A5"].number_format == "0.0%"
        assert back["A6"].alignment.wrap_text and not back["A6"].protection.locked
        assert back["A7"].protection.locked and not back["A7"].alignment.wrap_text


def test_print_setup_creates_no_empty_cells() -> None:
    """Fitting widths and heights reads the cells that exist; it never fills the grid with empty ones."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    put(ws, 1, 1, "Name", bold=True)
    put(ws, 1, 2, "Amount", bold=True)
    put(ws, 800, 40, 1234567.5, number_format="#,##0.00")
    put(ws, 400, 3, "a long wrapped note " * 8, wrap=True)
    before = len(ws._cells)
    print_setup(wb)
    assert len(ws._cells) == before
    assert ws.print_title_rows == "$1:$1"  # the bold first row is still found
    assert ws.column_dimensions["AN"].width >= len("1,234,567.50")
    assert (ws.row_dimensions[400].height or 0) > 15


def test_text_cells_are_stored_as_openpyxl_would_bind_them() -> None:
    """Text bound directly is what cell.value would store: plain str, cut at 32,767, never a formula."""
    from enum import Enum

    class Colour(str, Enum):  # noqa: UP042 - str() of this mixin differs from its value
        RED = "red"

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    values = ["x" * 40_000, Colour.RED, "=SUM(A1)", "#N/A", "a\x01b", "plain"]
    for i, v in enumerate(values, start=1):
        put(ws, i, 1, v)
        ws.cell(i, 2).value = v if not isinstance(v, str) or "\x01" not in v else "a␁b"
    for i in range(1, len(values) + 1):
        mine, theirs = ws.cell(i, 1), ws.cell(i, 2)
        assert type(mine.value) is str and mine.data_type == "s"
        if theirs.data_type == "s":
            assert mine.value == theirs.value
    assert len(ws["A1"].value) == 32767
    assert ws["A3"].value == "=SUM(A1)" and ws["A3"].quotePrefix  # text, shown as typed
    assert ws["A4"].value == "#N/A"  # text, not an error code
    back = load_workbook(io.BytesIO(workbook_bytes(wb)))["Sheet"]
    assert [back.cell(i, 1).value for i in range(2, 7)] == [str(Colour.RED), "=SUM(A1)", "#N/A",
                                                           "a␁b", "plain"]
    assert back["A3"].data_type == "s"


def _sheet_xml(fast: bool, rows: list[list[object]]) -> bytes:
    import zipfile

    from openpyxl.styles import Font

    from crm_readiness.render.cells import streaming_sheet, write_only_cell

    wb = Workbook(write_only=True)
    ws = streaming_sheet(wb, "S") if fast else wb.create_sheet("S")
    for row in rows:
        # openpyxl's own path needs every unsafe value as a cell; the fast sheet decides
        ws.append([v if fast else write_only_cell(ws, v) for v in row])
    ws.append([write_only_cell(ws, "bold", font=Font(bold=True)), None, "after"])
    ws.append([])
    buf = io.BytesIO()
    wb.save(buf)
    with zipfile.ZipFile(buf) as z:
        return z.read("xl/worksheets/sheet1.xml")


def test_streaming_sheet_writes_what_openpyxl_writes() -> None:
    """The fast rows serialise every kind of value to the very XML openpyxl's cells give."""
    from datetime import date, datetime
    from decimal import Decimal

    rows: list[list[object]] = [
        ["plain", "", None, " padded ", "中文 客户", "x" * 40000, 7, -2.5, 1e300, True, False],
        ["=1+1", "+86 138", "-", "@a", "a\x01b", "\x1b[31m", "＝1", "-5", "#N/A-ish", "tab\tin"],
        [Decimal("12.30"), date(2024, 5, 1), datetime(2024, 5, 1, 8, 30), None, 0, "0"],
        [None, None, "last", "a&b<c>d", "cr\rin", 'q"uote', "line\nnext"],
    ]
    fast, slow = _sheet_xml(True, rows), _sheet_xml(False, rows)
    assert fast == slow
    assert b"<f>" not in fast and b'"str"' not in fast  # text stays text, no formula
    assert b"&#9217;" in fast and b"\x01" not in fast  # the control shown as its picture


def test_streaming_sheet_applies_the_rule_to_raw_values() -> None:
    """A formula-leading or control-character value appended raw is still made safe."""
    wb = Workbook(write_only=True)
    from crm_readiness.render.cells import streaming_sheet

    ws = streaming_sheet(wb, "S")
    ws.append(["=HYPERLINK(\"http://x\",\"y\")", "a\x01b", "ok"])
    buf = io.BytesIO()
    wb.save(buf)
    back = load_workbook(io.BytesIO(buf.getvalue()))["S"]
    assert back["A1"].data_type == "s" and back["A1"].value.startswith("=HYPERLINK")
    assert back["A1"].quotePrefix
    assert back["B1"].value == "a\u2401b" and back["C1"].value == "ok"
