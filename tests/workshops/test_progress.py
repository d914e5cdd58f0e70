"""Snapshots, history, compare across a checklist upgrade, and the trend chart."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crm_readiness.cli.main import app
from crm_readiness.engine.progress import compare
from crm_readiness.engine.scoring import assess
from crm_readiness.errors import InputFileError, OutputError, UsageError
from crm_readiness.io.checklists import load_checklist_set
from crm_readiness.io.snapshots import (
    info,
    list_snapshots,
    load_snapshot,
    make_snapshot,
    save_snapshot,
    snapshot_dir,
)
from crm_readiness.models.answers import AnswersFile
from crm_readiness.models.progress import Comparison
from crm_readiness.render import Format
from crm_readiness.render.assessment import RENDERERS
from crm_readiness.render.progress import COMPARE_RENDERERS
from crm_readiness.workflows.workshop import with_trend
from tests.conftest import no_traceback
from tests.workshops.conftest import CHECKLISTS, CHECKLISTS_V2

PROFILE = {"organization": "Acme", "size": "mid", "users": 80, "data_migration": True}
A_ANSWERS = {"strategy.sponsor": {"value": "no"}, "strategy.kpis": {"value": "managed"},
             "strategy.processes": {"value": "defined"}, "data.owner": {"value": "yes"},
             "data.accuracy": {"value": 96}, "data.dedup": {"value": "managed"}}
B_ANSWERS = {**A_ANSWERS, "strategy.sponsor": {"value": "yes"},
             "strategy.kpis": {"value": "none"}}


def _snap(name: str, folder: Path, answers: dict[str, object], when: datetime,
          answers_path: Path) -> Path:
    sets = load_checklist_set(packaged_dir=folder)
    result = assess(sets, AnswersFile.model_validate({"profile": PROFILE, "answers": answers}),
                    now=when)
    return save_snapshot(answers_path, make_snapshot(name, result))


@pytest.fixture
def two_snapshots(tmp_path: Path) -> Path:
    """Q1 on checklists v1 (no sponsor yet); Q2 on v2 (strategy.team added, unanswered)."""
    answers_path = tmp_path / "answers.yaml"
    answers_path.write_text("profile: {organization: Acme, size: mid, users: 80}\n")
    _snap("2025-q1", CHECKLISTS, A_ANSWERS, datetime(2025, 1, 15, tzinfo=UTC), answers_path)
    _snap("2025-q2", CHECKLISTS_V2, B_ANSWERS, datetime(2025, 4, 15, tzinfo=UTC), answers_path)
    return answers_path


def _compare(answers_path: Path) -> Comparison:
    a, b = (load_snapshot(answers_path, n) for n in ("2025-q1", "2025-q2"))
    d = snapshot_dir(answers_path)
    return compare(a, b, info(a, d / "2025-q1.json"), info(b, d / "2025-q2.json"))


def test_added_question_is_new_not_a_score_change(two_snapshots: Path) -> None:
    c = _compare(two_snapshots)
    assert [q.question_id for q in c.questions_added] == ["strategy.team"]
    assert c.questions_retired == ()
    changed = {q.question_id for q in c.questions_changed}
    assert changed == {"strategy.sponsor", "strategy.kpis"} and "strategy.team" not in changed
    s = next(p for p in c.phases if p.id == "strategy")
    assert (s.version_a, s.version_b, s.questions_added) == (1, 2, ("strategy.team",))
    # hand-computed: A = (5·0 + 3·1 + 4·0.67)/12; B over the shared questions = (5 + 0 + 2.68)/12
    a_score, b_like = 100 * (3 + 4 * 0.67) / 12, 100 * (5 + 4 * 0.67) / 12
    b_reported = 100 * (5 + 4 * 0.67) / 15  # strategy.team (weight 3) unanswered counts 0
    assert s.score_a == pytest.approx(a_score) and s.score_b == pytest.approx(b_reported)
    assert s.like_for_like == pytest.approx(b_like - a_score)
    assert s.checklist_effect == pytest.approx(b_reported - b_like)
    data = next(p for p in c.phases if p.id == "data")
    assert data.delta == 0 and data.like_for_like == 0 and data.checklist_effect == 0


def test_blockers_risks_and_actions(two_snapshots: Path) -> None:
    c = _compare(two_snapshots)
    assert [b.question_id for b in c.blockers_closed] == ["strategy.sponsor"]
    assert c.blockers_opened == () and c.blockers_retired == ()
    assert [r.id for r in c.risks_retired] == ["R-SPONSOR"]
    assert sorted(r.id for r in c.risks_added) == ["R-KPI", "R-TEAM"]
    assert [a.question_id for a in c.actions_done] == ["strategy.sponsor"]
    assert [a.question_id for a in c.actions_new] == ["strategy.kpis"]  # not the new question
    assert (c.verdict_a, c.verdict_b) == ("not_ready", c.b.verdict)


def test_comparison_renders(two_snapshots: Path) -> None:
    c = _compare(two_snapshots)
    md = COMPARE_RENDERERS[Format.md](c, "en").decode()
    html = COMPARE_RENDERERS[Format("html")](c, "zh").decode()
    assert "strategy.team" in md and "Questions added or retired by the checklists" in md
    assert "已关闭的阻断项" in html and "新增风险" in html
    assert json.loads(COMPARE_RENDERERS[Format("json")](c, "en"))


def test_snapshot_names_overwrite_and_history(two_snapshots: Path) -> None:
    infos = list_snapshots(two_snapshots)
    assert [i.name for i in infos] == ["2025-q1", "2025-q2"]
    assert infos[1].checklist_versions == {"strategy": 2, "data": 1}
    assert (two_snapshots.parent / "answers.snapshots" / "2025-q1.json").exists()
    with pytest.raises(OutputError, match="already exists"):
        _snap("2025-q1", CHECKLISTS, A_ANSWERS, datetime(2025, 2, 1, tzinfo=UTC), two_snapshots)
    for bad in ("../evil", "", "a b", "x.json"):
        with pytest.raises(UsageError):
            load_snapshot(two_snapshots, bad) if bad == "x.json" else make_snapshot(
                bad, load_snapshot(two_snapshots, "2025-q1").result)


def test_trend_chart_in_the_report_when_snapshots_exist(two_snapshots: Path) -> None:
    snap = load_snapshot(two_snapshots, "2025-q2")
    bare = snap.result
    assert b"<polyline" not in RENDERERS[Format("html")](bare, "en")
    trended = with_trend(bare, two_snapshots)
    assert [p.name for p in trended.trend.points] == ["2025-q1", "2025-q2", "now"]
    html = RENDERERS[Format("html")](trended, "en").decode()
    assert "Readiness over time" in html and html.count("<polyline") == 3  # 2 phases + overall
    md = RENDERERS[Format("md")](trended, "en").decode()
    assert "| 2025-q1 | 2025-01-15 |" in md


def test_cli_history_compare_and_errors(runner, two_snapshots: Path,  # type: ignore[no-untyped-def]
                                        tmp_path: Path) -> None:
    result = runner.invoke(app, ["history", "--answers", str(two_snapshots), "--lang", "en"])
    no_traceback(result)
    assert result.exit_code == 0 and "2025-q1" in result.output and "2025-q2" in result.output
    out = tmp_path / "cmp"
    result = runner.invoke(app, ["compare", "2025-q1", "2025-q2", "--answers", str(two_snapshots),
                                 "--out", str(out), "--lang", "en"])
    no_traceback(result)
    assert result.exit_code == 0, result.output
    assert "Blockers closed" in result.output and "R-KPI" in result.output
    assert "strategy.team" in result.output
    assert {p.name for p in out.iterdir()} == {"compare.md", "compare.html", "compare.json"}
    missing = runner.invoke(app, ["compare", "2025-q1", "nope", "--answers", str(two_snapshots),
                                  "--lang", "en"])
    no_traceback(missing)
    assert missing.exit_code == 2 and "No snapshot 'nope'" in missing.output
    (snapshot_dir(two_snapshots) / "broken.json").write_text('{"name": 3}')
    broken = runner.invoke(app, ["history", "--answers", str(two_snapshots), "--lang", "en"])
    no_traceback(broken)
    assert broken.exit_code == 3 and "broken.json" in broken.output
    with pytest.raises(InputFileError):
        load_snapshot(two_snapshots, "broken")
    empty = runner.invoke(app, ["history", "--answers", str(tmp_path / "none.yaml")])
    assert empty.exit_code == 0


def test_assess_snapshot_option(runner, mini_packaged: Path,  # type: ignore[no-untyped-def]
                                answers_path: Path, tmp_path: Path) -> None:
    args = ["assess", "--answers", str(answers_path), "--out", str(tmp_path / "r"),
            "--format", "html", "--lang", "en"]
    first = runner.invoke(app, [*args, "--snapshot", "kickoff"])
    no_traceback(first)
    assert first.exit_code == 0, first.output
    saved = json.loads((answers_path.parent / "answers.snapshots" / "kickoff.json").read_text())
    assert saved["checklist_versions"] == {"strategy": 1, "data": 1} and saved["taken_at"]
    again = runner.invoke(app, [*args, "--snapshot", "kickoff"])
    assert again.exit_code == 4 and "--force" in again.output
    forced = runner.invoke(app, [*args, "--snapshot", "kickoff", "--force"])
    assert forced.exit_code == 0
    bad = runner.invoke(app, [*args, "--snapshot", "no/slash"])
    assert bad.exit_code == 2
