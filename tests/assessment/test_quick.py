"""``assess --quick``: the gates and the checklists' quick questions, with honest coverage."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from typer.testing import CliRunner

from crm_readiness.cli.main import app
from crm_readiness.engine.conditions import applies
from crm_readiness.engine.quick import in_quick_scan, quick_checklists
from crm_readiness.io.checklists import load_checklist_set
from crm_readiness.workflows.assessment import demo_answers_path
from tests.conftest import no_traceback

MINI = Path(__file__).parents[1] / "assets" / "assessment" / "mini"


def _demo_profile() -> dict[str, object]:
    return yaml.safe_load(demo_answers_path().read_text("utf-8"))["profile"]  # type: ignore[no-any-return]


def test_the_quick_set_is_declared_in_the_checklists() -> None:
    sets = load_checklist_set()
    quick = quick_checklists(sets)
    ids = {q.id for c in quick.checklists for q in c.questions}
    gates = {q.id for c in sets.checklists for q in c.questions if q.gate}
    flagged = {q.id for c in sets.checklists for q in c.questions if q.quick}
    assert gates <= ids and ids == gates | flagged and 20 <= len(ids) <= 30
    # every phase is represented, and the set holds the heaviest questions
    assert {c.id for c in quick.checklists} == {c.id for c in sets.checklists}
    assert min(q.weight for c in quick.checklists for q in c.questions) >= 4
    # a custom checklist's flag changes the set: it is data, not code
    extra = load_checklist_set(MINI)
    mini = {q.id for c in quick_checklists(extra).checklists for q in c.questions
            if q.id.startswith(("alpha.", "beta."))}
    assert mini == {q.id for c in extra.checklists for q in c.questions
                    if q.id.startswith(("alpha.", "beta.")) and in_quick_scan(q)}


def test_quick_on_the_demo_profile_asks_at_most_30_and_reports_coverage(
        runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump({"profile": _demo_profile()}, allow_unicode=True), "utf-8")
    # answer the first question (choice 1), skip the rest
    r = runner.invoke(app, ["assess", "--quick", "--interactive", "--save", str(path), "--lang",
                            "en", "--format", "json,md"], input="1\n" + "s\n" * 60)
    no_traceback(r)
    assert r.exit_code == 0, r.output
    asked = r.output.count("Your answer")
    sets = load_checklist_set()
    profile = yaml.safe_load(path.read_text("utf-8"))
    assert profile["profile"]["organization"].startswith("华东精工")
    live = [q for c in quick_checklists(sets).checklists for q in c.questions
            if applies(q.applies_when, _load_profile(path))]
    assert asked == len(live) and 20 <= asked <= 30
    data = json.loads((tmp_path / "crm-readiness-report" / "readiness.json").read_text("utf-8"))
    assert data["quick"]["asked"] == asked
    assert data["quick"]["full"] > 90 and 0 < data["quick"]["weight_share"] < 0.5
    assert sum(p["not_asked"] for p in data["quick"]["phases"]) == data["quick"]["full"] - asked
    # coverage is of the questions asked: one of them answered
    assert 0 < data["overall"]["coverage"] < 0.1
    assert any(x["code"] == "quick_scan" for x in data["overall"]["reasons"])
    md = (tmp_path / "crm-readiness-report" / "readiness.md").read_text("utf-8")
    assert md.startswith("# CRM readiness report (Quick scan)") and "more question(s)" in md
    assert "Quick scan" in r.output


def _load_profile(path: Path):  # type: ignore[no-untyped-def]
    from crm_readiness.io.assessment import load_answers_file

    return load_answers_file(path).profile


def test_a_ready_quick_scan_is_capped_and_the_full_answers_are_not_lost(
        runner: CliRunner, tmp_path: Path) -> None:
    from tests.assessment.test_cli import best_answers

    answers = best_answers(tmp_path / "answers.yaml")
    full = runner.invoke(app, ["assess", "-a", str(answers), "--out", str(tmp_path / "f"),
                               "--format", "json"])
    quick = runner.invoke(app, ["assess", "-a", str(answers), "--out", str(tmp_path / "q"),
                                "--format", "json", "--quick"])
    assert full.exit_code == 0 and quick.exit_code == 0, quick.output
    f = json.loads((tmp_path / "f" / "readiness.json").read_text("utf-8"))
    q = json.loads((tmp_path / "q" / "readiness.json").read_text("utf-8"))
    assert f["overall"]["verdict"] == "ready" and f["quick"] is None
    assert q["overall"]["verdict"] == "ready_with_risks"  # a scan cannot say Ready
    assert q["overall"]["coverage"] == 1.0
    scored = sum(len(p["questions"]) - p["counts"]["excluded"] for p in q["phases"])
    assert scored == q["quick"]["asked"]
    assert q["quick"]["full"] == sum(len(p["questions"]) - p["counts"]["excluded"]
                                     for p in f["phases"])
