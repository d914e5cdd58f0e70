"""A data profile answers the measured data questions; the report shows measured vs claimed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crm_readiness.cli.main import app
from crm_readiness.engine.measured import apply_measurements
from crm_readiness.engine.scoring import assess
from crm_readiness.io.checklists import load_checklist_set
from crm_readiness.models.answers import Answer, AnswersFile
from crm_readiness.workflows.assessment import demo_answers_path
from tests.conftest import no_traceback

ASSETS = Path(__file__).parents[1] / "assets"
MINI = ASSETS / "assessment" / "mini"


def test_measurement_replaces_the_claim_and_is_reported() -> None:
    sets = load_checklist_set(packaged_dir=MINI)
    answers = AnswersFile.model_validate({
        "profile": {"organization": "M", "size": "mid", "users": 5},
        "answers": {"beta.accuracy": {"value": 80}, "beta.training": {"value": "agree"}}})
    measured = {"beta.accuracy": Answer(value=97.5, source="data profile x.csv"),
                "nope.missing": Answer(value=50)}
    updated, rows = apply_measurements(answers, measured, sets)
    assert [a.value for a in updated.answers["beta.accuracy"]] == [97.5]
    assert updated.answers["beta.training"] == answers.answers["beta.training"]
    assert len(rows) == 1
    row = rows[0]
    # 97.5 % reaches the 95 band (1.0); the claimed 80 % sat in the 70 band (0.33)
    assert (row.measured, row.measured_score, row.claimed, row.claimed_score) == (97.5, 1.0, ("80",), 0.33)
    before = assess(sets, answers).phases[1].score
    after = assess(sets, updated).phases[1].score
    assert after is not None and before is not None
    assert after - before == pytest.approx(100 * 2 * (1 - 0.33) / 7)


def test_assess_with_a_data_profile_end_to_end(runner: CliRunner, tmp_path: Path) -> None:
    prof = runner.invoke(app, ["data", "profile", str(ASSETS / "data" / "small.csv"), "--rules",
                               str(ASSETS / "data" / "small_rules.yaml"), "--out", str(tmp_path / "p"),
                               "--format", "json", "--sample", "0", "--lang", "en"])
    no_traceback(prof)
    assert prof.exit_code in (0, 1), prof.output
    profile_json = next((tmp_path / "p").glob("*.json"))
    out = tmp_path / "r"
    r = runner.invoke(app, ["assess", "--answers", str(demo_answers_path()), "--data-profile",
                            str(profile_json), "--out", str(out), "--format", "json,html", "--lang", "en"])
    no_traceback(r)
    assert r.exit_code == 0, r.output
    assert "Measured against claimed" in r.output
    data = json.loads((out / "readiness.json").read_text("utf-8"))
    rows = {m["question_id"]: m for m in data["measurements"]}
    assert "data.measured_completeness" in rows
    assert rows["data.measured_completeness"]["claimed"] == ["82"]
    question = next(q for p in data["phases"] for q in p["questions"]
                    if q["id"] == "data.measured_completeness")
    assert question["responses"][0]["source"].startswith("data profile")
    assert float(question["value"]) == rows["data.measured_completeness"]["measured"]
    assert "Measured against claimed" in (out / "readiness.html").read_text("utf-8")


def test_a_broken_profile_is_an_input_error(runner: CliRunner, tmp_path: Path) -> None:
    r = runner.invoke(app, ["assess", "--answers", str(demo_answers_path()), "--data-profile",
                            str(ASSETS / "data" / "not_json.json"), "--out", str(tmp_path), "--lang", "en"])
    no_traceback(r)
    assert r.exit_code == 3 and "not_json.json" in r.output


def test_the_demo_claims_every_measured_question_in_both_languages() -> None:
    """The demo's answers (and its workshop) claim a value for every question a profile
    measures, so 'measured against claimed' has a claim to compare for each."""
    from crm_readiness.io.yaml_files import load_yaml

    measured = [q.id for c in load_checklist_set().checklists for q in c.questions if q.measure]
    assert "data.measured_timeliness" in measured and "data.measured_key_completeness" in measured
    answers = load_yaml(demo_answers_path()).data["answers"]
    workshop = load_yaml(demo_answers_path().parent / "workshop-answers.yaml").data["answers"]
    for qid in measured:
        for claims in ([answers[qid]], workshop[qid]):
            assert all("value" in c or "na" in c for c in claims), qid
            for c in claims:
                note = c.get("note") or c.get("na")
                if note is not None and qid in ("data.measured_timeliness",
                                                "data.measured_key_completeness"):
                    assert set(note) == {"en", "zh"}, qid
