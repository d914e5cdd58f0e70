"""The one way the tests use LibreOffice: convert many files in one headless process.

Starting LibreOffice costs seconds of CPU, each further file a fraction of one, so a
test module converts everything it needs in ONE call (a module- or session-scoped
fixture) through :func:`convert`, or one of its forms:

- :func:`recalculate_books` — workbooks to one CSV per sheet (cell contents as
  recalculated, 15 significant digits), read back without openpyxl as :class:`Book`;
  the cheap way to compare recalculated values;
- :func:`recalculate_xlsx` — workbooks saved back as xlsx, for the checks that need a
  cell's type (text "-5" against the number -5) or the saved workbook;
- :func:`to_pdf` — any documents (workbooks, Word files) to PDF, with :func:`pdf_text`.

Every call runs on a private profile of this test process (made on its first call,
reused by its later calls, which saves the few tenths of a second LibreOffice spends
setting up a new one; deleted when the process exits; parallel processes never share
one) that forces a full recalculation of every formula on load
(``OOXMLRecalcMode``/``ODFRecalcMode`` 0, "always"): by default LibreOffice keeps the
results cached in a file, and a check comparing values would pass on stale ones.

``needs_soffice`` / ``needs_pdftotext`` skip with the one reason below when the tools
are absent (.ci/run installs them, so CI always runs these tests).
"""

from __future__ import annotations

import atexit
import csv
import io
import os
import re
import shutil
import subprocess
import tempfile
import threading
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from openpyxl.utils.cell import range_boundaries

SOFFICE = shutil.which("soffice")
PDFTOTEXT = shutil.which("pdftotext")
REASON = ("needs LibreOffice (soffice) and poppler's pdftotext; .ci/run installs "
          "libreoffice-calc-nogui, libreoffice-writer-nogui and poppler-utils so CI runs this")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason=REASON)
needs_pdftotext = pytest.mark.skipif(SOFFICE is None or PDFTOTEXT is None, reason=REASON)

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
TIMEOUT = 600  # seconds for one batch on the loaded 2-core machine


_profiles: dict[int, Path] = {}  # process id -> its profile folder
_in_use = threading.Lock()  # one LibreOffice at a time on a profile


def _remove_profiles() -> None:
    root = _profiles.pop(os.getpid(), None)
    if root is not None:
        shutil.rmtree(root, ignore_errors=True)


@contextmanager
def _profile() -> Iterator[str]:
    """This process's LibreOffice profile, which recalculates on load (removed at exit).

    The recalculation settings are written before every use: they hold whatever
    LibreOffice saved into the profile at the end of the previous run."""
    with _in_use:
        root = _profiles.get(os.getpid())
        if root is None:
            root = _profiles[os.getpid()] = Path(tempfile.mkdtemp(prefix="lo-"))
            if len(_profiles) == 1:
                atexit.register(_remove_profiles)
        settings = root / "user" / "registrymodifications.xcu"
        settings.parent.mkdir(exist_ok=True)
        _keep_recalculation(settings)
        yield f"-env:UserInstallation={root.as_uri()}"


def _keep_recalculation(settings: Path) -> None:
    """Make sure the profile's settings still force recalculation on load."""
    text = settings.read_text("utf-8") if settings.exists() else ""
    if not all(re.search(f'oor:name="{mode}" oor:op="fuse"><value>0</value>', text)
               for mode in ("OOXMLRecalcMode", "ODFRecalcMode")):
        settings.write_text(_RECALCULATE_ON_LOAD, "utf-8")


def convert(sources: Sequence[Path], out_dir: Path, target: str, *,
            timeout: int = TIMEOUT) -> None:
    """Convert every file of ``sources`` to ``target`` (``pdf``, ``xlsx``, a filter string)
    into ``out_dir`` with ONE LibreOffice process; file stems must differ."""
    if SOFFICE is None:
        pytest.skip(REASON)
    assert len({s.stem for s in sources}) == len(sources), "file names must differ"
    out_dir.mkdir(parents=True, exist_ok=True)
    with _profile() as profile:
        proc = subprocess.run([SOFFICE, profile, "--headless", "--convert-to", target,
                               "--outdir", str(out_dir), *map(str, sources)],
                              capture_output=True, text=True, timeout=timeout, check=False)
    assert proc.returncode == 0, proc.stderr


def recalculate_xlsx(sources: Sequence[Path], out_dir: Path) -> dict[str, Path]:
    """The recalculated xlsx copy of every workbook of ``sources``, by file name."""
    convert(sources, out_dir, "xlsx")
    out = {p.name: out_dir / f"{p.stem}.xlsx" for p in sources}
    missing = [n for n, p in out.items() if not p.exists()]
    assert not missing, f"LibreOffice wrote nothing for {missing}"
    return out


def to_pdf(sources: Sequence[Path], out_dir: Path) -> dict[str, Path]:
    """The PDF export of every document of ``sources`` (its print setup), by file name."""
    convert(sources, out_dir, "pdf")
    out = {p.name: out_dir / f"{p.stem}.pdf" for p in sources}
    missing = [n for n, p in out.items() if not p.is_file()]
    assert not missing, f"LibreOffice wrote no PDF for {missing}"
    return out


def pdf_text(pdf: Path, *, layout: bool = False) -> str:
    """The text of a PDF as poppler's pdftotext extracts it."""
    if PDFTOTEXT is None:
        pytest.skip(REASON)
    args = [PDFTOTEXT, *(["-layout"] if layout else []), str(pdf), "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True, timeout=120).stdout


_DRAWN = ("xl/drawings/", "xl/charts/", "xl/comments/")


def without_drawings(data: bytes) -> bytes:
    """The xlsx package ``data`` without its cell comments and charts (drawing parts).

    Cells, formulas, names, styles and sheets are left byte for byte. LibreOffice
    spends about half of its time per workbook importing these drawing parts, and
    they hold no formula: the recalculated cells are identical with or without them
    (tests/finance/test_libreoffice.py checks it on one workbook of every batch).
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
        """A cell's content (1-based column and row): Decimal, text, or None if empty."""
        rows = self.sheets[sheet]
        line = rows[row - 1] if row <= len(rows) else []
        return _number(line[col - 1]) if col <= len(line) else None

    def value(self, name: str) -> Any:
        """The value of a defined name: one value for a cell, a list for a range."""
        sheet, ref = self.names[name]
        min_col, min_row, max_col, max_row = range_boundaries(ref)
        assert None not in (min_col, min_row, max_col, max_row), (name, ref)
        values = [self.cell(sheet, c, r) for r in range(min_row, max_row + 1)
                  for c in range(min_col, max_col + 1)]
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


def read_csv_sheets(out_dir: Path, stem: str, sheet_names: Sequence[str]) -> dict[str, list[list[str]]]:
    """The CSV LibreOffice wrote for each sheet of the file ``stem`` (``<stem>-<sheet>.csv``)."""
    sheets = {}
    for sheet in sheet_names:
        path = out_dir / f"{stem}-{sheet}.csv"
        assert path.exists(), f"LibreOffice wrote no {path.name}"
        with path.open(encoding="utf-8", newline="") as f:
            sheets[sheet] = list(csv.reader(f))
    return sheets


def recalculate_books(sources: Sequence[Path], out_dir: Path) -> dict[str, Book]:
    """Recalculate every xlsx workbook in one LibreOffice process; return each by file stem."""
    convert(sources, out_dir, CSV_FILTER)
    books = {}
    for src in sources:
        sheet_names, names = _layout(src)
        books[src.stem] = Book(src.stem, read_csv_sheets(out_dir, src.stem, sheet_names), names)
    return books
