"""The link to the assessment: measured answers for the data-phase questions with a measure."""

from __future__ import annotations

from typing import Any

from crm_readiness.engine.data import DataTable
from crm_readiness.models.checklist import ChecklistSet
from crm_readiness.models.data.result import DataProfileResult
from crm_readiness.workflows.data import measured_answers


def _question(qid: str, measure: str | None) -> dict[str, Any]:
    q: dict[str, Any] = {
        "id": qid, "text": {"en": "q", "zh": "问"}, "answers": "percent95", "weight": 3,
        "risks": [{"default": "none"}], "actions": {"en": "a", "zh": "行"}}
    if measure:
        q["measure"] = measure
    return q


def _checklists() -> ChecklistSet:
    scale = {"kind": "numeric", "min": 0, "max": 100,
             "bands": [{"at_least": 0, "score": 0}, {"at_least": 95, "score": 1}]}
    maturity = [{"level": i, "min_score": s, "label": {"en": "l", "zh": "级"}}
                for i, s in zip(range(1, 6), (0, 20, 40, 60, 80), strict=True)]
    return ChecklistSet.model_validate({
        "scales": {"percent95": scale},
        "scoring": {"maturity": maturity},
        "checklists": [{"id": "data", "version": 1, "title": {"en": "Data", "zh": "数据"},
                        "weight": 20, "questions": [
                            _question("data.completeness", "completeness"),
                            _question("data.validity", "validity"),
                            _question("data.uniqueness", "uniqueness"),
                            _question("data.consistency", "consistency"),
                            _question("data.timeliness", "timeliness"),
                            _question("data.readiness", "readiness"),
                            _question("data.owner", None)]}]})


def test_measured_answers_values(profiled: tuple[DataProfileResult, DataTable]) -> None:
    result, _ = profiled
    answers = measured_answers(result, _checklists())
    assert set(answers) == {"data.completeness", "data.validity", "data.uniqueness",
                            "data.consistency", "data.timeliness", "data.readiness"}
    dims = {d.dimension: d.value for d in result.dimensions}
    for dim in ("completeness", "validity", "uniqueness", "consistency", "timeliness"):
        assert answers[f"data.{dim}"].value == round((dims[dim] or 0) * 100, 1)
    assert answers["data.readiness"].value == round((result.readiness.value or 0) * 100, 1)
    a = answers["data.completeness"]
    assert a.source == "data profile customers.csv"
    assert a.note and "Completeness" in a.note.en and "完整性" in a.note.zh


def test_unmeasured_dimension_gives_no_answer(
        profiled: tuple[DataProfileResult, DataTable]) -> None:
    result, _ = profiled
    dims = tuple(d.model_copy(update={"value": None}) if d.dimension == "timeliness" else d
                 for d in result.dimensions)
    answers = measured_answers(result.model_copy(update={"dimensions": dims}), _checklists())
    assert "data.timeliness" not in answers


def test_packaged_checklists(profiled: tuple[DataProfileResult, DataTable]) -> None:
    from crm_readiness.io.checklists import load_checklist_set

    checklists = load_checklist_set()
    result, _ = profiled
    answers = measured_answers(result, checklists)
    measured = [q.id for c in checklists.checklists for q in c.questions if q.measure]
    assert measured and set(answers) <= set(measured)
    for a in answers.values():
        assert isinstance(a.value, float) and 0 <= a.value <= 100
