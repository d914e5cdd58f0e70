"""Recalculate a workbook with headless LibreOffice and read the cached values."""

from __future__ import annotations

import shutil
import subprocess
import uuid
from pathlib import Path
from typing import Any

import openpyxl
import pytest

SOFFICE = shutil.which("soffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None,
                                   reason="LibreOffice (soffice) is not installed; .ci/run "
                                          "installs libreoffice-calc-nogui so CI runs this")


def recalculate(src: Path, out_dir: Path) -> Path:
    """Return the LibreOffice-recalculated copy of ``src`` (a private profile per call)."""
    assert SOFFICE is not None
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = f"-env:UserInstallation=file:///tmp/lo-{uuid.uuid4().hex}"
    subprocess.run([SOFFICE, profile, "--headless", "--calc", "--convert-to", "xlsx",
                    "--outdir", str(out_dir), str(src)], check=True, capture_output=True,
                   timeout=180)
    result = out_dir / src.name
    assert result.exists()
    return result


def recalculate_many(sources: list[Path], out_dir: Path) -> list[Path]:
    """Return the recalculated copies of ``sources``, converted by one LibreOffice call."""
    assert SOFFICE is not None
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = f"-env:UserInstallation=file:///tmp/lo-{uuid.uuid4().hex}"
    subprocess.run([SOFFICE, profile, "--headless", "--calc", "--convert-to", "xlsx",
                    "--outdir", str(out_dir), *map(str, sources)], check=True,
                   capture_output=True, timeout=300)
    results = [out_dir / src.name for src in sources]
    assert all(r.exists() for r in results)
    return results


def error_cells(path: Path) -> list[str]:
    """Return ``sheet!cell value`` of every error cell (#N/A, #VALUE!, Err:…) of a workbook."""
    wb = openpyxl.load_workbook(path, data_only=True)
    return [f"{ws.title}!{c.coordinate} {c.value}" for ws in wb for row in ws.iter_rows()
            for c in row if c.data_type == "e" or (isinstance(c.value, str) and (
                c.value.startswith(("#N/A", "#VALUE", "#DIV", "#NAME", "#REF", "#NUM",
                                    "Err:"))))]


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
