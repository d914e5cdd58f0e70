"""Lint, types and the layer rules run with the tests, so CI enforces them."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=REPO, capture_output=True, text=True, check=False)


def test_ruff_clean_including_layer_rules() -> None:
    # ruff is a test dependency: run it from this interpreter, never skip when it is off PATH
    proc = _run(sys.executable, "-m", "ruff", "check", "crm_readiness", "tests", "benchmarks")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_mypy_strict() -> None:
    proc = _run(sys.executable, "-m", "mypy", "crm_readiness")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_help_does_not_import_heavy_libraries() -> None:
    code = ("import sys; from crm_readiness.cli.main import app; "
            "heavy = [m for m in ('pydantic', 'jinja2', 'openpyxl', 'numpy', 'duckdb', 'yaml', "
            "'rapidfuzz', 'docx', 'python_calamine') if m in sys.modules]; print(','.join(heavy))")
    proc = _run(sys.executable, "-c", code)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "", f"imported at start-up: {proc.stdout.strip()}"
