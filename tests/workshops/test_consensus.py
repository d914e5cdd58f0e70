"""Consensus across respondents: hand-computed combined scores, spread, agenda, risks."""

from __future__ import annotations

from pathlib import Path

import pytest

from crm_readiness.engine.scoring import assess
from crm_readiness.io.assessment import load_answers
from crm_readiness.models.answers import AnswersFile, ConsensusRule
from crm_readiness.models.assessment import AssessmentResult
from crm_readiness.models.checklist import ChecklistSet


def _result(checklists: ChecklistSet, answers_path: Path, **update: object) -> AssessmentResult:
    answers = load_answers(answers_path, checklists)
    if update:
        answers = AnswersFile.model_validate({**answers.model_dump(), **update})
    return assess(checklists, answers)


def _item(result: AssessmentResult, qid: str):  # type: ignore[no-untyped-def]
    return next(i for i in result.consensus.items if i.question_id == qid)


def test_three_respondents_median_and_spread_hand_computed(checklists: ChecklistSet,
                                                           answers_path: Path) -> None:
    r = _result(checklists, answers_path)
    # strategy.processes: ana managed 1.0, ivan none 0.0, eve ad_hoc 0.33
    proc = _item(r, "strategy.processes")
    assert proc.combined == pytest.approx(0.33)          # median of (1, 0, 0.33)
    assert proc.spread == pytest.approx(1.0)             # 1.0 − 0.0
    assert proc.disputed and proc.priority == pytest.approx(4.0)  # 1.0 × weight 4
    assert proc.low_roles == ("it",) and proc.high_roles == ("sales",)
    assert proc.low_respondents == ("ivan",) and proc.high_respondents == ("ana",)
    assert {o.respondent: o.value for o in proc.opinions} == {
        "ana": "managed", "ivan": "none", "eve": "ad_hoc"}
    # strategy.kpis: defined 0.67, ad_hoc 0.33, managed 1.0 → median 0.67, spread 0.67
    kpis = _item(r, "strategy.kpis")
    assert kpis.combined == pytest.approx(0.67) and kpis.spread == pytest.approx(0.67)
    assert kpis.priority == pytest.approx(0.67 * 3)
    # data.accuracy: 90 % → 0.67, 80 % → 0.33 → median of two = 0.50, spread 0.34
    acc = _item(r, "data.accuracy")
    assert acc.combined == pytest.approx(0.5) and acc.spread == pytest.approx(0.34)
    assert acc.disputed  # exactly at the 0.34 threshold counts as disputed
    # strategy.sponsor: three "yes" → agreed
    sponsor = _item(r, "strategy.sponsor")
    assert sponsor.spread == 0 and not sponsor.disputed and sponsor.low_roles == ()
    # the phase score uses the same combined scores: (5·1 + 3·0.67 + 4·0.33) / 12
    strategy = next(p for p in r.phases if p.id == "strategy")
    assert strategy.score == pytest.approx(100 * (5 + 3 * 0.67 + 4 * 0.33) / 12)


def test_mean_and_role_weighted_rules(checklists: ChecklistSet, answers_path: Path) -> None:
    mean = _result(checklists, answers_path, consensus={"rule": "mean"})
    assert _item(mean, "strategy.processes").combined == pytest.approx((1 + 0 + 0.33) / 3)
    weighted = _result(checklists, answers_path,
                       consensus=ConsensusRule(rule="weighted", role_weights={"it": 2.0}))
    # sales 1.0 × 1, it 0.0 × 2, executive 0.33 × 1 → 1.33 / 4
    assert _item(weighted, "strategy.processes").combined == pytest.approx(1.33 / 4)
    assert weighted.consensus.rule == "weighted"


def test_most_disputed_question_tops_the_agenda(checklists: ChecklistSet,
                                               answers_path: Path) -> None:
    agenda = _result(checklists, answers_path).consensus.agenda
    assert [a.question_id for a in agenda] == ["strategy.processes", "strategy.kpis",
                                               "data.accuracy"]
    assert [a.rank for a in agenda] == [1, 2, 3]
    assert agenda[0].help is not None and "Lead-to-cash" in agenda[0].help.en


def test_disagreement_is_a_risk_naming_both_sides(checklists: ChecklistSet,
                                                  answers_path: Path) -> None:
    r = _result(checklists, answers_path)
    risk = next(k for k in r.risks if k.questions == ("strategy.processes",))
    assert risk.basis == "disagreement"
    assert risk.title.en == ("The sales team and IT disagree on: Are the current sales "
                             "processes mapped?")
    assert "销售团队" in risk.title.zh and "IT 部门" in risk.title.zh
    assert (risk.likelihood, risk.impact, risk.exposure, risk.band) == (4, 4, 16, "high")
    assert sum(1 for k in r.risks if k.basis == "disagreement") == 3
    # the register stays sorted by exposure
    assert [k.exposure for k in r.risks] == sorted((k.exposure for k in r.risks), reverse=True)


def test_disagreement_within_one_role(checklists: ChecklistSet, answers_path: Path) -> None:
    answers = load_answers(answers_path, checklists)
    data = answers.model_dump()
    data["respondents"] = [*data["respondents"], {"id": "bo", "name": "Bo", "role": "sales"}]
    data["answers"] = {"strategy.processes": [
        {"value": "managed", "respondent": "ana"}, {"value": "none", "respondent": "bo"}]}
    r = assess(checklists, AnswersFile.model_validate(data))
    risk = next(k for k in r.risks if k.basis == "disagreement")
    assert risk.title.en.startswith("Respondents within the sales team disagree")


def test_agreement_gives_empty_agenda_and_no_disagreement_risk(checklists: ChecklistSet,
                                                               answers_path: Path) -> None:
    answers = load_answers(answers_path, checklists)
    data = answers.model_dump()
    data["answers"] = {"strategy.kpis": [{"value": "defined", "respondent": "ana"},
                                         {"value": "managed", "respondent": "eve"}]}
    r = assess(checklists, AnswersFile.model_validate(data))
    assert len(r.consensus.items) == 1 and not r.consensus.items[0].disputed  # 0.33 < 0.34
    assert r.consensus.agenda == ()
    assert not any(k.basis == "disagreement" for k in r.risks)
    assert [p.answered for p in r.consensus.respondents] == [1, 0, 1]
