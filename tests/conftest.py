"""Shared fixtures: asset folders, a CLI runner, small file builders."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

ASSETS = Path(__file__).parent / "assets"
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def assets() -> Path:
    return ASSETS


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def write_yaml(tmp_path: Path) -> Callable[[str, Any], Path]:
    def _write(name: str, data: Any) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True,
                                                                  sort_keys=False)
        path.write_text(text, encoding="utf-8")
        return path

    return _write


def no_traceback(result: Any) -> None:
    """Assert a CLI run ended by its own exit code, not by an uncaught exception."""
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in (result.output or "")


def _shared_demo(factory: pytest.TempPathFactory, worker_id: str, lang: str) -> Path:
    """Run ``crm-readiness demo`` once per suite run and language, shared by every worker.

    Tests that only read the demo's outputs use :func:`demo_en` / :func:`demo_zh`
    instead of running it again (it is the suite's most expensive step). The
    folder must not be modified; copy what you need to change.
    """
    from filelock import FileLock

    from crm_readiness.cli.main import app

    root = factory.getbasetemp() if worker_id == "master" else factory.getbasetemp().parent
    out = root / f"shared-demo-{lang}"
    with FileLock(str(out) + ".lock"):
        if not (out / "index.html").exists():
            result = CliRunner().invoke(app, ["demo", "--out", str(out), "--lang", lang])
            no_traceback(result)
            assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="session")
def demo_en(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The demo folder in English (run once per suite run; read only)."""
    return _shared_demo(tmp_path_factory, worker_id, "en")


@pytest.fixture(scope="session")
def demo_zh(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The demo folder in Chinese (run once per suite run; read only)."""
    return _shared_demo(tmp_path_factory, worker_id, "zh")
