"""``crm-readiness review`` in-process: outputs, exit codes, messages in both languages, escaping."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from crm_readiness.cli.main import app
from crm_readiness.models.review_results import ReviewResult
from tests.conftest import no_traceback

DEMO = Path(__file__).resolve().parents[2] / "crm_readiness" / "examples" / "demo"
CASE = ["--costs", str(DEMO / "costs.yaml"), "--benefits", str(DEMO / "benefits.yaml")]


def _run(runner: CliRunner, *args: str) -> Any:
    result = runner.invoke(app, ["review", *args])
    no_traceback(result)
    return result


def test_demo_review_writes_md_html_json(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    r = _run(runner, "--kpis", str(DEMO / "kpis.yaml"), *CASE, "--answers",
             str(DEMO / "answers.yaml"), "--out", str(out), "--lang", "en")
    assert r.exit_code == 0, r.output
    assert {p.name for p in out.iterdir()} == {"review.md", "review.html", "review.json"}
    data = ReviewResult.model_validate_json((out / "review.json").read_text("utf-8"))
    # the demo: two KPIs on track, one at risk, one off track
    assert data.status_counts == {"on_track": 2, "at_risk": 1, "off_track": 1, "no_data": 0}
    assert data.finance is not None and data.finance.years_started == [1]
    assert data.golive is not None and {b.question_id for b in data.golive.blockers} == {
        "golive.cutover_rollback", "golive.hypercare_team"}
    html = (out / "review.html").read_text("utf-8")
    assert html.count("<svg") == 4 and "Off track" in html and "Variance by driver" in html
    assert "NPV approved 2,389,657 → re-forecast" in r.output
    again = _run(runner, "--kpis", str(DEMO / "kpis.yaml"), "--out", str(out), "-f", "json")
    assert again.exit_code == 0  # reports (not user-editable) are replaced
    book = [*CASE, "--kpis", str(DEMO / "kpis.yaml"), "--out", str(out), "-f", "xlsx"]
    assert _run(runner, *book).exit_code == 0 and (out / "review.xlsx").exists()
    assert _run(runner, *book).exit_code == 4  # the workbook is user-editable: --force
    assert _run(runner, *book, "--force").exit_code == 0
    assert json.loads((out / "review.json").read_text("utf-8"))["finance"] is None


def test_chinese_report(runner: CliRunner, tmp_path: Path) -> None:
    r = _run(runner, "--kpis", str(DEMO / "kpis.yaml"), *CASE, "--out", str(tmp_path),
             "--lang", "zh", "-f", "md")
    assert r.exit_code == 0, r.output
    md = (tmp_path / "review.md").read_text("utf-8")
    assert "效益评估" in md and "偏离目标" in md and "按驱动因素的差异" in md
    assert "Off track" not in md


def test_bad_kpi_file_exits_3_with_file_and_place(runner: CliRunner, tmp_path: Path,
                                                   write_yaml: Callable[..., Path]) -> None:
    bad = write_yaml("kpis.yaml", {"kpis": [{
        "id": "k", "name": "K", "direction": "higher",
        "baseline": {"value": 1, "date": "2026-01-01"},
        "target": {"value": 2, "date": "2026-12-31"},
        "measurements": [{"date": "2025-06-01", "value": 1.5}]}]})
    for lang, words in (("en", "before the baseline date"), ("zh", "早于基线日期")):
        r = _run(runner, "--kpis", str(bad), "--out", str(tmp_path / "o"), "--lang", lang)
        assert r.exit_code == 3
        assert str(bad) in r.output and "kpis.0.measurements.0.date" in r.output
        assert words in r.output
    assert not (tmp_path / "o").exists()


def test_unknown_benefit_and_question_ids_exit_3(runner: CliRunner, tmp_path: Path) -> None:
    text = (DEMO / "kpis.yaml").read_text("utf-8")
    bad = tmp_path / "kpis.yaml"
    bad.write_text(text.replace("benefit: churn", "benefit: churn_x").replace(
        "[strategy.smart_kpis]", "[strategy.no_such_question]"), "utf-8")
    r = _run(runner, "--kpis", str(bad), *CASE, "--out", str(tmp_path / "o"), "--lang", "en")
    assert r.exit_code == 3
    assert "kpis.3.benefit" in r.output and "churn_x" in r.output
    assert "kpis.1.serves.0" in r.output and "strategy.no_such_question" in r.output


def test_usage_and_output_errors(runner: CliRunner, tmp_path: Path) -> None:
    kpis = str(DEMO / "kpis.yaml")
    half = _run(runner, "--kpis", kpis, "--costs", str(DEMO / "costs.yaml"),
                "--out", str(tmp_path / "o"), "--lang", "en")
    assert half.exit_code == 2 and "--benefits" in half.output
    fmt = _run(runner, "--kpis", kpis, "--out", str(tmp_path / "o"), "-f", "docx")
    assert fmt.exit_code == 2
    book = _run(runner, "--kpis", kpis, "--out", str(tmp_path / "o"), "-f", "xlsx", "--lang", "en")
    assert book.exit_code == 2 and "--costs and --benefits" in book.output
    missing = _run(runner, "--kpis", str(tmp_path / "nope.yaml"), "--out", str(tmp_path / "o"))
    assert missing.exit_code == 3
    blocker = tmp_path / "file"
    blocker.write_text("x")
    unwritable = _run(runner, "--kpis", kpis, "--out", str(blocker / "sub"), "--lang", "en")
    assert unwritable.exit_code == 4


def test_html_escapes_user_text(runner: CliRunner, tmp_path: Path,
                                write_yaml: Callable[..., Path]) -> None:
    evil = "<script>alert(1)</script>"
    path = write_yaml("kpis.yaml", {"title": evil, "kpis": [{
        "id": "k", "name": {"en": evil, "zh": evil}, "unit": "<b>", "direction": "lower",
        "owner": evil, "baseline": {"value": 10, "date": "2026-01-01"},
        "target": {"value": 5, "date": "2026-12-31"},
        "measurements": [{"date": "2026-02-01", "value": 9}, {"date": "2026-03-01", "value": 8}]}]})
    r = _run(runner, "--kpis", str(path), "--out", str(tmp_path / "o"), "-f", "html,md")
    assert r.exit_code == 0, r.output
    html = (tmp_path / "o" / "review.html").read_text("utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html and "<b>" not in html
    md = (tmp_path / "o" / "review.md").read_text("utf-8")
    assert "<script>" not in md


def test_published_schema_matches_the_result_model() -> None:
    published = json.loads((Path(__file__).resolve().parents[2] / "docs" /
                            "review-result.schema.json").read_text("utf-8"))
    assert published == ReviewResult.model_json_schema(mode="serialization"), (
        "docs/review-result.schema.json is stale: run python -m tests.tools.regen_docs")
