"""Safe cell writing for every workbook the tool writes: text stays text, never a formula.

openpyxl treats any string that starts with ``=`` as a formula. A note typed
by a respondent (``=HYPERLINK(...)``, ``+86 138…``, ``-``, ``@user``) must stay
data, so every cell is written through :func:`put` (or :func:`write_only_cell`
in streaming mode), which applies the one rule of :mod:`crm_readiness.cells_rule`:
control characters replaced by visible pictures (never ``IllegalCharacterError``),
the string type forced, and Excel's quote prefix set on formula-leading text (so
re-editing the cell keeps it text; the stored value has no apostrophe). Formulas the
tool builds itself from its own references go through :func:`formula` only.
:func:`safe_text` is re-exported for CSV and other plain-text cells.
"""

from __future__ import annotations

from copy import copy
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from weakref import WeakKeyDictionary

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from crm_readiness.cells_rule import FORMULA_START, needs_quote, safe_text, visible_controls

__all__ = ["FORMULA_START", "cell_value", "formula", "header", "put", "safe_text",
           "sheet_title", "visible_controls", "write_only_cell"]
HEADER_FILL = PatternFill("solid", fgColor="E5E7EB")
INPUT_FILL = PatternFill("solid", fgColor="FFF7D6")
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
UNLOCKED = Protection(locked=False)
#: per workbook: (font id, fill id) -> (style array, font, fill) — see write_only_cell.
_STYLE_CACHE: WeakKeyDictionary[Any, dict[tuple[int, int], tuple[Any, Any, Any]]] = (
    WeakKeyDictionary())


def put(ws: Worksheet, row: int, col: int, value: Any, *, bold: bool = False,
        wrap: bool = False, fill: PatternFill | None = None, number_format: str | None = None,
        unlocked: bool = False) -> Any:
    """Write ``value`` at (row, col); text is always stored as text (never a formula)."""
    cell = ws.cell(row=row, column=col)
    cell_value(cell, value)
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


def cell_value(cell: Any, value: Any) -> None:
    """Store ``value`` in ``cell`` by the one rule: numbers/dates as values, text as safe text."""
    if isinstance(value, bool) or value is None or isinstance(value, (int, float, Decimal, date, datetime)):
        cell.value = value
    else:
        text = visible_controls(value if isinstance(value, str) else str(value))
        cell.value = text
        cell.data_type = "s"
        if needs_quote(text):
            cell.quotePrefix = True


def write_only_cell(ws: WriteOnlyWorksheet, value: Any, *, font: Font | None = None,
                    fill: PatternFill | None = None) -> WriteOnlyCell:
    """Return a streaming-mode cell holding ``value`` by the same rule as :func:`put`.

    An unstyled number, date or plain text (no control character, nothing a
    spreadsheet would read as a formula) is returned as the value itself:
    openpyxl stores it as it is, and skipping the cell object halves the time
    of a large issues workbook.
    """
    if font is None and fill is None and _plain(value):
        return value
    cell = WriteOnlyCell(ws)
    if font is not None or fill is not None:
        # Setting a style hashes it into the workbook's style tables; a banded
        # sheet sets the same few thousands of times, so reuse the first result.
        styles = _STYLE_CACHE.setdefault(ws.parent, {})
        key = (id(font), id(fill))
        known = styles.get(key)
        if known is None:
            if font is not None:
                cell.font = font
            if fill is not None:
                cell.fill = fill
            styles[key] = (copy(cell._style), font, fill)  # keep font/fill alive: ids stay theirs
        else:
            cell._style = copy(known[0])
    cell_value(cell, value)
    return cell


def _plain(value: Any) -> bool:
    if isinstance(value, str):
        return not value.startswith(("=", *FORMULA_START)) and visible_controls(value) is value
    return value is None or isinstance(value, (int, float, Decimal, date, datetime))


def formula(ws: Worksheet, row: int, col: int, expression: str,
            number_format: str | None = None) -> Any:
    """Write a live formula the tool built from its own references (``=`` prefix added if absent).

    Never pass user text here: user text goes through :func:`put`.
    """
    cell = ws.cell(row=row, column=col)
    cell.value = expression if expression.startswith("=") else "=" + expression
    if number_format:
        cell.number_format = number_format
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
