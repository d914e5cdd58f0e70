"""Recalculate workbooks with headless LibreOffice and read what it computed.

Every call starts LibreOffice on a private profile that forces a full recalculation
of every formula on load (``OOXMLRecalcMode`` 0, "always"): by default LibreOffice
shows the results cached in a file (a stale cached NPV stays stale), so without it
a check would pass on any workbook that carries cached values.

:func:`recalculate_books` is the cheap batch: one LibreOffice process loads every
workbook, recalculates it and writes each sheet as CSV (cell contents, not their
display; 15 significant digits), which is read back in milliseconds. The xlsx
round trip (:func:`recalculate_many`) costs about twice as much in LibreOffice and
again in openpyxl, so it is kept for the few checks that need the saved workbook.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import openpyxl
import pytest
from openpyxl.utils.cell import range_boundaries

SOFFICE = shutil.which("soffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None,
                                   reason="LibreOffice (soffice) is not installed; .ci/run "
                                          "installs libreoffice-calc-nogui so CI runs this")

ERRORS = ("#N/A", "#VALUE", "#DIV", "#NAME", "#REF", "#NUM", "#NULL", "Err:")
# field separator, text delimiter, UTF-8, first line, no column formats, language,
# quoted fields not as text, detect numbers, contents (not as shown), no formulas,
# spaces kept, ..., -1: every sheet to <name>-<sheet>.csv
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
_RECALCULATE_ON_LOAD = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
           xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode"
 oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode"
 oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


@contextmanager
def _profile() -> Iterator[str]:
    """A fresh LibreOffice profile that recalculates on load (removed afterwards)."""
    root = Path(tempfile.mkdtemp(prefix="lo-"))
    try:
        (root / "user").mkdir()
        (root / "user" / "registrymodifications.xcu").write_text(_RECALCULATE_ON_LOAD, "utf-8")
        yield f"-env:UserInstallation={root.as_uri()}"
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _convert(sources: list[Path], out_dir: Path, target: str, timeout: int) -> None:
    assert SOFFICE is not None
    assert len({s.stem for s in sources}) == len(sources), "workbook names must differ"
    out_dir.mkdir(parents=True, exist_ok=True)
    with _profile() as profile:
        subprocess.run([SOFFICE, profile, "--headless", "--calc", "--convert-to", target,
                        "--outdir", str(out_dir), *map(str, sources)], check=True,
                       capture_output=True, timeout=timeout)


def recalculate(src: Path, out_dir: Path) -> Path:
    """Return the LibreOffice-recalculated xlsx copy of ``src``."""
    return recalculate_many([src], out_dir)[0]


def recalculate_many(sources: list[Path], out_dir: Path) -> list[Path]:
    """Return the recalculated xlsx copies of ``sources``, converted by one LibreOffice call."""
    _convert(sources, out_dir, "xlsx", 300)
    results = [out_dir / src.name for src in sources]
    assert all(r.exists() for r in results)
    return results


_DRAWN = ("xl/drawings/", "xl/charts/", "xl/comments/")


def without_drawings(data: bytes) -> bytes:
    """The xlsx package ``data`` without its cell comments and charts (drawing parts).

    Cells, formulas, names, styles and sheets are left byte for byte. LibreOffice
    spends about half of its time per workbook importing these drawing parts, and
    they hold no formula: the recalculated cells are identical with or without them
    (test_libreoffice.py checks it on one workbook of every batch).
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            name = info.filename
            if name.startswith(_DRAWN):
                continue
            body = src.read(name)
            if name.startswith("xl/worksheets/_rels/"):
                body = re.sub(rb'<Relationship [^>]*Target="/xl/(?:drawings|charts|comments)/'
                              rb'[^"]*"[^>]*/>', b"", body)
            elif name.startswith("xl/worksheets/sheet"):
                body = re.sub(rb"<(?:legacyDrawing|drawing) [^>]*/>", b"", body)
            elif name == "[Content_Types].xml":
                body = re.sub(rb'<Override [^>]*PartName="/xl/(?:drawings|charts|comments)/'
                              rb'[^"]*"[^>]*/>', b"", body)
            dst.writestr(info, body)
    return out.getvalue()


def _number(text: str) -> Any:
    """A CSV field as LibreOffice wrote a cell's content: Decimal, text, or None if empty."""
    if text == "":
        return None
    percent = text.endswith("%")
    digits = text[:-1] if percent else text
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return text
    if not value.is_finite() or digits != digits.strip() or "_" in digits:
        return text  # Decimal also reads "NaN", " 1 " and "1_000": LibreOffice writes none
    return value / 100 if percent else value


@dataclass(frozen=True)
class Book:
    """One recalculated workbook: each sheet's cells (as LibreOffice wrote them), its names."""

    name: str
    sheets: dict[str, list[list[str]]]
    names: dict[str, tuple[str, str]]

    def cell(self, sheet: str, col: int, row: int) -> Any:
        rows = self.sheets[sheet]
        line = rows[row - 1] if row <= len(rows) else []
        return _number(line[col - 1]) if col <= len(line) else None

    def value(self, name: str) -> Any:
        """The value of a defined name: one value for a cell, a list for a range."""
        sheet, ref = self.names[name]
        min_col, min_row, max_col, max_row = range_boundaries(ref)
        assert None not in (min_col, min_row, max_col, max_row), (name, ref)
        values = [self.cell(sheet, c, r) for r in range(min_row, max_row + 1)  # type: ignore[arg-type]
                  for c in range(min_col, max_col + 1)]  # type: ignore[arg-type]
        return values[0] if len(values) == 1 else values

    def values(self) -> dict[str, Any]:
        """Every defined name (print titles aside) and its value."""
        return {name: self.value(name) for name in self.names}

    def texts(self) -> set[str]:
        return {cell for rows in self.sheets.values() for line in rows for cell in line}

    def error_cells(self) -> list[str]:
        """``sheet!row,col value`` of every error cell (#N/A, #VALUE!, Err:…) of every sheet."""
        return [f"{sheet}!R{r}C{c} {cell}" for sheet, rows in self.sheets.items()
                for r, line in enumerate(rows, start=1) for c, cell in enumerate(line, start=1)
                if cell.startswith(ERRORS)]


def _layout(src: Path) -> tuple[list[str], dict[str, tuple[str, str]]]:
    """The sheet names (in order) and the workbook-level defined names of an xlsx file."""
    with zipfile.ZipFile(src) as archive:
        root = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    sheets = [s.attrib["name"] for s in root.iter(f"{_MAIN}sheet")]
    names: dict[str, tuple[str, str]] = {}
    for dn in root.iter(f"{_MAIN}definedName"):
        if "localSheetId" in dn.attrib or dn.text is None:
            continue
        sheet, _, ref = dn.text.rpartition("!")
        if sheet.startswith("'"):
            sheet = sheet[1:-1].replace("''", "'")
        names[dn.attrib["name"]] = (sheet, ref.replace("$", ""))
    return sheets, names


def recalculate_books(sources: list[Path], out_dir: Path) -> dict[str, Book]:
    """Recalculate every workbook in one LibreOffice process; return each by file stem."""
    _convert(sources, out_dir, CSV_FILTER, 600)
    books = {}
    for src in sources:
        sheet_names, names = _layout(src)
        sheets = {}
        for sheet in sheet_names:
            path = out_dir / f"{src.stem}-{sheet}.csv"
            assert path.exists(), f"LibreOffice wrote no {path.name}"
            with path.open(encoding="utf-8", newline="") as f:
                sheets[sheet] = list(csv.reader(f))
        books[src.stem] = Book(src.stem, sheets, names)
    return books


def error_cells(path: Path) -> list[str]:
    """Return ``sheet!cell value`` of every error cell (#N/A, #VALUE!, Err:…) of a workbook."""
    wb = openpyxl.load_workbook(path, data_only=True)
    return [f"{ws.title}!{c.coordinate} {c.value}" for ws in wb for row in ws.iter_rows()
            for c in row if c.data_type == "e" or (isinstance(c.value, str)
                                                   and c.value.startswith(ERRORS))]


def named_values(path: Path) -> dict[str, Any]:
    """Return the cached value of every defined name (a list for row ranges)."""
    wb = openpyxl.load_workbook(path, data_only=True)
    out: dict[str, Any] = {}
    for name, dn in wb.defined_names.items():
        values: list[Any] = []
        for sheet, ref in dn.destinations:
            cells = wb[sheet][ref]
            if isinstance(cells, tuple):
                values += [c.value for row in cells for c in row]
            else:
                values.append(cells.value)
        out[name] = values[0] if len(values) == 1 else values
    return out
