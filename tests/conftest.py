"""Shared fixtures: asset folders, a CLI runner, small file builders."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

# Keep compiled modules, as an installed package does. An environment that disables it
# (PYTHONDONTWRITEBYTECODE) makes every test process and subprocess recompile the package
# and re-rewrite every test module, which more than doubles the suite's time.
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

ASSETS = Path(__file__).parent / "assets"
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session", autouse=True)
def _one_command_tree() -> Iterator[None]:
    """Convert each Typer app to its click command tree once per session.

    ``CliRunner.invoke`` converts the whole app (every command, option and help
    text) on every call; the suite makes over a thousand calls. The tree is the
    same each time (help is rendered per language when shown), so it is cached.
    """
    import typer.testing
    from typer.main import get_command

    trees: dict[int, tuple[Any, Any]] = {}

    def cached(app: Any) -> Any:
        hit = trees.get(id(app))
        if hit is None or hit[0] is not app:
            hit = trees[id(app)] = (app, get_command(app))
        return hit[1]

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(typer.testing, "_get_command", cached)
        yield


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

    import crm_readiness.workflows.data as data_workflow
    from crm_readiness.cli.main import app

    root = factory.getbasetemp() if worker_id == "master" else factory.getbasetemp().parent
    out = root / f"shared-demo-{lang}"
    with FileLock(str(out) + ".lock"):
        if not (out / "index.html").exists():
            # a 300-record export instead of 3,000: every output and rule is the same, the
            # data part ten times cheaper (the full demo is benchmarks/commands.py's)
            with pytest.MonkeyPatch.context() as mp:
                mp.setattr(data_workflow, "DEMO_ROWS", 300)
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


@pytest.fixture(scope="session")
def doc_runs(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Any:
    """Run a docs page's examples once per session: ``doc_runs(page) -> PageRun``.

    tests/test_doc_examples.py runs every page; a page's own tests (its figures, the files
    it says are written) read the same run instead of running the page again.
    """
    from tests.tools.doc_examples import DocRuns

    def scratch(name: str) -> Path:
        return tmp_path_factory.mktemp("doc-" + name.replace("/", "-").removesuffix(".md"))

    return DocRuns(scratch, lambda: request.getfixturevalue("demo_en"))
