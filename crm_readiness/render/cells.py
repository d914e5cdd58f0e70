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

import functools
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from copy import copy
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from weakref import WeakKeyDictionary

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.compat import safe_string
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from crm_readiness.cells_rule import FORMULA_START, needs_quote, safe_text, visible_controls

__all__ = [
    "FORMULA_START",
    "cell_value",
    "display_width",
    "formula",
    "header",
    "print_setup",
    "print_setup_sheet",
    "protect_form",
    "put",
    "safe_text",
    "sheet_title",
    "shown_length",
    "streaming_sheet",
    "visible_controls",
    "workbook_bytes",
    "write_only_cell",
]
HEADER_FILL = PatternFill("solid", fgColor="E5E7EB")
INPUT_FILL = PatternFill("solid", fgColor="FFF7D6")
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
UNLOCKED = Protection(locked=False)
#: the most characters a cell holds (openpyxl cuts longer text, as Excel would refuse it)
MAX_CELL_TEXT = 32767
#: per workbook: (font id, fill id) -> (style array, font, fill) — see write_only_cell.
_STYLE_CACHE: WeakKeyDictionary[Any, dict[tuple[int, int], tuple[Any, Any, Any]]] = (
    WeakKeyDictionary())
#: per workbook: (style before, bold, wrap, fill id, number format, unlocked) -> (style, fill) — see put.
_PUT_STYLES: WeakKeyDictionary[Any, dict[tuple[object, ...], tuple[Any, Any]]] = (
    WeakKeyDictionary())


def put(ws: Worksheet, row: int, col: int, value: Any, *, bold: bool = False,
        wrap: bool = False, fill: PatternFill | None = None, number_format: str | None = None,
        unlocked: bool = False) -> Any:
    """Write ``value`` at (row, col); text is always stored as text (never a formula)."""
    cell = ws.cell(row=row, column=col)
    cell_value(cell, value)
    if bold or wrap or fill is not None or number_format or unlocked:
        _style(cell, ws.parent, bold, wrap, fill, number_format, unlocked)
    return cell


def _style(cell: Any, wb: Any, bold: bool, wrap: bool, fill: PatternFill | None,
           number_format: str | None, unlocked: bool) -> None:
    """Give ``cell`` the style :func:`put` asks for, reusing the result of an earlier equal request.

    Setting a style hashes it into the workbook's style tables, which is most of
    the time a styled sheet takes; the same few combinations are set thousands of
    times, so the first resulting style array is kept per workbook and copied.
    The key holds the cell's style before (the quote prefix of formula-leading text).
    """
    styles = _PUT_STYLES.setdefault(wb, {})
    before = cell._style  # None for a cell never styled
    key = (None if before is None else tuple(before), bold, wrap, id(fill), number_format, unlocked)
    known = styles.get(key)
    if known is not None:
        cell._style = copy(known[0])
        return
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
    styles[key] = (copy(cell._style), fill)  # keeps the fill alive: its id stays its own


def cell_value(cell: Any, value: Any) -> None:
    """Store ``value`` in ``cell`` by the one rule: numbers/dates as values, text as safe text."""
    if isinstance(value, bool) or value is None or isinstance(value, (int, float, Decimal, date, datetime)):
        cell.value = value
    elif hasattr(value, "en") and hasattr(value, "zh"):
        # a bilingual Text has no language of its own: the renderer picks one (value.get(lang))
        raise TypeError(f"bilingual text given to a cell without a language: {value!r}")
    else:
        # as openpyxl would store it (str() of a str subclass, cut at the cell limit), bound
        # directly: binding through cell.value re-checks for controls visible_controls already
        # replaced and guesses a type (formula, error code) only to be overridden
        text = str(visible_controls(value if isinstance(value, str) else str(value)))[:MAX_CELL_TEXT]
        cell._value = text
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


def streaming_sheet(wb: Any, title: str) -> WriteOnlyWorksheet:
    """Return a new sheet of write-only workbook ``wb`` whose rows are written fast.

    ``ws.append(values)`` takes values and :func:`write_only_cell` cells as openpyxl
    does and writes the same sheet XML, byte for byte, by the same rule (each value
    goes through :func:`write_only_cell` unless it is plain text or a plain number).
    A plain value is written straight as the text of its ``<c>`` element instead of
    through a cell object and lxml's incremental writer, which is most of the time
    of a large streaming sheet; everything else of the sheet is openpyxl's own.
    """
    ws: WriteOnlyWorksheet = wb.create_sheet(title)
    ws._get_writer = functools.partial(_fast_writer, ws)
    ws._write_rows = functools.partial(_fast_rows, ws)
    return ws


class _SheetXML:
    """The XML stream of one streaming sheet, in place of openpyxl's ``xmlfile``.

    openpyxl's sheet writer opens elements (``element``) and writes whole ones
    (``write``); they are serialised as lxml (or ElementTree) serialises them, and
    :func:`_fast_rows` writes its rows' text (``raw``) between them.
    """

    def __init__(self, file: Any) -> None:
        self.file = file

    @contextmanager
    def element(self, tag: str, attrib: dict[str, str] | None = None,
                **extra: str) -> Iterator[None]:
        attrs = {**(attrib or {}), **extra}
        self.file.write(f"<{tag}{_attributes(attrs)}>".encode("ascii", "xmlcharrefreplace"))
        yield
        self.file.write(f"</{tag}>".encode("ascii"))

    def write(self, element: Any) -> None:
        from openpyxl.xml.functions import tostring

        self.file.write(tostring(element, encoding="us-ascii"))

    def raw(self, text: str) -> None:
        self.file.write(text.encode("ascii", "xmlcharrefreplace"))


def _attributes(attrs: Mapping[str, object]) -> str:
    return "".join(f' {k}="{_escape_attr(str(v))}"' for k, v in attrs.items())


def _escape_attr(text: str) -> str:
    return _escape_text(text).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")


def _escape_text(text: str) -> str:
    if "&" in text or "<" in text or ">" in text or "\r" in text:
        return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\r", "&#13;"))
    return text


class _Into:
    """Stands for openpyxl's XML stream where a cell writer writes one ``<c>``: into a row."""

    __slots__ = ("row",)

    def __init__(self, row: Any) -> None:
        self.row = row

    def write(self, element: Any) -> None:
        self.row.append(element)


def _fast_writer(ws: WriteOnlyWorksheet) -> None:
    """openpyxl's ``WriteOnlyWorksheet._get_writer``, its sheet written through :class:`_SheetXML`."""
    if ws._writer is None:
        ws._writer = _writer_class()(ws)
        ws._writer.write_top()


@functools.cache
def _writer_class() -> Any:
    from openpyxl.worksheet._writer import WorksheetWriter
    from openpyxl.xml.constants import SHEET_MAIN_NS

    class FastWriter(WorksheetWriter):  # type: ignore[misc]
        def get_stream(self) -> Iterator[Any]:
            with open(self.out, "wb") as file:
                xf = _SheetXML(file)
                with xf.element("worksheet", xmlns=SHEET_MAIN_NS):
                    try:
                        while True:
                            el = yield
                            if el is True:
                                yield xf
                            elif el is not None:
                                xf.write(el)
                    except GeneratorExit:
                        pass

    return FastWriter


def _text_xml(ref: str, text: str, style: str = "") -> str:
    if not text:
        return f'<c r="{ref}"{style} t="inlineStr"></c>'
    text = text[:MAX_CELL_TEXT]
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{_escape_text(text)}</t></is></c>'


def _number_xml(ref: str, value: float, style: str = "") -> str:
    return f'<c r="{ref}"{style} t="n"><v>{safe_string(value)}</v></c>'


def _fast_rows(ws: WriteOnlyWorksheet) -> Any:
    """openpyxl's ``WriteOnlyWorksheet._write_rows``, each row written as its XML text."""
    from openpyxl.cell._writer import etree_write_cell
    from openpyxl.comments.comment_sheet import CommentRecord
    from openpyxl.utils import get_column_letter
    from openpyxl.xml.functions import Element, tostring

    try:
        xf = ws._writer.xf.send(True)
    except StopIteration:
        ws._already_saved()
    letters: list[str] = [""]
    dims = ws.row_dimensions
    pending: list[str] = []
    with xf.element("sheetData"):
        row_idx = 1
        try:
            while True:
                values = yield
                if row_idx in dims:
                    pending.append(f'<row r="{row_idx}"{_attributes(dict(dims[row_idx]))}>')
                else:
                    pending.append(f'<row r="{row_idx}">')
                for col_idx, value in enumerate(values, 1):
                    if value is None:
                        continue
                    while len(letters) <= col_idx:
                        letters.append(get_column_letter(len(letters)))
                    kind, ref = type(value), f"{letters[col_idx]}{row_idx}"
                    if kind is str and _plain(value):
                        pending.append(_text_xml(ref, value))
                        continue
                    if kind is int or kind is float:
                        pending.append(_number_xml(ref, value))
                        continue
                    cell = value if isinstance(value, Cell) else write_only_cell(ws, value)
                    if not isinstance(cell, Cell):  # plain after all (a date, a str subclass …)
                        cell = WriteOnlyCell(ws, cell)
                    if cell.hyperlink is None and cell._comment is None:
                        # styled text or number (a fill, a quote prefix): its style id added
                        style = f' s="{cell.style_id}"' if cell.has_style else ""
                        if cell.data_type == "s" and type(cell._value) is str:
                            pending.append(_text_xml(ref, cell._value, style))
                            continue
                        if cell.data_type == "n" and type(cell._value) in (int, float):
                            pending.append(_number_xml(ref, cell._value, style))
                            continue
                    cell.column, cell.row = col_idx, row_idx
                    if cell.hyperlink is not None:
                        cell.hyperlink.ref = cell.coordinate
                    if cell._comment is not None:
                        ws._comments.append(CommentRecord.from_cell(cell))
                    if cell._value is None and not cell.has_style and not cell._comment:
                        continue
                    one = Element("row")
                    etree_write_cell(_Into(one), ws, cell, cell.has_style)
                    c = one[0]
                    if c.text is None and not len(c):
                        c.text = ""  # <c …></c>, as openpyxl's streaming writer has it
                    pending.append(tostring(c, encoding="us-ascii").decode("ascii"))
                pending.append("</row>")
                row_idx += 1
                if len(pending) > 4096:
                    xf.raw("".join(pending))
                    pending.clear()
        except GeneratorExit:
            pass
        xf.raw("".join(pending))
    ws._writer.xf.send(None)


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


# --- print setup: every sheet of every workbook prints on A4 and shows its numbers -------------

#: a sheet wider than this many columns, or than this many characters, prints landscape.
LANDSCAPE_COLUMNS = 8
LANDSCAPE_CHARS = 110
#: LibreOffice and Excel show a column of 8.43 characters when none is set.
DEFAULT_WIDTH = 8.43
LINE_HEIGHT = 15.0  # points per line of 11-point text
MAX_ROW_HEIGHT = 409.0  # the spreadsheet limit
MAX_TITLE_ROWS = 5
#: a chart anchored below this row starts a new printed page (it sits under a table).
CHART_BREAK_ROW = 10


def protect_form(wb: Any, ws: Worksheet, *, sort_and_filter: bool = False) -> None:
    """Protect a form sent out to be filled (questionnaire, RFP, panel, outcomes).

    Only the cells written ``unlocked`` can change; columns and rows may still be
    resized (and, with ``sort_and_filter``, sorted and filtered); no sheet can be
    added, removed or renamed.
    """
    from openpyxl.workbook.protection import WorkbookProtection

    ws.protection.sheet = True
    if sort_and_filter:
        ws.protection.autoFilter = False
        ws.protection.sort = False
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    wb.security = WorkbookProtection(lockStructure=True)


def workbook_bytes(wb: Any) -> bytes:
    """Return workbook ``wb`` as xlsx bytes, with :func:`print_setup` applied.

    Every (non-streaming) workbook the tool writes is saved through here, so none
    can be written without its print setup.
    """
    import io

    print_setup(wb)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def print_setup(wb: Any) -> None:
    """Make every sheet of ``wb`` print and show well; call it just before saving.

    A4 paper, fit to one page wide, landscape when the sheet is wide, margins,
    a chart below a table starting a new page (a chart is shorter than a page,
    so it never splits), the header row(s) repeated on every page (the rows above the frozen pane,
    else a first row of two or more bold labels), sheet name and page numbers in the running header
    and footer; columns holding dates or numbers widened so their values show
    (no ``###``) and rows holding wrapped text made tall enough for it. A
    streaming (write-only) workbook gets only what can still be set: use
    :func:`print_setup_sheet` on each of its sheets before writing rows.
    """
    for ws in wb.worksheets:
        if isinstance(ws, WriteOnlyWorksheet):
            continue
        _fit_columns(ws)
        _fit_rows(ws)
        _keep_charts_whole(ws)
        print_setup_sheet(ws, header_rows=_header_rows(ws), columns=ws.max_column)


def print_setup_sheet(ws: Worksheet | WriteOnlyWorksheet, *, header_rows: int | None = None,
                      columns: int | None = None) -> None:
    """Set the page of one sheet (paper, fit, orientation, margins, titles, header and footer).

    For a write-only sheet call it after setting column widths and frozen
    panes and before the first row; ``header_rows`` defaults to the rows above
    the frozen pane and ``columns`` to the columns given a width.
    """
    from openpyxl.worksheet.page import PageMargins
    from openpyxl.worksheet.properties import PageSetupProperties

    dims = ws.column_dimensions
    if columns is None:
        columns = max((d.max or 0 for d in dims.values()), default=0)
    if header_rows is None:
        header_rows = _frozen_rows(ws)
    chars = sum(_width(ws, c) for c in range(1, columns + 1))
    setup = ws.page_setup
    setup.paperSize = 9  # A4
    setup.orientation = ("landscape" if columns > LANDSCAPE_COLUMNS or chars > LANDSCAPE_CHARS
                         else "portrait")
    setup.fitToWidth = 1
    setup.fitToHeight = 0  # as many pages tall as needed
    props = ws.sheet_properties
    if props.pageSetUpPr is None:
        props.pageSetUpPr = PageSetupProperties()
    props.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.75, bottom=0.75,
                                  header=0.3, footer=0.3)
    ws.print_options.horizontalCentered = False
    if header_rows > 0:  # a tall frozen block: repeat only its last row, the column headings
        ws.print_title_rows = f"{1 if header_rows <= MAX_TITLE_ROWS else header_rows}:{header_rows}"
    ws.oddHeader.center.text = "&A"
    ws.oddFooter.center.text = "&P / &N"


def _keep_charts_whole(ws: Worksheet) -> None:
    """Put a manual page break above each chart anchored under a table."""
    from openpyxl.utils.cell import coordinate_to_tuple
    from openpyxl.worksheet.pagebreak import Break

    rows = {coordinate_to_tuple(chart.anchor)[0] for chart in ws._charts
            if isinstance(chart.anchor, str)}
    have = {b.id for b in ws.row_breaks.brk}
    for row in sorted(rows):
        if row > CHART_BREAK_ROW and row - 1 not in have:
            ws.row_breaks.append(Break(id=row - 1))


def _frozen_rows(ws: Worksheet | WriteOnlyWorksheet) -> int:
    from openpyxl.utils.cell import coordinate_to_tuple

    pane = ws.freeze_panes
    return coordinate_to_tuple(pane)[0] - 1 if pane else 0


def _header_rows(ws: Worksheet) -> int:
    frozen = _frozen_rows(ws)
    if frozen:
        return frozen
    if ws.max_row < 2:
        return 0
    first = [c for (r, _), c in ws._cells.items() if r == 1 and c._value is not None]
    # a header row labels two columns or more (a lone bold cell is the sheet's title)
    return 1 if len(first) > 1 and all(c.font is not None and c.font.b for c in first) else 0


def _width(ws: Worksheet | WriteOnlyWorksheet, col: int) -> float:
    from openpyxl.utils import get_column_letter

    letter = get_column_letter(col)
    dims = ws.column_dimensions
    if letter in dims and dims[letter].width:
        return float(dims[letter].width)
    return DEFAULT_WIDTH


def _fit_columns(ws: Worksheet) -> None:
    """Widen each column to the widest date or number it shows (text may overflow; numbers can't)."""
    from openpyxl.utils import get_column_letter

    merged = {c for rng in ws.merged_cells.ranges for row in rng.rows for c in row}
    # the cells that exist (iter_rows would create every empty cell of the grid first)
    shown_cells = [(key, cell) for key, cell in ws._cells.items()
                   if cell._value is not None and not (isinstance(cell._value, str)
                                                       and not cell._value.startswith("="))]
    biggest = max((abs(float(v)) for _, cell in shown_cells
                   if isinstance(v := cell._value, (int, float, Decimal)) and not isinstance(v, bool)),
                  default=0.0)
    need: dict[int, float] = {}
    for key, cell in shown_cells:  # plain text may overflow into the next cell; only numbers show ###
        if key in merged:
            continue
        shown = shown_length(cell._value, cell.number_format, formula_guess=biggest * 10)
        if shown:
            bold = 1.1 if cell.font is not None and cell.font.b else 1.0
            need[cell.column] = max(need.get(cell.column, 0.0), shown * bold + 2)
    for col, width in need.items():
        if width > _width(ws, col):
            ws.column_dimensions[get_column_letter(col)].width = round(width, 1)


def shown_length(value: Any, number_format: str, *, formula_guess: float = 0) -> int:
    """Return how many characters a date or number is shown with (0 for text)."""
    fmt = number_format or "General"
    bare = _QUOTED.sub("", fmt)
    literal = sum(len(s) for s in _QUOTED.findall(fmt)) + sum(bare.count(c) for c in "¥$€£")
    if isinstance(value, str) and value.startswith("=") and fmt != "General":
        value = formula_guess  # a formula the tool wrote: assume its result is a digit longer
    if isinstance(value, datetime):
        return max(len(fmt), 16) if fmt == "General" else len(fmt.replace("\\", ""))
    if isinstance(value, date):
        return 10 if fmt == "General" else len(fmt.replace("\\", ""))
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return 0
    number = float(value)
    if fmt == "General":
        return min(len(f"{number:.10g}"), 11)
    body = fmt.split(";")[0]
    decimals = len(body.split(".")[1].split("%")[0].rstrip(' _)"')) if "." in body else 0
    if "%" in body:
        number *= 100
    grouped = f"{number:,.{decimals}f}" if "," in body else f"{number:.{decimals}f}"
    bracket = number < 0 and ";" in fmt  # a negative section may show (1,234) for -1,234
    return len(grouped) + literal + ("%" in body) + bracket


_QUOTED = re.compile(r'"([^"]*)"')


def _fit_rows(ws: Worksheet) -> None:
    """Give each row holding wrapped text the height its longest cell needs."""
    lines: dict[int, int] = {}
    alignments = ws.parent._alignments  # the workbook's alignment table, by a cell's alignmentId
    wraps: dict[int, bool] = {}  # alignmentId → wraps text (reading cell.alignment is slow)
    widths: dict[int, float] = {}
    for (row, column), cell in ws._cells.items():  # the cells that exist, none created
        value = cell._value
        if not isinstance(value, str) or not cell.has_style:
            continue
        aid = cell._style.alignmentId
        wrap = wraps.get(aid)
        if wrap is None:
            wrap = wraps[aid] = bool(alignments[aid].wrap_text)
        if not wrap:
            continue
        width = widths.get(column)
        if width is None:
            width = widths[column] = max(_width(ws, column) - 1, 1.0)
        count = sum(max(1, -(-display_width(part) // int(width))) for part in value.split("\n"))
        lines[row] = max(lines.get(row, 1), count)
    for r, n in lines.items():
        if n > 1:
            height = min(n * LINE_HEIGHT + 2, MAX_ROW_HEIGHT)
            current = ws.row_dimensions[r].height
            if current is None or current < height:
                ws.row_dimensions[r].height = height


def display_width(text: str) -> int:
    """Return the width of ``text`` in character cells: CJK and full-width count two."""
    if text.isascii():
        return len(text)
    return sum(map(_char_width, text))


@functools.cache
def _char_width(ch: str) -> int:
    from unicodedata import east_asian_width

    return 2 if east_asian_width(ch) in "WF" else 1
