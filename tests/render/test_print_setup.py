"""Every workbook the tool writes prints on A4 and shows its numbers (render.cells.print_setup)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils.cell import coordinate_to_tuple

from crm_readiness.render.cells import display_width, print_setup, put, shown_length
from tests.tools.libreoffice import needs_pdftotext, pdf_text, to_pdf


@pytest.fixture(scope="module")
def demo_books(demo_zh: Path) -> list[Path]:
    """The workbooks of the shared zh demo run (zh: the widest labels; a 300-record export)."""
    books = sorted(demo_zh.rglob("*.xlsx"))
    assert len(books) >= 7, books
    return books


@pytest.fixture(scope="module")
def loaded(demo_books: list[Path]) -> list[tuple[Path, Any]]:
    return [(book, load_workbook(book)) for book in demo_books]


def _header_row_exists(ws: Any) -> bool:
    if ws.freeze_panes:
        return True
    first = [c for c in ws[1] if c.value is not None]
    return ws.max_row > 1 and len(first) > 1 and all(c.font.b for c in first)


def test_every_sheet_of_every_demo_workbook_has_print_setup(loaded: list[tuple[Path, Any]]) -> None:
    sheets = 0
    for book, wb in loaded:
        for ws in wb.worksheets:
            where = f"{book.name}!{ws.title}"
            sheets += 1
            assert int(ws.page_setup.paperSize) == 9, where  # A4
            assert ws.sheet_properties.pageSetUpPr.fitToPage, where
            assert int(ws.page_setup.fitToWidth) == 1 and int(ws.page_setup.fitToHeight) == 0, where
            assert ws.page_margins.left <= 0.75 and ws.page_margins.top <= 1, where
            assert "&P" in (ws.oddFooter.center.text or ""), where
            if ws.max_column > 8:
                assert ws.page_setup.orientation == "landscape", where
            if _header_row_exists(ws):
                last = coordinate_to_tuple(ws.freeze_panes)[0] - 1 if ws.freeze_panes else 1
                titles = (ws.print_title_rows or "").replace("$", "")
                assert titles.endswith(f":{last}"), (where, titles)
    assert sheets >= 15


def test_numbers_and_dates_fit_their_columns(loaded: list[tuple[Path, Any]]) -> None:
    from openpyxl.utils import get_column_letter

    checked = 0
    for book, wb in loaded:
        for ws in wb.worksheets:
            merged = {c for rng in ws.merged_cells.ranges for row in rng.rows for c in row}
            for row in ws.iter_rows():
                for cell in row:
                    if (cell.row, cell.column) in merged:
                        continue
                    if isinstance(cell.value, (date, datetime, int, float, Decimal)) \
                            and not isinstance(cell.value, bool):
                        letter = get_column_letter(cell.column)
                        width = ws.column_dimensions[letter].width \
                            if letter in ws.column_dimensions else 8.43
                        need = shown_length(cell.value, cell.number_format)
                        assert width >= need + 1, (book.name, ws.title, cell.coordinate,
                                                   cell.value, width)
                        checked += 1
    assert checked > 100


def test_wrapped_text_rows_are_tall_enough(loaded: list[tuple[Path, Any]]) -> None:
    from openpyxl.utils import get_column_letter

    tall = 0
    for book, wb in loaded:
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if not (isinstance(cell.value, str) and cell.alignment.wrap_text):
                        continue
                    letter = get_column_letter(cell.column)
                    width = ws.column_dimensions[letter].width \
                        if letter in ws.column_dimensions else 8.43
                    if display_width(cell.value) > 2 * width:  # needs three lines or more
                        height = ws.row_dimensions[cell.row].height
                        assert height is not None and height >= 45, (book.name, ws.title,
                                                                      cell.coordinate)
                        tall += 1
    assert tall > 0


def test_print_setup_rules_on_a_small_workbook() -> None:
    wb = Workbook()
    narrow = wb.active
    put(narrow, 1, 1, "Name", bold=True)
    put(narrow, 1, 2, "Due", bold=True)
    put(narrow, 2, 1, "x" * 90, wrap=True)
    put(narrow, 2, 2, date(2027, 1, 31), number_format="yyyy-mm-dd")
    put(narrow, 3, 2, Decimal("12345678.5"), number_format="#,##0.00")
    wide = wb.create_sheet("wide")
    for col in range(1, 12):
        wide.cell(row=1, column=col, value=f"c{col}")  # not bold: no header row
        wide.cell(row=2, column=col, value=col)
    print_setup(wb)
    assert narrow.page_setup.orientation == "portrait"
    assert narrow.print_title_rows.replace("$", "") == "1:1"
    assert wide.page_setup.orientation == "landscape" and not wide.print_title_rows
    assert narrow.column_dimensions["B"].width >= len("12,345,678.50") + 1
    assert narrow.row_dimensions[2].height >= 15 * 9  # 90 characters in a 8-character column
    assert narrow.column_dimensions["A"].width == 13 or "A" not in narrow.column_dimensions


def test_shown_length() -> None:
    assert shown_length(date(2027, 1, 2), "yyyy-mm-dd") == 10
    assert shown_length(Decimal("-1234567"), "#,##0") == len("-1,234,567")
    assert shown_length(0.125, "0.0%") == len("12.5%")
    assert shown_length(-5, '#,##0;(#,##0)') == len("(5)")
    assert shown_length(1500, '"¥"#,##0') == len("¥1,500")
    assert shown_length("text", "General") == 0
    assert display_width("需求a") == 5


#: name prefixes of the demo workbooks written by one renderer, one per respondent or vendor
SAME_RENDERER = ("questionnaire-", "panel-", "demo-outcomes-")


@needs_pdftotext
def test_libreoffice_pdf_export_shows_no_hashes(demo_books: list[Path], tmp_path: Path) -> None:
    """One soffice call over one demo workbook per renderer: the six questionnaires, the
    three panel score sheets and the three demonstration-outcome sheets each share one."""
    books: dict[str, Path] = {}
    for book in demo_books:
        kind = next((p for p in SAME_RENDERER if book.name.startswith(p)), book.name)
        books.setdefault(kind, book)
    pdfs = to_pdf(list(books.values()), tmp_path)
    for book in books.values():
        text = pdf_text(pdfs[book.name])
        assert len(text) > 100, book.name
        assert "###" not in text, (book.name, text[max(0, text.find("###") - 200):][:400])


def test_plan_due_dates_have_room() -> None:
    """The known defect: due dates in a column sized for week counts showed ###."""
    wb = Workbook()
    ws = wb.active
    ws.column_dimensions["D"].width = 8
    put(ws, 1, 4, "Due", bold=True)
    put(ws, 2, 4, date(2027, 3, 15), number_format="yyyy-mm-dd")
    ws["D1"].font = Font(bold=True)
    ws["A2"].alignment = Alignment(wrap_text=True)
    print_setup(wb)
    assert ws.column_dimensions["D"].width >= 11


def test_a_chart_under_a_table_starts_a_new_page() -> None:
    from openpyxl.chart import LineChart

    wb = Workbook()
    ws = wb.active
    for r in range(1, 40):
        put(ws, r, 1, r)
    ws.add_chart(LineChart(), "A42")
    ws.add_chart(LineChart(), "E42")  # side by side: one break
    ws.add_chart(LineChart(), "H2")  # beside the table's top: no break
    print_setup(wb)
    assert [b.id for b in ws.row_breaks.brk] == [41]


def test_demo_charts_below_tables_start_a_page(loaded: list[tuple[Path, Any]]) -> None:
    finance = [wb for book, wb in loaded if book.name == "roi.xlsx"]
    assert finance
    breaks = [b.id for ws in finance[0].worksheets for b in ws.row_breaks.brk]
    assert breaks, "the cash-flow charts sit under the table and must start a page"


def test_plan_workbook_keeps_milestones_and_mitigations_off_the_week_grid(
        loaded: list[tuple[Path, Any]]) -> None:
    from crm_readiness.i18n import t

    plan = next(wb for book, wb in loaded if book.name == "plan.xlsx")
    names = plan.sheetnames
    assert names == [t("plan.sheet", "zh"), t("plan.sheet_milestones", "zh"),
                     t("plan.sheet_mitigations", "zh")]
    gantt, _, mitigations = plan.worksheets
    assert gantt.max_row < 15  # stages only: it prints on one landscape page
    due = [c for c in mitigations["D"][1:] if isinstance(c.value, datetime)]
    assert due and mitigations.column_dimensions["D"].width >= 11
    assert mitigations.print_title_rows.replace("$", "") == "1:1"
