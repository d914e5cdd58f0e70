"""Small openpyxl helpers for the finance workbook: safe text, names, styles."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.worksheet import Worksheet

from crm_readiness.render.cells import cell_value, visible_controls

MONEY = "#,##0.00"
RATE = "0.00%"
FACTOR = "0.000000"
COUNT = "#,##0.######"
INPUT_FILL = PatternFill("solid", fgColor="DBEAFE")
HEAD_FILL = PatternFill("solid", fgColor="F3F4F6")
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)


def text(ws: Worksheet, ref: str, value: str | None, *, bold: bool = False) -> None:
    """Write ``value`` as text by the one rule (:func:`crm_readiness.render.cells.put`)."""
    cell = ws[ref]
    cell_value(cell, value)
    if bold:
        cell.font = BOLD


def formula(ws: Worksheet, ref: str, expression: str, number_format: str | None = None,
            *, bold: bool = False) -> None:
    """Write a live formula (``expression`` without the leading ``=``)."""
    cell = ws[ref]
    cell.value = "=" + expression
    if number_format:
        cell.number_format = number_format
    if bold:
        cell.font = BOLD


def number(ws: Worksheet, ref: str, value: Decimal | float | int,
           number_format: str | None = None) -> None:
    """Write a number (Decimals keep their digits)."""
    cell = ws[ref]
    cell_value(cell, value)
    if number_format:
        cell.number_format = number_format


def comment(ws: Worksheet, ref: str, note: str) -> None:
    """Attach a comment to a cell."""
    ws[ref].comment = Comment(visible_controls(note), "crm-readiness", width=320, height=110)


def define(wb: Any, name: str, sheet: str, ref: str) -> None:
    """Give ``sheet!ref`` (absolute) the workbook-level defined name ``name``."""
    quoted = "'" + sheet.replace("'", "''") + "'"
    wb.defined_names[name] = DefinedName(name, attr_text=f"{quoted}!{ref}")


def absolute(col: str, row: int) -> str:
    """Return ``$C$5`` for column C, row 5."""
    return f"${col}${row}"


class Names:
    """Workbook names of drivers: ``in_`` + id with dots as underscores, kept unique."""

    def __init__(self) -> None:
        self._by_driver: dict[str, str] = {}
        self._used: set[str] = set()

    def add(self, driver: str) -> str:
        """Return a fresh name for ``driver``."""
        base = "in_" + driver.replace(".", "_")
        name, k = base, 2
        while name.lower() in self._used:
            name, k = f"{base}_{k}", k + 1
        self._used.add(name.lower())
        self._by_driver[driver] = name
        return name

    def __getitem__(self, driver: str) -> str:
        return self._by_driver[driver]

    def __contains__(self, driver: object) -> bool:
        return driver in self._by_driver
