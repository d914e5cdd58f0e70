"""The one way a workbook a user hands in is read: sheets → rows of plain cell values.

``.xlsx``, ``.xlsm``, ``.xlsb``, ``.xls`` (Excel 97–2003, what many vendors send
back) and ``.ods`` are read with python-calamine (fast, read-only, the cached
values of formulas). Anything else — a CSV or YAML file, a web page saved
with an ``.xls`` name, an empty file, a damaged archive or broken XML inside
one, a password-protected workbook — is an :class:`InputFileError` (exit 3)
naming the file and the formats expected.

Cell values are normalised: ``None`` for an empty cell, ``int`` for a whole
number, else ``float``, ``bool``, ``str``, ``datetime.date``/``datetime``;
times and durations become their ISO text. Control characters in text are
left as they are: the caller decides (``render.cells.safe_text`` for output).

Usage::

    with open_workbook(path) as wb:
        sheet = wb.sheet("Responses")
        for row_number, cells in sheet.rows(min_row=4, max_col=7):
            ...
        sheet.value("B1")
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

from crm_readiness.errors import InputFileError, Problem
from crm_readiness.i18n import t

FORMATS = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods")
FORMATS_TEXT = ".xlsx, .xlsm, .xlsb, .xls, .ods"
#: Largest total uncompressed size of a zip-based workbook (a zip bomb is refused unread).
MAX_UNPACKED_BYTES = 512 * 1024 * 1024

Cell = str | int | float | bool | dt.date | None

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_REF = re.compile(r"([A-Za-z]{1,3})([0-9]{1,7})")


def _fail(path: Path, key: str, *, where: str = "", **params: object) -> InputFileError:
    return InputFileError(path, [Problem(where, t(key, "en", formats=FORMATS_TEXT, **params),
                                         t(key, "zh", formats=FORMATS_TEXT, **params))])


def column_letter(col: int) -> str:
    """Return the spreadsheet letters of 1-based column ``col`` (1 → A, 27 → AA)."""
    out = ""
    while col > 0:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


def cell_ref(sheet: str, row: int, col: int) -> str:
    """Return ``Sheet!B7`` for 1-based ``row`` and ``col``: how every problem names a cell."""
    return f"{sheet}!{column_letter(col)}{row}"


def _parse_ref(ref: str) -> tuple[int, int]:
    m = _REF.fullmatch(ref)
    if m is None:
        raise ValueError(f"not a cell reference: {ref!r}")
    col = 0
    for ch in m.group(1).upper():
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col


def normalise(value: Any) -> Cell:
    """Return a calamine cell value as a plain Python value (see the module docstring)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool | str | int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() and abs(value) < 2**53 else value
    if isinstance(value, dt.date):  # datetime too
        return value
    if isinstance(value, dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return str(value)


class Sheet:
    """One sheet: rows by 1-based number, cells by reference (``B1``) or row and column."""

    def __init__(self, book: WorkbookReader, name: str, raw: Any) -> None:
        self._book = book
        self.name = name
        self._raw = raw
        self._grid: list[list[Cell]] | None = None

    def _load(self) -> list[list[Cell]]:
        if self._grid is None:
            rows = self._book.guard(lambda: self._raw.to_python(skip_empty_area=False),
                                    where=self.name)
            self._grid = [[normalise(v) for v in row] for row in rows]
        return self._grid

    @property
    def max_row(self) -> int:
        """The number of the last row that holds anything (0 for an empty sheet)."""
        grid = self._load()
        return len(grid)

    def cell(self, row: int, col: int) -> Cell:
        """Return the value at 1-based ``row``, ``col`` (``None`` outside the used area)."""
        grid = self._load()
        if 1 <= row <= len(grid) and 1 <= col <= len(grid[row - 1]):
            return grid[row - 1][col - 1]
        return None

    def value(self, ref: str) -> Cell:
        """Return the value of cell ``ref`` such as ``B1``."""
        return self.cell(*_parse_ref(ref))

    def rows(self, *, min_row: int = 1, max_col: int | None = None
             ) -> Iterator[tuple[int, list[Cell]]]:
        """Yield ``(row number, cells from column A)`` for each row from ``min_row``, streaming.

        Each list is padded or cut to ``max_col`` cells when it is given; rows are
        read one at a time, so a large sheet is never held in memory.
        """
        if self._grid is not None:
            source: Iterator[list[Any]] = iter(self._grid)
            lead = 0
        else:
            source = self._book.guard(lambda: iter(self._raw.iter_rows()), where=self.name)
            lead = self._book.guard(lambda: int(self._raw.start[1]) if self._raw.start else 0,
                                    where=self.name)
        number = 0
        while True:
            # the row being read when it fails, as a row reference (Sheet!3:3)
            raw_row = self._book.guard(lambda: next(source, None),
                                       where=f"{self.name}!{number + 1}:{number + 1}")
            if raw_row is None:
                return
            number += 1
            if number < min_row:
                continue
            cells: list[Cell] = [None] * lead + [normalise(v) for v in raw_row]
            if max_col is not None:
                cells = (cells + [None] * max_col)[:max_col]
            yield number, cells


class WorkbookReader:
    """An open workbook; use as a context manager or call :meth:`close`."""

    def __init__(self, path: Path, book: Any) -> None:
        self.path = path
        self._book = book
        self.sheet_names: list[str] = list(book.sheet_names)

    def guard(self, read: Any, where: str = "") -> Any:
        """Run ``read()``; a calamine failure (broken XML, a damaged record, a date out of
        range) becomes exit 3, located at ``where`` (the sheet, or the sheet and row)."""
        try:
            return read()
        except (InputFileError, StopIteration):
            raise
        except BaseException as exc:  # calamine raises several unrelated types for broken files
            if not _calamine_failure(exc):
                raise
            raise _fail(self.path, "file.workbook_corrupt", where=where,
                        reason=_reason(exc)) from None

    def sheet(self, name: str) -> Sheet:
        """Return sheet ``name``; raise a located error naming it when it is absent."""
        if name not in self.sheet_names:
            raise InputFileError(self.path, [Problem(name, t("file.workbook_no_sheet", "en",
                                                               sheet=name),
                                                     t("file.workbook_no_sheet", "zh",
                                                       sheet=name))])
        return Sheet(self, name, self.guard(lambda: self._book.get_sheet_by_name(name)))

    def close(self) -> None:
        """Release the file."""
        close = getattr(self._book, "close", None)
        if close is not None:
            with contextlib.suppress(Exception):  # a damaged book must not mask the real error
                close()

    def __enter__(self) -> WorkbookReader:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def _calamine_failure(exc: BaseException) -> bool:
    """Return whether ``exc`` is calamine failing on the file: an exception, or a Rust panic
    (pyo3's ``PanicException`` derives from ``BaseException``: a date or duration cell far out
    of range panics in calamine's date conversion), not an interrupt or exit."""
    return isinstance(exc, Exception) or type(exc).__name__ == "PanicException"


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split())[:160]
    return text or type(exc).__name__


def _sniff(path: Path, head: bytes) -> None:
    """Refuse what is certainly not a workbook, with the most helpful reason."""
    suffix = path.suffix.lower()
    if head.startswith(_OLE):
        if _ENCRYPTED in path.read_bytes()[:1 << 20]:
            raise _fail(path, "file.workbook_encrypted")
        if suffix not in FORMATS:
            raise _fail(path, "file.workbook_format", reason=suffix or path.name)
        return
    if head.startswith(_ZIP):
        if suffix not in FORMATS:
            raise _fail(path, "file.workbook_format", reason=suffix or path.name)
        _check_zip(path)
        return
    sample = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if sample.startswith(b"<") and any(tag in sample for tag in (b"<html", b"<table", b"<!doctype")):
        raise _fail(path, "file.workbook_html")
    if b"\x00" not in head:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:
            text = exc.start > len(head) - 4  # only a character cut at the end of the sample
        else:
            text = True
        if text:
            kind = {".csv": "CSV", ".tsv": "TSV", ".yaml": "YAML", ".yml": "YAML",
                    ".json": "JSON", ".txt": "text"}.get(suffix, "text")
            raise _fail(path, "file.workbook_text", kind=kind)
    if suffix not in FORMATS:
        raise _fail(path, "file.workbook_format", reason=suffix or path.name)
    raise _fail(path, "file.workbook_unknown")


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            unpacked = sum(i.file_size for i in zf.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _fail(path, "file.workbook_corrupt", reason=_reason(exc)) from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise _fail(path, "file.workbook_corrupt",
                    reason=f"{unpacked} bytes unpacked > {MAX_UNPACKED_BYTES}")


def open_workbook(path: Path) -> WorkbookReader:
    """Open ``path`` for reading; raise :class:`InputFileError` if it is not a readable workbook."""
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except FileNotFoundError:
        raise InputFileError(path, [Problem("", t("file.not_found", "en"),
                                            t("file.not_found", "zh"))]) from None
    except IsADirectoryError:
        raise InputFileError(path, [Problem("", t("file.is_dir", "en"),
                                            t("file.is_dir", "zh"))]) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise InputFileError(path, [Problem("", t("file.unreadable", "en", reason=reason),
                                            t("file.unreadable", "zh", reason=reason))]) from None
    if not head:
        raise InputFileError(path, [Problem("", t("file.empty", "en"), t("file.empty", "zh"))])
    _sniff(path, head)
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
    except BaseException as exc:  # calamine raises several unrelated types for broken files
        if not _calamine_failure(exc):
            raise
        if type(exc).__name__ == "PasswordError":
            raise _fail(path, "file.workbook_encrypted") from None
        raise _fail(path, "file.workbook_corrupt", reason=_reason(exc)) from None
    return WorkbookReader(path, book)
