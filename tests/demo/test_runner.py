"""The demo runner: parts side by side in forked workers, in order in the index."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import crm_readiness.demo.run as demo_run
from crm_readiness.errors import EXIT_INPUT, InputFileError, OutputError, file_error

FAKE = "tests.demo.fake_parts"
PARTS = (f"{FAKE}:reader", f"{FAKE}:quick", f"{FAKE}:slow_source")


@pytest.fixture
def fake_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    # the reader is listed first but reads what slow_source writes
    monkeypatch.setattr(demo_run, "PARTS", (f"{FAKE}:slow_source", f"{FAKE}:reader",
                                            f"{FAKE}:quick"))
    monkeypatch.setattr(demo_run, "NEEDS", {f"{FAKE}:reader": (f"{FAKE}:slow_source",)})
    monkeypatch.setattr("crm_readiness.demo.index.render_index", lambda *args, **kwargs: "index")


@pytest.mark.parametrize("jobs", [1, 2])
def test_parts_wait_for_what_they_need_and_keep_their_order(
        fake_parts: None, tmp_path: Path, jobs: int) -> None:
    started: list[str] = []
    run = demo_run.run_demo(tmp_path / "d", "en", jobs=jobs, on_part=started.append)
    assert [e.path for e in run.entries] == ["source.txt", "reader.txt", "quick.txt"]
    source = (tmp_path / "d" / "source.txt").read_text("utf-8")
    assert (tmp_path / "d" / "reader.txt").read_text("utf-8") == source
    assert sorted(started) == sorted(demo_run.PARTS)
    assert started.index(f"{FAKE}:reader") > started.index(f"{FAKE}:slow_source")
    if jobs == 2:  # quick ran in another process while the source was sleeping
        assert (tmp_path / "d" / "quick.txt").read_text("utf-8") != source


def test_a_user_error_in_a_worker_keeps_its_type_and_exit_code(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(demo_run, "PARTS", (f"{FAKE}:quick", f"{FAKE}:bad_input"))
    with pytest.raises(InputFileError) as caught:
        demo_run.run_demo(tmp_path / "d", "en", jobs=2)
    assert caught.value.exit_code == EXIT_INPUT
    assert "line 3" in caught.value.text("en") and "故意损坏" in caught.value.text("zh")


def test_an_exception_that_cannot_cross_processes_becomes_a_crash_with_its_traceback(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(demo_run, "PARTS", (f"{FAKE}:crash",))
    with pytest.raises(demo_run.DemoPartCrash, match="_Unpicklable"):
        demo_run.run_demo(tmp_path / "d", "en", jobs=2)


@pytest.mark.parametrize("error", [
    file_error("a.yaml", "bad", "坏", "line 2"),
    OutputError("out/x.html", "read-only", "只读"),
])
def test_user_errors_survive_pickling(error: Exception) -> None:
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is type(error)
    assert back.__dict__ == error.__dict__ and str(back) == str(error)


def test_jobs_follow_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CRM_READINESS_JOBS", "1")
    assert demo_run.demo_jobs() == 1
    monkeypatch.setenv("CRM_READINESS_JOBS", "3")
    assert demo_run.demo_jobs() == (3 if demo_run.sys.platform == "linux" else 1)
    monkeypatch.setenv("CRM_READINESS_JOBS", "lots")  # ignored: one per core
    assert 1 <= demo_run.demo_jobs() <= 4
