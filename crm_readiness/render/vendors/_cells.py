"""Cell helpers shared by the vendor workbooks: text that never becomes a formula, styles."""

from __future__ import annotations

from typing import Any

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from crm_readiness.render.cells import cell_value

HEADER_FILL = PatternFill("solid", fgColor="1F3864")
HEADER_FONT = Font(bold=True, color="FFFFFF")
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
SNAPSHOT_FILL = PatternFill("solid", fgColor="EDEDED")
RED_FILL = PatternFill("solid", fgColor="F8CBAD")
GREEN_FILL = PatternFill("solid", fgColor="C6EFCE")
TITLE_FONT = Font(bold=True, size=14)
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


def text(ws: Worksheet, row: int, col: int, value: str | None, **style: Any) -> None:
    """Write ``value`` as a text cell by the one rule (:func:`crm_readiness.render.cells.put`)."""
    cell = ws.cell(row=row, column=col)
    if value is None:
        return
    cell_value(cell, str(value))
    for key, val in style.items():
        setattr(cell, key, val)


def value(ws: Worksheet, row: int, col: int, val: float | int | None, fmt: str | None = None,
          **style: Any) -> None:
    """Write a number (or leave the cell empty for None)."""
    cell = ws.cell(row=row, column=col)
    cell_value(cell, val)
    if fmt:
        cell.number_format = fmt
    for key, v in style.items():
        setattr(cell, key, v)


def formula(ws: Worksheet, row: int, col: int, expr: str, fmt: str | None = None) -> None:
    """Write a live formula (``expr`` starts with ``=``) built only from our own references."""
    cell = ws.cell(row=row, column=col)
    cell.value = expr
    if fmt:
        cell.number_format = fmt


def header(ws: Worksheet, row: int, labels: list[str], start: int = 1) -> None:
    """Write a styled header row."""
    for i, label in enumerate(labels):
        text(ws, row, start + i, label, font=HEADER_FONT, fill=HEADER_FILL, alignment=WRAP)


def name(wb: Workbook, key: str, sheet: str, ref: str) -> None:
    """Define workbook name ``key`` for ``sheet!ref`` (absolute reference)."""
    wb.defined_names[key] = DefinedName(key, attr_text=f"'{sheet}'!{ref}")


def widths(ws: Worksheet, sizes: dict[str, float]) -> None:
    """Set column widths by letter."""
    for letter, size in sizes.items():
        ws.column_dimensions[letter].width = size
