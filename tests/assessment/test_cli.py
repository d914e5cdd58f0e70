"""``assess`` and ``checklist`` on the command line: exit codes, messages, reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from crm_readiness.cli.main import app
from crm_readiness.io.checklists import load_checklist_set
from crm_readiness.models.checklist import ChoiceScale
from tests.conftest import no_traceback

A = Path(__file__).parents[1] / "assets" / "assessment"
MINI = A / "mini"


def best_answers(path: Path, extra: Path | None = None) -> Path:
    """Write an answers file answering every question at full score."""
    sets = load_checklist_set(extra)
    answers = {}
    for c in sets.checklists:
        for q in c.questions:
            scale = sets.scale_of(q)
            if isinstance(scale, ChoiceScale):
                answers[q.id] = {"value": max(scale.choices, key=lambda ch: ch.score).value}
            else:
                answers[q.id] = {"value": scale.max}
    profile = {"organization": "Best Co", "size": "mid", "users": 80, "data_migration": True,
               "integrations": ["erp"], "scope": ["sales", "service", "marketing"]}
    path.write_text(yaml.safe_dump({"profile": profile, "answers": answers}), encoding="utf-8")
    return path


def invoke(runner: CliRunner, *args: str) -> object:
    result = runner.invoke(app, list(args), catch_exceptions=True)
    no_traceback(result)
    return result


def test_assess_writes_every_format_and_prints_the_summary(runner: CliRunner, tmp_path: Path) -> None:
    answers = best_answers(tmp_path / "answers.yaml", MINI)
    out = tmp_path / "out"
    r = invoke(runner, "assess", "--answers", str(answers), "--checklists", str(MINI),
               "--out", str(out), "--lang", "en")
    assert r.exit_code == 0, r.output
    assert {p.name for p in out.iterdir()} == {"readiness.md", "readiness.html", "readiness.json"}
    data = json.loads((out / "readiness.json").read_text("utf-8"))
    assert data["overall"]["verdict"] == "ready" and data["overall"]["score"] == pytest.approx(100)
    assert "Ready" in r.output and "Alpha" in r.output


def test_fail_under(runner: CliRunner, tmp_path: Path) -> None:
    answers = best_answers(tmp_path / "answers.yaml", MINI)
    ok = invoke(runner, "assess", "-a", str(answers), "--checklists", str(MINI), "--out",
                str(tmp_path / "o"), "--fail-under", "90")
    assert ok.exit_code == 0
    data = yaml.safe_load(answers.read_text("utf-8"))
    data["answers"]["alpha.goals"] = {"value": "none"}
    answers.write_text(yaml.safe_dump(data), encoding="utf-8")
    low = invoke(runner, "assess", "-a", str(answers), "--checklists", str(MINI), "--out",
                 str(tmp_path / "o"), "--fail-under", "99.9")
    assert low.exit_code == 1


def test_phase_filter_and_unknown_phase(runner: CliRunner, tmp_path: Path) -> None:
    answers = best_answers(tmp_path / "answers.yaml", MINI)
    r = invoke(runner, "assess", "-a", str(answers), "--checklists", str(MINI), "--phase", "alpha",
               "--out", str(tmp_path / "o"), "--format", "json")
    assert r.exit_code == 0
    data = json.loads((tmp_path / "o" / "readiness.json").read_text("utf-8"))
    assert [p["id"] for p in data["phases"]] == ["alpha"]
    bad = invoke(runner, "assess", "-a", str(answers), "--checklists", str(MINI), "--phase", "gamma")
    assert bad.exit_code == 2 and "gamma" in bad.output


@pytest.mark.parametrize(("asset", "needles"), [
    ("malformed.yaml", ["malformed.yaml", "line 7", "YAML syntax"]),
    ("unknown_question.yaml", ["unknown_question.yaml", "answers.alpha.spnosor", "line 4",
                               "unknown question id"]),
    ("out_of_range.yaml", ["out_of_range.yaml", "answers.beta.accuracy.value", "150",
                           "0..100", "answers.alpha.goals.value", "perfect", "managed"]),
    ("na_without_reason.yaml", ["answers.beta.training.na", "reason", "line 3"]),
    ("wrong_field.yaml", ["profile.sise", "profile.size", "answers.alpha.sponsor.notes"]),
])
def test_invalid_answers_exit_3_with_file_and_place(runner: CliRunner, asset: str,
                                                    needles: list[str]) -> None:
    r = invoke(runner, "assess", "--answers", str(A / asset), "--checklists", str(MINI),
               "--lang", "en")
    assert r.exit_code == 3, r.output
    flat = " ".join(r.output.split())
    for needle in needles:
        assert needle in flat, (needle, r.output)


def test_missing_answers_file(runner: CliRunner, tmp_path: Path) -> None:
    r = invoke(runner, "assess", "--answers", str(tmp_path / "nope.yaml"), "--lang", "en")
    assert r.exit_code == 3 and "nope.yaml" in r.output and "not found" in r.output


def test_unwritable_out_exits_4(runner: CliRunner, tmp_path: Path) -> None:
    answers = best_answers(tmp_path / "answers.yaml", MINI)
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    r = invoke(runner, "assess", "-a", str(answers), "--checklists", str(MINI),
               "--out", str(blocker / "reports"), "--lang", "en")
    assert r.exit_code == 4 and "a-file" in r.output


def test_errors_in_chinese(runner: CliRunner) -> None:
    r = invoke(runner, "assess", "--answers", str(A / "unknown_question.yaml"),
               "--checklists", str(MINI), "--lang", "zh")
    assert r.exit_code == 3 and "未知的问题" in r.output and "输入文件无效" in r.output


def test_bad_format_and_lang_are_usage_errors(runner: CliRunner, tmp_path: Path) -> None:
    answers = best_answers(tmp_path / "answers.yaml", MINI)
    assert invoke(runner, "assess", "-a", str(answers), "--format", "docx").exit_code == 2
    assert invoke(runner, "assess", "-a", str(answers), "--lang", "fr").exit_code == 2


def test_no_tty_without_answers_is_a_usage_error(runner: CliRunner, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    r = invoke(runner, "assess", "--lang", "en")
    assert r.exit_code == 2 and "--answers" in r.output


def test_checklist_list_show_validate(runner: CliRunner) -> None:
    r = invoke(runner, "checklist", "list", "--checklists", str(MINI), "--lang", "en")
    assert r.exit_code == 0 and "alpha" in r.output and "beta" in r.output
    r = invoke(runner, "checklist", "show", "alpha", "--checklists", str(MINI), "--lang", "en")
    assert r.exit_code == 0 and "alpha.sponsor" in r.output
    r = invoke(runner, "checklist", "show", "nope", "--checklists", str(MINI))
    assert r.exit_code == 2
    r = invoke(runner, "checklist", "validate", str(MINI / "alpha.yaml"), str(MINI / "beta.yaml"))
    assert r.exit_code == 0 and r.output.count("✓") == 2


def test_summary_says_what_it_takes_to_reach_ready(runner: CliRunner, tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(yaml.safe_dump({
        "profile": {"organization": "Gap Co", "size": "mid", "users": 50,
                    "data_migration": True},
        "answers": {"alpha.sponsor": {"value": "no"}, "alpha.goals": {"value": "managed"},
                    "alpha.kpis": {"value": "managed"}, "beta.data_owner": {"value": "yes"},
                    "beta.accuracy": {"value": 99}, "beta.training": {"value": "agree"}}}),
        encoding="utf-8")
    r = invoke(runner, "assess", "--answers", str(answers), "--checklists", str(MINI),
               "--phase", "alpha,beta", "--out", str(tmp_path / "out"), "--lang", "en",
               "--format", "json")
    data = json.loads((tmp_path / "out" / "readiness.json").read_text("utf-8"))
    path = data["path_to_ready"]
    assert [s["question_id"] for s in path["steps"]] == ["alpha.sponsor"]
    assert "To reach Ready: 1 action(s)" in r.output and "Name a sponsor" in r.output
