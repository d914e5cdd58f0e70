"""Recalculate a workbook with headless LibreOffice (private profile, so runs don't collide)."""

from __future__ import annotations

import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice")
needs_soffice = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed; CI installs it to check "
                            "that the workbook's live formulas equal the engine")


def recalculate(path: Path, out_dir: Path) -> Path:
    """Return the path of ``path`` recalculated and saved by LibreOffice."""
    assert SOFFICE is not None
    profile = Path("/tmp") / f"lo-{uuid.uuid4().hex}"
    out_dir.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless",
                        "--calc", "--convert-to", "xlsx", "--outdir", str(out_dir), str(path)],
                       check=True, capture_output=True, timeout=180)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    result = out_dir / path.name
    assert result.exists(), "LibreOffice wrote nothing"
    return result


def recalculate_all(paths: list[Path], out_dir: Path) -> dict[str, Path]:
    """Recalculate several workbooks in one LibreOffice run (one start-up, not one per file);
    return each recalculated file by its name (names must differ)."""
    assert SOFFICE is not None
    assert len({p.name for p in paths}) == len(paths), "workbook names must differ"
    profile = Path("/tmp") / f"lo-{uuid.uuid4().hex}"
    out_dir.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless",
                        "--calc", "--convert-to", "xlsx", "--outdir", str(out_dir),
                        *map(str, paths)], check=True, capture_output=True, timeout=300)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    out = {p.name: out_dir / p.name for p in paths}
    missing = [n for n, p in out.items() if not p.exists()]
    assert not missing, f"LibreOffice wrote nothing for {missing}"
    return out
