"""Questionnaire workbooks: export per role, fill programmatically, import with located errors."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from crm_readiness.cli.main import app
from crm_readiness.io.assessment import load_answers
from crm_readiness.io.questionnaire import QuestionnaireProblems
from crm_readiness.models.checklist import ChecklistSet
from crm_readiness.workflows.workshop import export_questionnaires, import_questionnaires
from tests.conftest import no_traceback

NOW = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def _export(checklists: ChecklistSet, answers_path: Path, out: Path, *roles: str) -> list[Path]:
    answers = load_answers(answers_path, checklists)
    return export_questionnaires(checklists, answers, list(roles), out, now=NOW)  # type: ignore[arg-type]


def _rows(path: Path) -> dict[str, int]:
    ws = openpyxl.load_workbook(path)["Questions"]
    return {str(ws.cell(row=r, column=1).value): r for r in range(9, ws.max_row + 1)
            if ws.cell(row=r, column=1).value}


def _fill(path: Path, name: str | None, cells: dict[str, dict[int, Any]]) -> dict[str, int]:
    """Fill a questionnaire: ``cells`` maps question id → {column: value}."""
    rows = _rows(path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Questions"]
    ws["B4"] = name
    for qid, values in cells.items():
        for col, value in values.items():
            cell = ws.cell(row=rows[qid], column=col)
            cell.value = value
            if isinstance(value, str) and value.startswith("="):
                # what Excel stores when a respondent types '=... (quote prefix): text
                cell.data_type = "s"
    wb.save(path)
    return rows


def test_export_holds_the_questions_of_the_role(checklists: ChecklistSet, answers_path: Path,
                                                tmp_path: Path) -> None:
    (sales,) = _export(checklists, answers_path, tmp_path / "q", "sales")
    assert sales.name == "questionnaire-sales.xlsx"
    assert list(_rows(sales)) == ["strategy.sponsor", "strategy.kpis", "strategy.processes",
                                  "data.accuracy"]
    wb = openpyxl.load_workbook(sales)
    ws = wb["Questions"]
    assert ws["B6"].value == "sales"
    assert ws.cell(row=8, column=3).value == "Question" and ws.cell(row=8, column=4).value == "问题"
    assert ws.cell(row=9, column=4).value.startswith("是否有拥有预算权的高层发起人")
    assert "Lead-to-cash" in ws.cell(row=11, column=5).value  # help text, both languages
    # protected structure; only respondent and answer/N-A/note/evidence cells are unlocked
    assert ws.protection.sheet and wb.security.lockStructure
    assert not ws["B4"].protection.locked and ws["B6"].protection.locked
    assert [ws.cell(row=9, column=c).protection.locked for c in range(1, 12)] == [
        True, True, True, True, True, False, False, False, False, True, True]
    # dropdowns reference ranges on the lists sheet; numeric answers are range-checked
    formulas = {dv.formula1 for dv in ws.data_validations.dataValidation}
    assert any(f.startswith("=Lists!$") for f in formulas)
    assert wb["Lists"].sheet_state == "hidden"
    lists = [c.value for c in wb["Lists"]["A"] if c.value]
    assert lists == ["yes_no", "No / 否", "Yes / 是", "Don't know / 不知道"]


def test_export_all_skips_roles_without_questions(checklists: ChecklistSet,
                                                  answers_path: Path, tmp_path: Path) -> None:
    files = _export(checklists, answers_path, tmp_path / "q", "sales", "marketing", "service",
                    "it", "finance", "executive")
    assert sorted(p.stem.split("-")[1] for p in files) == ["executive", "finance", "it",
                                                          "sales", "service"]
    with pytest.raises(Exception, match=r"already exists|use --force"):
        _export(checklists, answers_path, tmp_path / "q", "sales")


def test_round_trip_valid_answers_arrive_with_respondent_and_role(
        checklists: ChecklistSet, answers_path: Path, tmp_path: Path) -> None:
    (sales,) = _export(checklists, answers_path, tmp_path / "q", "sales")
    _fill(sales, "Wang Li", {
        "strategy.sponsor": {6: "Yes / 是"},
        "strategy.kpis": {6: "defined", 8: "=1+1 is what Excel would compute", 9: "@board memo"},
        "strategy.processes": {6: "Ad hoc"},            # English label alone is accepted
        "data.accuracy": {7: "we have no figures yet"},  # not applicable, with its reason
    })
    report, skipped = import_questionnaires([sales], answers_path, checklists, now=NOW)
    assert skipped == [] and report.applied_answers == 4
    assert report.new_respondents == ("Wang Li",)
    answers = load_answers(answers_path, checklists)
    assert answers.respondent("Wang Li").role == "sales"  # type: ignore[union-attr]
    mine = {qid: a for qid, entries in answers.answers.items() for a in entries
            if a.respondent == "Wang Li"}
    assert {q: (a.value, a.na) for q, a in mine.items()} == {
        "strategy.sponsor": ("yes", None), "strategy.kpis": ("defined", None),
        "strategy.processes": ("ad_hoc", None), "data.accuracy": (None, "we have no figures yet")}
    assert all(a.role == "sales" and a.source == "questionnaire:questionnaire-sales.xlsx"
               for a in mine.values())
    assert mine["strategy.kpis"].note == "=1+1 is what Excel would compute"  # text, not a formula
    assert mine["strategy.kpis"].evidence == "@board memo"
    # earlier respondents' answers are kept; importing the same file again changes nothing
    assert len(answers.answers["strategy.kpis"]) == 4
    before = answers_path.read_bytes()
    import_questionnaires([sales], answers_path, checklists, now=NOW)
    assert answers_path.read_bytes() == before


def test_invalid_and_missing_cells_reported_by_sheet_and_cell_and_nothing_applied(
        checklists: ChecklistSet, answers_path: Path, tmp_path: Path) -> None:
    sales, it = _export(checklists, answers_path, tmp_path / "q", "sales", "it")
    _fill(sales, "Wang Li", {"strategy.sponsor": {6: "yes"}, "strategy.kpis": {6: "managed"},
                             "strategy.processes": {6: "defined"}, "data.accuracy": {6: 96}})
    rows = _fill(it, None, {
        "strategy.sponsor": {6: "maybe"},                  # not on the scale
        "strategy.processes": {6: "none", 7: "n/a too"},   # both an answer and a reason
        "data.owner": {6: "=YES()"},                       # a formula is not an answer
        "data.accuracy": {6: 150},                         # out of 0..100
        # data.dedup left empty: missing
    })
    before = answers_path.read_bytes()
    with pytest.raises(QuestionnaireProblems) as caught:
        import_questionnaires([sales, it], answers_path, checklists, now=NOW)
    text = caught.value.text("en")
    expected = ["Questions!B4", f"Questions!F{rows['strategy.sponsor']}",
                f"Questions!F{rows['strategy.processes']}", f"Questions!F{rows['data.owner']}",
                f"Questions!F{rows['data.accuracy']}", f"Questions!F{rows['data.dedup']}"]
    for ref in expected:
        assert ref in text, ref
    assert "Questions!F9:" in text  # the first question row, spelled out
    assert "questionnaire-it.xlsx (6 problems)" in text and "questionnaire-sales.xlsx" not in text
    assert "'maybe' is not allowed" in text and "'150' is not allowed" in text
    assert answers_path.read_bytes() == before  # nothing applied, not even the valid file


def test_partial_applies_the_valid_cells(checklists: ChecklistSet, answers_path: Path,
                                         tmp_path: Path) -> None:
    (it,) = _export(checklists, answers_path, tmp_path / "q", "it")
    _fill(it, "Chen", {"strategy.sponsor": {6: "Yes"}, "strategy.processes": {6: "bad"},
                       "data.owner": {6: "No / 否"}, "data.accuracy": {6: "88%"},
                       "data.dedup": {6: "managed"}})
    report, skipped = import_questionnaires([it], answers_path, checklists, partial=True, now=NOW)
    assert report.applied_answers == 4 and report.files[0].problems == 1
    assert len(skipped) == 1 and "Questions!F10" in skipped[0][1][0]
    answers = load_answers(answers_path, checklists)
    chen = {q: a.value for q, e in answers.answers.items() for a in e if a.respondent == "Chen"}
    assert chen == {"strategy.sponsor": "yes", "data.owner": "no", "data.accuracy": 88,
                    "data.dedup": "managed"}


def test_respondent_id_clashing_with_another_role_is_refused(
        checklists: ChecklistSet, answers_path: Path, tmp_path: Path) -> None:
    (sales,) = _export(checklists, answers_path, tmp_path / "q", "sales")
    rows = _fill(sales, "Ivan", {q: {6: "yes" if q == "strategy.sponsor" else None}
                                 for q in ["strategy.sponsor"]})
    wb = openpyxl.load_workbook(sales)
    wb["Questions"]["B5"] = "ivan"  # declared in the answers file as IT
    for qid, r in rows.items():
        wb["Questions"].cell(row=r, column=7).value = "skip" if qid != "strategy.sponsor" else None
    wb.save(sales)
    with pytest.raises(QuestionnaireProblems, match=r"Questions!B5.*already declared"):
        import_questionnaires([sales], answers_path, checklists, now=NOW)


def test_not_a_questionnaire_is_an_input_error(runner, mini_packaged: Path,  # type: ignore[no-untyped-def]
                                               answers_path: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.xlsx"
    openpyxl.Workbook().save(other)
    junk = tmp_path / "junk.xlsx"
    junk.write_text("not a zip")
    for path, message in ((other, "not a crm-readiness questionnaire"), (junk, "not a workbook")):
        result = runner.invoke(app, ["questionnaire", "import", str(path), "--answers",
                                     str(answers_path), "--lang", "en"])
        no_traceback(result)
        assert result.exit_code == 3 and message in result.output


def test_cli_export_and_import(runner, mini_packaged: Path, answers_path: Path,  # type: ignore[no-untyped-def]
                               tmp_path: Path) -> None:
    out = tmp_path / "qs"
    result = runner.invoke(app, ["questionnaire", "export", "--role", "all", "--answers",
                                 str(answers_path), "--out", str(out), "--lang", "en"])
    no_traceback(result)
    assert result.exit_code == 0, result.output
    assert len(list(out.glob("questionnaire-*.xlsx"))) == 5
    again = runner.invoke(app, ["questionnaire", "export", "--role", "sales", "--answers",
                                str(answers_path), "--out", str(out), "--lang", "en"])
    assert again.exit_code == 4 and "--force" in again.output
    bad = runner.invoke(app, ["questionnaire", "export", "--role", "boss", "--answers",
                              str(answers_path), "--out", str(out), "--lang", "en"])
    assert bad.exit_code == 2 and "Unknown role 'boss'" in bad.output
    finance = out / "questionnaire-finance.xlsx"
    _fill(finance, "Liu", {})  # the finance questionnaire has one question: strategy.kpis
    before = answers_path.read_bytes()
    failed = runner.invoke(app, ["questionnaire", "import", str(finance), "--answers",
                                 str(answers_path), "--lang", "en"])
    no_traceback(failed)
    assert failed.exit_code == 3 and "Questions!F9" in failed.output
    assert "Nothing was imported" in failed.output and answers_path.read_bytes() == before
    _fill(finance, "Liu", {"strategy.kpis": {6: "Ad hoc / 零散"}})
    ok = runner.invoke(app, ["questionnaire", "import", str(finance), "--answers",
                             str(answers_path), "--lang", "zh"])
    no_traceback(ok)
    assert ok.exit_code == 0 and "已将 1 个回答合并" in ok.output


def test_undeclared_respondents_in_the_answers_file(checklists: ChecklistSet,
                                                    answers_path: Path, tmp_path: Path) -> None:
    (finance,) = _export(checklists, answers_path, tmp_path / "q", "finance")
    _fill(finance, "Liu", {"strategy.kpis": {6: "managed"}})
    plain = tmp_path / "plain.yaml"
    plain.write_text("profile: {organization: A, size: smb, users: 5}\nanswers:\n"
                     "  strategy.kpis: {value: none, respondent: boss, role: executive}\n"
                     "  data.dedup: {value: none, respondent: nobody}\n")
    from crm_readiness.errors import UsageError

    with pytest.raises(UsageError, match="nobody"):
        import_questionnaires([finance], plain, checklists, now=NOW)
    plain.write_text(plain.read_text().replace("respondent: nobody", "role: it"))
    import_questionnaires([finance], plain, checklists, now=NOW)
    merged = load_answers(plain, checklists)  # still valid: 'boss' was declared from its role
    assert {r.id: r.role for r in merged.respondents} == {"boss": "executive", "Liu": "finance"}
