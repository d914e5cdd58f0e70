"""Questionnaires that fit a role: capped, measured questions kept from staff, "don't know"."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import yaml
from typer.testing import CliRunner

from crm_readiness.cli.main import app
from crm_readiness.engine.workshop import questionnaire_plan
from crm_readiness.io.assessment import load_answers
from crm_readiness.io.checklists import load_checklist_set
from crm_readiness.models import questionnaire as L
from crm_readiness.workflows.assessment import demo_answers_path
from tests.conftest import no_traceback


def _demo(tmp_path: Path) -> Path:
    target = tmp_path / "answers.yaml"
    shutil.copyfile(demo_answers_path(), target)
    return target


def _rows(ws) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {str(ws.cell(row=r, column=1).value): r for r in range(L.FIRST_ROW, ws.max_row + 1)
            if ws.cell(row=r, column=1).value}


def test_the_demo_sales_questionnaire_holds_30_and_offers_the_rest(
        runner: CliRunner, tmp_path: Path) -> None:
    answers = _demo(tmp_path)
    r = runner.invoke(app, ["questionnaire", "export", "--role", "sales,it", "--answers",
                            str(answers), "--out", str(tmp_path / "q"), "--lang", "en"],
                      env={"COLUMNS": "400"})
    no_traceback(r)
    assert r.exit_code == 0, r.output
    flat = " ".join(r.output.split())
    assert "sales.xlsx: 30 questions, about 15 minutes (+ 49 optional)" in flat
    ws = openpyxl.load_workbook(tmp_path / "q" / "questionnaire-sales.xlsx")["Questions"]
    rows = _rows(ws)
    core = [q for q, row in rows.items() if ws.cell(row=row, column=L.COL_OPTIONAL).value is None]
    optional = [q for q in rows if q not in core]
    assert len(core) == 30 and len(optional) == 49
    assert "about 15 minutes" in ws[L.SIZE_CELL].value
    # gates come first into the core; the heaviest follow
    sets = load_checklist_set()
    gates = {q.id for c in sets.checklists for q in c.questions if q.gate and "sales" in q.roles}
    profile = load_answers(answers, sets).profile
    assert gates & set(rows) <= set(core)
    weights = {q.id: q.weight for c in sets.checklists for q in c.questions}
    assert min(weights[q] for q in core) >= max(weights[q] for q in optional) - 1
    # the data percentages a profile measures never reach sales; IT gets them
    measured = {q.id for c in sets.checklists for q in c.questions if q.measure}
    assert not measured & set(rows)
    it = _rows(openpyxl.load_workbook(tmp_path / "q" / "questionnaire-it.xlsx")["Questions"])
    assert measured <= set(it)
    # without migration nothing is measured (questions do not apply), with a data profile
    # the rule holds even for a role the question names
    plan = questionnaire_plan(sets, "service", profile, data_profile=True)
    assert not measured & {q.id for _, q in (*plan.core, *plan.optional)}
    assert len(questionnaire_plan(sets, "sales", profile, cap=10).core) == 10


def test_dont_know_round_trips_as_unanswered_with_its_reason(runner: CliRunner,
                                                             tmp_path: Path) -> None:
    answers = _demo(tmp_path)
    data = yaml.safe_load(answers.read_text("utf-8"))
    data["answers"] = {}
    answers.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    out = tmp_path / "q"
    assert runner.invoke(app, ["questionnaire", "export", "--role", "sales", "--answers",
                               str(answers), "--out", str(out)]).exit_code == 0
    path = out / "questionnaire-sales.xlsx"
    wb = openpyxl.load_workbook(path)
    ws = wb["Questions"]
    ws["B4"] = "Wang Li"
    sets = load_checklist_set()
    rows = _rows(ws)
    for qid, row in rows.items():
        if ws.cell(row=row, column=L.COL_OPTIONAL).value:
            continue  # optional rows stay blank
        if qid == "strategy.smart_kpis":
            ws.cell(row=row, column=L.COL_ANSWER).value = "Don't know / 不知道"
            ws.cell(row=row, column=L.COL_DONT_KNOW).value = "ask the sales director"
        elif qid == "strategy.kpi_baseline":
            ws.cell(row=row, column=L.COL_DONT_KNOW).value = "finance keeps it"
        else:
            scale = sets.scale_of(sets.question(qid)[1])  # type: ignore[index]
            ws.cell(row=row, column=L.COL_ANSWER).value = scale.choices[-1].value  # type: ignore[union-attr]
    wb.save(path)
    r = runner.invoke(app, ["questionnaire", "import", str(path), "--answers", str(answers),
                            "--lang", "en"])
    no_traceback(r)
    assert r.exit_code == 0, r.output
    saved = yaml.safe_load(answers.read_text("utf-8"))["answers"]
    assert saved["strategy.smart_kpis"]["dont_know"] == "ask the sales director"
    assert saved["strategy.kpi_baseline"]["dont_know"] == "finance keeps it"
    assert "value" not in saved["strategy.smart_kpis"]
    assessed = runner.invoke(app, ["assess", "-a", str(answers), "--format", "json", "--out",
                                   str(tmp_path / "r")])
    assert assessed.exit_code == 0, assessed.output
    import json

    result = json.loads((tmp_path / "r" / "readiness.json").read_text("utf-8"))
    kpis = next(q for p in result["phases"] for q in p["questions"] if q["id"] ==
                "strategy.smart_kpis")
    assert kpis["status"] == "unanswered" and kpis["dont_know"] == [
        {"en": "ask the sales director", "zh": "ask the sales director"}]
    # counted as unanswered (lower coverage), not as the lowest answer
    strategy = next(p for p in result["phases"] if p["id"] == "strategy")
    assert strategy["coverage"] < 1 and kpis["value"] is None
