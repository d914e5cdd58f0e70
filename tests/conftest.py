"""Shared fixtures: asset folders, a CLI runner, small file builders."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar, cast

import pytest
import yaml
from typer.testing import CliRunner

# Keep compiled modules, as an installed package does. An environment that disables it
# (PYTHONDONTWRITEBYTECODE) makes every test process and subprocess recompile the package
# and re-rewrite every test module, which more than doubles the suite's time.
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

ASSETS = Path(__file__).parent / "assets"
T = TypeVar("T")
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


@pytest.fixture(scope="session", autouse=True)
def _packaged_checklists_once() -> Iterator[None]:
    """Load the packaged checklist set once per test process, as the CLI does per run.

    A real command is one process and reads the set once (from the per-user cache,
    about 35 ms: a digest of every packaged file, then validating the cached JSON);
    the suite runs over a thousand commands in one process, so it keeps the set per
    checklist folder (tests point ``checklists_dir`` elsewhere). With
    ``CRM_READINESS_CACHE_DIR`` set (tests/io/test_caches.py checks the cache itself)
    every call goes to the real loader.
    """
    import crm_readiness.io.checklists as checklists

    real = checklists._packaged_set
    kept: dict[str, Any] = {}

    def once() -> Any:
        if "CRM_READINESS_CACHE_DIR" in os.environ:
            return real()
        folder = str(checklists.checklists_dir())  # type: ignore[attr-defined]  # patched there
        if folder not in kept:
            kept[folder] = real()
        return kept[folder]

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(checklists, "_packaged_set", once)
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


def _run_root(factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The folder of this suite run that every pytest-xdist worker sees."""
    return factory.getbasetemp() if worker_id == "master" else factory.getbasetemp().parent


def shared_folder(factory: pytest.TempPathFactory, worker_id: str, name: str,
                  build: Callable[[Path], None]) -> Path:
    """The folder ``name`` that ``build(folder)`` fills, built once per suite run for every
    pytest-xdist worker (the first to ask builds it under a file lock, the others wait and
    read it; a build that fails is not kept, the next one tries again). Read only."""
    from filelock import FileLock

    out = _run_root(factory, worker_id) / name
    done = out.with_name(f"{name}.done")
    with FileLock(f"{out}.lock"):
        if not done.exists():
            if out.exists():
                shutil.rmtree(out)  # a build that failed half-way
            build(out)
            done.touch()
    return out


def shared_value(factory: pytest.TempPathFactory, worker_id: str, name: str,
                 build: Callable[[Path], T]) -> T:
    """``build(folder)``'s result, computed once per suite run for every pytest-xdist
    worker (:func:`shared_folder`; the value is pickled beside what it wrote)."""
    import pickle

    def store(folder: Path) -> None:
        folder.mkdir(parents=True)
        value = build(folder)
        (folder / "value.pickle").write_bytes(pickle.dumps(value))

    folder = shared_folder(factory, worker_id, name, store)
    return cast(T, pickle.loads((folder / "value.pickle").read_bytes()))  # written by this run


def _shared_demo(factory: pytest.TempPathFactory, worker_id: str, lang: str) -> Path:
    """Run ``crm-readiness demo`` once per suite run and language, shared by every worker.

    Tests that only read the demo's outputs use :func:`demo_en` / :func:`demo_zh`
    instead of running it again (it is the suite's most expensive step). The
    folder must not be modified; copy what you need to change.
    """
    import crm_readiness.workflows.data as data_workflow
    from crm_readiness.cli.main import app

    def build(out: Path) -> None:
        # a 300-record export instead of 3,000: every output and rule is the same, the
        # data part ten times cheaper (the full demo is benchmarks/commands.py's)
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(data_workflow, "DEMO_ROWS", 300)
            result = CliRunner().invoke(app, ["demo", "--out", str(out), "--lang", lang])
        no_traceback(result)
        assert result.exit_code == 0, result.output
        assert (out / "index.html").is_file()

    return shared_folder(factory, worker_id, f"shared-demo-{lang}", build)


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


# --cpu-durations=N: the N tests that used the most CPU (setup + call + teardown, this
# process and the child processes it waited for: soffice, forked demo parts, CLI runs).
# On a shared machine wall-clock durations mostly measure the other users; CPU seconds
# are what the suite's time on two cores is made of. Works with and without xdist (each
# worker puts its figures on the report, the controller adds them up).
_CPU = "cpu_seconds"
_cpu_start = pytest.StashKey[float]()
_cpu_totals: dict[str, dict[str, float]] = {}  # nodeid -> phase -> CPU seconds


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--cpu-durations", type=int, default=None, metavar="N",
                     help="show the N tests that used the most CPU (0: all)")


def _cpu_now() -> float:
    import resource

    own, children = (resource.getrusage(resource.RUSAGE_SELF),
                     resource.getrusage(resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    report = yield
    if item.config.getoption("--cpu-durations") is not None:
        start = item.stash.get(_cpu_start, None)
        if start is not None:
            report.user_properties.append((_CPU, _cpu_now() - start))
        item.stash[_cpu_start] = _cpu_now()  # the next phase starts here
    return report


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.config.getoption("--cpu-durations") is not None:
        item.stash[_cpu_start] = _cpu_now()


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    for key, value in report.user_properties:
        if key == _CPU:
            assert isinstance(value, float)
            _cpu_totals.setdefault(report.nodeid, {})[report.when] = value


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    count = config.getoption("--cpu-durations")
    if count is None:
        return
    rows = sorted(((sum(p.values()), p, nodeid) for nodeid, p in _cpu_totals.items()),
                  key=lambda row: row[0], reverse=True)
    total = sum(r[0] for r in rows)
    terminalreporter.write_sep("=", f"CPU seconds per test: {total:.1f} s over {len(rows)} tests")
    for cpu, phases, nodeid in rows[:count or None]:
        terminalreporter.write_line(f"{cpu:7.2f}s  (setup {phases.get('setup', 0):.2f}, "
                                    f"call {phases.get('call', 0):.2f})  {nodeid}")
