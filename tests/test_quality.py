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


def test_engine_writes_no_files() -> None:
    """The engines are pure: no engine module opens, writes, moves or removes a file."""
    import ast

    writes = {"open", "write_text", "write_bytes", "mkdir", "makedirs", "unlink", "rmdir",
              "rename", "replace", "touch", "remove", "rmtree", "copyfile"}
    found: list[str] = []
    for path in sorted((REPO / "crm_readiness" / "engine").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call):
                fn = node.func
                name = fn.id if isinstance(fn, ast.Name) else (
                    fn.attr if isinstance(fn, ast.Attribute) else "")
                # str.replace is text, not a file: only flag replace() called on os
                if name == "replace" and not (isinstance(fn, ast.Attribute)
                                              and isinstance(fn.value, ast.Name)
                                              and fn.value.id == "os"):
                    continue
                if name in writes:
                    found.append(f"{path.relative_to(REPO)}:{node.lineno} {name}()")
    assert not found, found
