"""Safe cell writing for openpyxl workbooks: text stays text, never a formula.

openpyxl treats any string that starts with ``=`` as a formula. A note typed
by a respondent (``=HYPERLINK(...)``, ``+86 138…``, ``-``, ``@user``) must stay
data, so every text cell is written through :func:`put`, which forces the
string type and sets Excel's quote prefix (so re-editing the cell in Excel
keeps it text too).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.worksheet.worksheet import Worksheet

FORMULA_START = ("=", "+", "-", "@")
HEADER_FILL = PatternFill("solid", fgColor="E5E7EB")
INPUT_FILL = PatternFill("solid", fgColor="FFF7D6")
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
UNLOCKED = Protection(locked=False)


def put(ws: Worksheet, row: int, col: int, value: Any, *, bold: bool = False,
        wrap: bool = False, fill: PatternFill | None = None, number_format: str | None = None,
        unlocked: bool = False) -> Any:
    """Write ``value`` at (row, col); text is always stored as text (never a formula)."""
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str):
        cell.value = value
        cell.data_type = "s"
        if value.startswith(FORMULA_START):
            cell.quotePrefix = True
    elif isinstance(value, (int, float, date, datetime)) or value is None:
        cell.value = value
    else:
        cell.value = str(value)
        cell.data_type = "s"
    if bold:
        cell.font = BOLD
    if wrap:
        cell.alignment = WRAP
    if fill is not None:
        cell.fill = fill
    if number_format:
        cell.number_format = number_format
    if unlocked:
        cell.protection = UNLOCKED
    return cell


def header(ws: Worksheet, row: int, labels: list[str], *, widths: list[int] | None = None) -> None:
    """Write a bold, shaded header row and set column widths."""
    from openpyxl.utils import get_column_letter

    for i, label in enumerate(labels, start=1):
        put(ws, row, i, label, bold=True, wrap=True, fill=HEADER_FILL)
        if widths and i <= len(widths):
            ws.column_dimensions[get_column_letter(i)].width = widths[i - 1]


def sheet_title(text: str) -> str:
    """Return ``text`` made a valid sheet title (≤ 31 characters, no ``[]:*?/\\``)."""
    clean = "".join("_" if ch in "[]:*?/\\" else ch for ch in text).strip("'") or "Sheet"
    return clean[:31]
