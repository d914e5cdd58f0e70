"""A gate answered N/A is a waiver: it needs an owner and stays visible everywhere."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from crm_readiness.cli.main import app
from tests.conftest import no_traceback

MINI = Path(__file__).parents[1] / "assets" / "assessment" / "mini"
PROFILE = {"organization": "Waiver Co", "size": "mid", "users": 40}


def _answers(write_yaml, **gate: str) -> Path:  # type: ignore[no-untyped-def]
    answers = {"alpha.sponsor": {"value": "yes"}, "alpha.goals": {"value": "managed"},
               "alpha.kpis": {"value": "managed"}, "beta.accuracy": {"value": 99},
               "beta.training": {"value": "strongly_agree"},
               "beta.data_owner": {"na": "no legacy data kept", **gate}}
    return write_yaml("answers.yaml", {"profile": PROFILE, "answers": answers})


def _assess(runner: CliRunner, path: Path, out: Path, *extra: str) -> object:
    r = runner.invoke(app, ["assess", "--answers", str(path), "--checklists", str(MINI), "--out",
                            str(out), "--lang", "en", *extra])
    no_traceback(r)
    return r


def test_a_gate_na_without_an_owner_is_refused(runner: CliRunner, write_yaml, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    r = _assess(runner, _answers(write_yaml), tmp_path / "out")
    assert r.exit_code == 3  # type: ignore[attr-defined]
    flat = " ".join(r.output.split())  # type: ignore[attr-defined]
    assert "answers.beta.data_owner.waived_by" in flat and "is a go-live gate" in flat


def test_a_waived_gate_is_listed_with_reason_and_owner_everywhere(
        runner: CliRunner, write_yaml, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _answers(write_yaml, waived_by="CFO Li")
    out = tmp_path / "out"
    r = _assess(runner, path, out, "--format", "md,html,json")
    assert r.exit_code == 0, r.output  # type: ignore[attr-defined]
    flat = " ".join(r.output.split())  # type: ignore[attr-defined]
    assert "Waived gates" in flat and "waived by CFO Li: no legacy data kept" in flat
    assert "1 gate(s) waived" in flat  # the "why" line keeps it visible
    data = json.loads((out / "readiness.json").read_text("utf-8"))
    assert data["waivers"] == [{"question_id": "beta.data_owner", "phase": "beta",
                                "text": {"en": "Is there a data owner?", "zh": "有数据负责人吗？"},
                                "reason": {"en": "no legacy data kept", "zh": "no legacy data kept"},
                                "waived_by": "CFO Li"}]
    assert "beta.data_owner" not in {b["question_id"] for b in data["blockers"]}
    assert any(r["code"] == "waivers" for r in data["overall"]["reasons"])
    for name in ("readiness.md", "readiness.html"):
        text = (out / name).read_text("utf-8")
        assert "Waived gates" in text and "waived by CFO Li: no legacy data kept" in text, name
    zh = _assess(runner, path, tmp_path / "zh", "--format", "md", "--lang", "zh")
    assert "豁免人 CFO Li：no legacy data kept" in (tmp_path / "zh" / "readiness.md").read_text("utf-8")
    assert zh.exit_code == 0  # type: ignore[attr-defined]


def test_strict_gates_treats_waivers_as_blockers(runner: CliRunner, write_yaml, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _answers(write_yaml, waived_by="CFO Li")
    assert _assess(runner, path, tmp_path / "a").exit_code == 0  # type: ignore[attr-defined]
    strict = _assess(runner, path, tmp_path / "b", "--strict-gates")
    assert strict.exit_code == 1  # type: ignore[attr-defined]
    assert "1 waived gate(s) count as blockers" in " ".join(strict.output.split())  # type: ignore[attr-defined]
    # a non-gate N/A is no waiver: strict mode has nothing to object to
    write_yaml("answers.yaml", {"profile": {**PROFILE, "data_migration": False}, "answers": {
        "alpha.sponsor": {"value": "yes"}, "alpha.goals": {"value": "managed"},
        "alpha.kpis": {"na": "no KPIs yet"}}})
    assert _assess(runner, path, tmp_path / "c", "--strict-gates").exit_code == 0  # type: ignore[attr-defined]
