"""The demo's start order: the part others wait for first, one part per free worker."""

from __future__ import annotations

from pathlib import Path

import pytest

import crm_readiness.demo.run as demo_run

FAKE = "tests.demo.fake_parts"


def test_a_part_others_wait_for_starts_before_one_listed_ahead_of_it(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(demo_run, "PARTS", (f"{FAKE}:quick", f"{FAKE}:quick_too",
                                            f"{FAKE}:slow_source", f"{FAKE}:reader"))
    monkeypatch.setattr(demo_run, "NEEDS", {f"{FAKE}:reader": (f"{FAKE}:slow_source",)})
    monkeypatch.setattr(demo_run, "COST", {})
    monkeypatch.setattr("crm_readiness.demo.index.render_index", lambda *args, **kwargs: "index")
    started: list[str] = []
    run = demo_run.run_demo(tmp_path / "d", "en", jobs=2, on_part=started.append)
    assert started[0] == f"{FAKE}:slow_source"  # its chain (itself and the reader) is the longest
    assert started.index(f"{FAKE}:reader") > started.index(f"{FAKE}:slow_source")
    # the index keeps PARTS order whatever the start order
    assert [e.path for e in run.entries] == ["quick.txt", "quick_too.txt", "source.txt", "reader.txt"]


def test_start_order_follows_the_costliest_chain() -> None:
    order = demo_run.start_order(demo_run.PARTS)
    inputs = "crm_readiness.workflows.data:demo_inputs_part"
    assert max(order, key=order.__getitem__) == inputs  # both data parts wait for it
    for part, needs in demo_run.NEEDS.items():
        for need in needs:
            assert order[need] > order[part]


def test_the_registry_is_consistent() -> None:
    """NEEDS and COST name real parts, and PARTS order runs them in a valid order one by one."""
    assert set(demo_run.COST) <= set(demo_run.PARTS)
    assert all(c > 0 for c in demo_run.COST.values())
    for part, needs in demo_run.NEEDS.items():
        assert part in demo_run.PARTS
        for need in needs:
            assert demo_run.PARTS.index(need) < demo_run.PARTS.index(part)


def test_workers_share_the_modules_preloaded_before_they_fork(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import os
    import sys

    monkeypatch.delitem(sys.modules, "tests.demo.fake_preload", raising=False)
    monkeypatch.setattr(demo_run, "PARTS", (f"{FAKE}:preloaded", f"{FAKE}:quick"))
    monkeypatch.setattr(demo_run, "PRELOAD", ("tests.demo.fake_preload",))
    monkeypatch.setattr("crm_readiness.demo.index.render_index", lambda *args, **kwargs: "index")
    demo_run.run_demo(tmp_path / "d", "en", jobs=2)
    assert (tmp_path / "d" / "preloaded.txt").read_text("utf-8") == str(os.getpid())


def test_the_preloaded_modules_exist() -> None:
    import importlib.util

    for module in demo_run.PRELOAD:
        assert importlib.util.find_spec(module) is not None, module
