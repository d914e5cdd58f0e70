"""The per-user caches (compiled templates, the packaged checklist set) only ever save time."""

from __future__ import annotations

from pathlib import Path

import pytest

from crm_readiness._resources import checklists_dir, user_cache_dir
from crm_readiness.io.checklists import _build_set, load_checklist_set


def test_checklist_set_from_cache_equals_the_parsed_one(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CRM_READINESS_CACHE_DIR", str(tmp_path))
    first = load_checklist_set()
    entries = list(tmp_path.glob("checklists-*/set-*.json"))
    assert len(entries) == 1
    assert load_checklist_set() == first == _build_set(checklists_dir(), None)


def test_a_corrupt_cache_entry_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CRM_READINESS_CACHE_DIR", str(tmp_path))
    good = load_checklist_set()
    (entry,) = tmp_path.glob("checklists-*/set-*.json")
    entry.write_text('{"scales": "not a set"', encoding="utf-8")
    assert load_checklist_set() == good
    assert entry.read_bytes().startswith(b"{") and b'"checklists"' in entry.read_bytes()


def test_caching_off_or_unwritable_still_works(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CRM_READINESS_CACHE_DIR", "off")
    assert user_cache_dir("checklists") is None
    off = load_checklist_set()
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("CRM_READINESS_CACHE_DIR", str(blocker / "below-a-file"))
    assert user_cache_dir("checklists") is None
    assert load_checklist_set() == off


def test_compiled_templates_are_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from crm_readiness.render import jinja_env

    monkeypatch.setenv("CRM_READINESS_CACHE_DIR", str(tmp_path))
    env = jinja_env._environment.__wrapped__("text")  # a fresh environment, not the cached one
    env.get_template("assessment/report.md.j2")
    assert list(tmp_path.glob("jinja-*/__jinja2_*.cache"))
