"""docs/documents.md: every example in it runs as written and writes what the guide says."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from crm_readiness.cli.main import app
from tests.conftest import REPO, no_traceback
from tests.documents.conftest import DEMO, PROFILE
from tests.tools.doc_examples import parse

GUIDE = parse(REPO / "docs" / "documents.md")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("answers.yaml", "requirements.yaml", "costs.yaml", "benefits.yaml"):
        shutil.copyfile(DEMO / name, tmp_path / name)
    shutil.copyfile(PROFILE, tmp_path / "customers-profile.json")
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "charter.html.j2").write_text(GUIDE.files["house/charter.html.j2"], "utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_every_example_of_the_guide_writes_what_it_says(doc_runs: Any) -> None:
    """The guide's examples ran as written (tests/test_doc_examples.py); their files are these."""
    assert sum(c.startswith("crm-readiness docs") for c in GUIDE.commands) == 8
    project = doc_runs(GUIDE).folder / "crm-readiness-demo" / "inputs"
    # the first example: all five documents in three formats, in Chinese
    for stem in ("project-charter", "requirements-spec", "training-plan", "migration-plan", "golive-checklist"):
        for suffix in (".docx", ".html", ".md"):
            assert (project / "documents" / f"{stem}{suffix}").is_file(), stem + suffix
    assert "项目章程" in (project / "documents" / "project-charter.md").read_text("utf-8")
    assert sorted(p.name for p in (project / "charter").iterdir()) == ["project-charter.docx"]
    assert "customers.csv" in (project / "migration" / "migration-plan.md").read_text("utf-8")
    # the internal copy carries the notes; the one to send does not
    note = "Dealer vs. direct-sales lead ownership disputed."
    assert note in (project / "internal" / "requirements-spec.md").read_text("utf-8").replace("\\", "")
    assert note not in (project / "spec" / "requirements-spec.html").read_text("utf-8")
    # the house template styles the charter only
    charter = (project / "styled" / "project-charter.html").read_text("utf-8")
    training = (project / "styled" / "training-plan.html").read_text("utf-8")
    assert "PMO · internal" in charter and "#1d4ed8" in charter
    assert "PMO · internal" not in training


def test_guide_states_hold(project: Path) -> None:
    runner = CliRunner()
    args = ["docs", "golive", "--answers", "answers.yaml", "--out", "golive", "--format", "html"]
    assert runner.invoke(app, args).exit_code == 0
    assert runner.invoke(app, args).exit_code == 4  # documents are edited: kept without --force
    assert runner.invoke(app, [*args, "--force"]).exit_code == 0
    missing = runner.invoke(app, [*args, "--force", "--templates", "no-such-folder"])
    no_traceback(missing)
    assert missing.exit_code == 2
    broken = project / "broken.yaml"
    broken.write_text("profile: [unclosed\n", "utf-8")
    bad = runner.invoke(app, ["docs", "golive", "--answers", str(broken), "--out", "x"])
    no_traceback(bad)
    assert bad.exit_code == 3 and "broken.yaml" in bad.output
