"""A quick end-to-end smoke: the demo runs every capability.

CI runs this file alone on the lowest supported dependency versions
(``constraints-lowest.txt``) before the whole suite runs on the newest.
"""

from __future__ import annotations

import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

from crm_readiness.cli.main import app

DEPENDENCIES = ("typer", "rich", "pyyaml", "pydantic", "jinja2", "openpyxl", "numpy",
                "duckdb", "rapidfuzz", "python-calamine", "python-docx")


def test_demo_runs_every_capability(tmp_path: Path) -> None:
    env = {**os.environ, "CRM_READINESS_LANG": "en"}
    proc = subprocess.run([sys.executable, "-c", "from crm_readiness.cli.main import main; main()",
                           "demo", "--out", str(tmp_path / "demo")],
                          capture_output=True, text=True, env=env, timeout=300, check=False)
    versions = ", ".join(f"{d} {version(d)}" for d in DEPENDENCIES)
    assert proc.returncode == 0, f"{versions}\n{proc.stdout}\n{proc.stderr}"
    index = (tmp_path / "demo" / "index.html").read_text("utf-8")
    for part in ("assessment/", "finance/", "vendors/", "data/"):
        assert part in index, part
    assert "Traceback" not in proc.stdout + proc.stderr


def test_help_lists_the_commands() -> None:
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("assess", "demo", "init", "roi", "tco", "vendors", "data"):
        assert command in result.output
