"""Fixtures of the workshop tests: a mini checklist folder and answers from three respondents."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from crm_readiness.io.checklists import load_checklist_set
from crm_readiness.models.checklist import ChecklistSet

ASSETS = Path(__file__).resolve().parent.parent / "assets" / "workshops"
CHECKLISTS = ASSETS / "checklists"
CHECKLISTS_V2 = ASSETS / "checklists_v2"


@pytest.fixture
def checklists() -> ChecklistSet:
    """The mini checklists (strategy and data, version 1)."""
    return load_checklist_set(packaged_dir=CHECKLISTS)


@pytest.fixture
def answers_path(tmp_path: Path) -> Path:
    """A private copy of the three-respondent answers file."""
    target = tmp_path / "answers.yaml"
    shutil.copyfile(ASSETS / "answers-three.yaml", target)
    return target


@pytest.fixture
def mini_packaged(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Make the CLI load the mini checklists as if they were the packaged ones."""
    import crm_readiness.io.checklists as io_checklists

    monkeypatch.setattr(io_checklists, "checklists_dir", lambda: CHECKLISTS)
    return CHECKLISTS
