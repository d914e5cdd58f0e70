"""Workbooks: the assessment workbook, and respondents' text never becoming a formula."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import openpyxl
import pytest

from crm_readiness.cli.main import app
from crm_readiness.engine.plan import build_plan
from crm_readiness.engine.scoring import assess
from crm_readiness.io.assessment import load_answers
from crm_readiness.models._base import Text
from crm_readiness.models.assessment import AssessmentResult
from crm_readiness.models.checklist import ChecklistSet
from crm_readiness.render import Format
from crm_readiness.render.assessment import RENDERERS
from crm_readiness.render.plan import PLAN_RENDERERS
from crm_readiness.render.questionnaire import render_questionnaire
from tests.conftest import no_traceback
from tests.tools.libreoffice import needs_soffice, recalculate_xlsx

NOTE = '=HYPERLINK("http://evil","x") <b>bold</b>'
HOSTILE = ["=1+1", "+86 138 0000 0000", "-5", "@SUM(A1)", NOTE]


def _result(checklists: ChecklistSet, answers_path: Path) -> AssessmentResult:
    return assess(checklists, load_answers(answers_path, checklists),
                  now=datetime(2025, 3, 1, tzinfo=UTC))


def _texts(path: Path) -> dict[str, openpyxl.cell.cell.Cell]:
    found = {}
    for ws in openpyxl.load_workbook(path):
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    found[cell.value] = cell
    return found


def test_assessment_workbook_sheets(checklists: ChecklistSet, answers_path: Path,
                                    tmp_path: Path) -> None:
    path = tmp_path / "readiness.xlsx"
    path.write_bytes(RENDERERS[Format.xlsx](_result(checklists, answers_path), "en"))
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Phase scores", "Answers", "Risk register", "Action plan",
                             "Workshop agenda"]
    phases = wb["Phase scores"]
    assert phases["B5"].value == "strategy" and phases["D5"].value == pytest.approx(69.4, abs=0.05)
    answers = wb["Answers"]
    rows = [[c.value for c in r] for r in answers.iter_rows(min_row=2)]
    proc = [r for r in rows if r[1] == "strategy.processes"]
    assert [(r[6], r[7], r[8]) for r in proc] == [("ana", "Sales", "Managed"),
                                                  ("ivan", "IT", "None"),
                                                  ("eve", "Executive", "Ad hoc")]
    assert proc[0][10] == NOTE
    risks = wb["Risk register"]
    assert risks["A2"].value == "R-DISAGREE-STRATEGY-PROCESSES"
    heat = {(c.row, c.column): c.value for r in risks.iter_rows() for c in r}
    n = risks.max_row - 4  # the heat map's five impact rows end the sheet
    assert heat[(n + 1, 1)] == 4 and heat[(n + 1, 5)] == 1  # impact 4 × likelihood 4: one risk
    actions = wb["Action plan"]
    assert actions["H1"].value == "Owner (edit)" and actions["I1"].value == "Due date (edit)"
    assert actions["J2"].value == "open"
    kinds = {dv.type for dv in actions.data_validations.dataValidation}
    assert kinds == {"date", "list"}
    assert wb["Workshop agenda"]["B2"].value == "strategy.processes"


def test_respondent_text_is_never_a_formula(checklists: ChecklistSet, answers_path: Path,
                                            tmp_path: Path) -> None:
    result = _result(checklists, answers_path)
    result = result.model_copy(update={"profile": result.profile.model_copy(
        update={"organization": "=cmd|' /C calc'!A0"})})
    files = {
        "assessment.xlsx": RENDERERS[Format.xlsx](result, "zh"),
        "plan.xlsx": PLAN_RENDERERS[Format.xlsx](build_plan(result, date(2025, 1, 6)), "en"),
        "questionnaire.xlsx": render_questionnaire(checklists, "it", result.profile,
                                                   generated=datetime(2025, 1, 1, tzinfo=UTC)),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        texts = _texts(tmp_path / name)
        assert all(c.data_type == "s" for c in texts.values()), name
        assert not any(c.data_type == "f" for ws in openpyxl.load_workbook(tmp_path / name)
                       for row in ws.iter_rows() for c in row), name
    cells = _texts(tmp_path / "assessment.xlsx")
    assert NOTE in cells and cells[NOTE].quotePrefix
    assert any(v.endswith("=cmd|' /C calc'!A0") for v in _texts(tmp_path / "questionnaire.xlsx"))


@pytest.mark.slow
@needs_soffice
def test_libreoffice_keeps_hostile_text_as_text(checklists: ChecklistSet, answers_path: Path,
                                                tmp_path: Path) -> None:
    result = _result(checklists, answers_path)
    phase = result.phases[0]
    q = phase.questions[2]
    responses = tuple(r.model_copy(update={"note": Text(en=text, zh=text)}) for r, text in
                      zip(q.responses * 2, HOSTILE, strict=False))
    q = q.model_copy(update={"responses": responses})
    phase = phase.model_copy(update={"questions": (*phase.questions[:2], q,
                                                   *phase.questions[3:])})
    result = result.model_copy(update={"phases": (phase, *result.phases[1:])})
    src = tmp_path / "in" / "readiness.xlsx"
    src.parent.mkdir()
    src.write_bytes(RENDERERS[Format.xlsx](result, "en"))
    out = recalculate_xlsx([src], tmp_path / "out")[src.name]  # xlsx: text "-5" is not -5
    ws = openpyxl.load_workbook(out, data_only=True)["Answers"]
    notes = [r[10] for r in ws.iter_rows(min_row=2, values_only=True) if r[1] == q.id]
    assert notes == HOSTILE  # read back from LibreOffice's recalculated copy: still text


def test_html_escapes_respondent_text(checklists: ChecklistSet, answers_path: Path) -> None:
    html = RENDERERS[Format.html](_result(checklists, answers_path), "en").decode()
    assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    assert 'id="agenda"' in html and "Ana Sales" in html


def test_assess_writes_the_workbook_and_protects_edits(runner, mini_packaged: Path,  # type: ignore[no-untyped-def]
                                                       answers_path: Path, tmp_path: Path) -> None:
    args = ["assess", "--answers", str(answers_path), "--out", str(tmp_path / "r"),
            "--format", "xlsx,md", "--lang", "en"]
    first = runner.invoke(app, args)
    no_traceback(first)
    assert first.exit_code == 0 and (tmp_path / "r" / "readiness.xlsx").exists()
    second = runner.invoke(app, args)
    assert second.exit_code == 4 and "readiness.xlsx" in second.output
    assert runner.invoke(app, [*args, "--force"]).exit_code == 0
