"""The packaged checklist set is read once per process (the demo's parts and every command share it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from crm_readiness.io import checklists


def test_packaged_set_is_read_once_per_process(monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    monkeypatch.setenv("CRM_READINESS_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(checklists, "_SETS", {})
    first = checklists.load_checklist_set()
    reads = {"n": 0}
    real_build = checklists._build_set

    def counting_build(*args: object, **kwargs: object) -> object:
        reads["n"] += 1
        return real_build(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(checklists, "_build_set", counting_build)
    monkeypatch.setattr(checklists.ChecklistSet, "model_validate_json",
                        lambda *_a, **_k: pytest.fail("the cache file was read again"))
    second = checklists.load_checklist_set()
    assert second is first and reads["n"] == 0
    # a set from another folder is never taken for the packaged one
    assert checklists.load_checklist_set(packaged_dir=checklists.checklists_dir()) is not first
