"""What it takes to reach Ready: steps whose completion really makes the phases Ready."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from crm_readiness.engine.path_to_ready import path_to_ready, target_answer
from crm_readiness.engine.plan import build_plan
from crm_readiness.engine.scoring import assess
from crm_readiness.io.assessment import load_answers
from crm_readiness.io.checklists import load_checklist_set
from crm_readiness.models._base import Text
from crm_readiness.models.answers import AnswersFile
from crm_readiness.models.assessment import AssessmentResult, PathToReady
from crm_readiness.models.checklist import (
    ChecklistSet,
    NumericBand,
    NumericScale,
    RiskDefault,
    RiskSpec,
)
from crm_readiness.workflows.assessment import demo_answers_path

MINI = Path(__file__).parents[1] / "assets" / "assessment" / "mini"
PROFILE = {"organization": "Test Co", "size": "mid", "users": 50, "data_migration": True}
BEST = {"alpha.sponsor": {"value": "yes"}, "alpha.goals": {"value": "managed"},
        "alpha.kpis": {"value": "managed"}, "beta.data_owner": {"value": "yes"},
        "beta.accuracy": {"value": 99}, "beta.training": {"value": "strongly_agree"}}
WEAK = {"alpha.sponsor": {"value": "no"}, "alpha.goals": {"value": "ad_hoc"},
        "alpha.kpis": {"value": "none"}, "beta.data_owner": {"value": "no"},
        "beta.training": [{"value": "strongly_disagree", "respondent": "a"},
                          {"value": "strongly_agree", "respondent": "b"}]}


@pytest.fixture(scope="module")
def mini() -> ChecklistSet:
    return load_checklist_set(packaged_dir=MINI)


def _answers(answers: dict[str, Any]) -> AnswersFile:
    return AnswersFile.model_validate({"profile": PROFILE, "answers": answers})


def _completed(answers: AnswersFile, path: PathToReady) -> AnswersFile:
    """The answers with every step done by hand (independently of the engine's own helper)."""
    data = answers.model_dump(mode="json", exclude_none=True)
    for step in path.steps:
        value: Any = step.target_value
        data["answers"][step.question_id] = [{"value": value}]
    return AnswersFile.model_validate(data)


def test_nothing_to_do_when_already_ready(mini: ChecklistSet) -> None:
    result = assess(mini, _answers(BEST))
    assert result.overall.verdict == "ready"
    path = result.path_to_ready
    assert path is not None and path.already_ready
    assert path.steps == () and path.phases == () and path.plan_weeks == 0


def test_completing_the_steps_makes_every_phase_ready(mini: ChecklistSet) -> None:
    answers = _answers(WEAK)
    result = assess(mini, answers)
    assert result.overall.verdict == "not_ready" and result.blockers
    path = result.path_to_ready
    assert path is not None and not path.already_ready
    assert {p.phase for p in path.phases} == {"alpha", "beta"}
    # the blockers and the high risks are cleared by steps
    blocked = {b.question_id for b in result.blockers}
    assert blocked <= {s.question_id for s in path.steps}
    assert all(s.clears_blocker == (s.question_id in blocked) for s in path.steps)
    assert [s.clears_blocker for s in path.steps] == sorted(
        (s.clears_blocker for s in path.steps), reverse=True)
    # re-scored here, from the steps alone, every phase and the project are Ready
    again = assess(mini, _completed(answers, path), path=False)
    assert [p.verdict for p in again.phases] == ["ready", "ready"]
    assert again.overall.verdict == "ready" == path.projected_verdict
    assert all(p.reachable and p.projected_verdict == "ready" for p in path.phases)
    assert path.projected_score == pytest.approx(again.overall.score)
    # the unanswered measured question is answered at its target (the lowest 100 % value)
    accuracy = next(s for s in path.steps if s.question_id == "beta.accuracy")
    assert accuracy.status == "unanswered" and accuracy.target_value == "95"
    # only what the bar needs: alpha reaches 83.3 without the KPIs; beta's dispute is no
    # high risk and beta passes without settling it
    assert {s.question_id for s in path.steps} == {"alpha.sponsor", "alpha.goals",
                                                   "beta.data_owner", "beta.accuracy"}
    assert not any(k.band == "high" for k in result.risks if "beta.training" in k.questions)


def test_greedy_takes_the_biggest_gain_and_stops_at_the_bar(mini: ChecklistSet) -> None:
    # alpha = (3·1 + 2·0.67 + 1·0) / 6 = 72.3: raising the KPIs (+1) reaches 89, the
    # goals (+0.66) would reach 83.3 too, but with the smaller gain; one step suffices
    answers = {**BEST, "alpha.goals": {"value": "defined"}, "alpha.kpis": {"value": "none"}}
    result = assess(mini, _answers(answers))
    assert [p.verdict for p in result.phases] == ["ready_with_risks", "ready"]
    path = result.path_to_ready
    assert path is not None
    assert [s.question_id for s in path.steps] == ["alpha.kpis"]
    step = path.steps[0]
    assert step.gain == pytest.approx(100 / 6, abs=0.01) and step.owner is None
    assert path.phases[0].projected_score == pytest.approx(100 * (3 + 2 * 0.67 + 1) / 6)


def test_coverage_short_takes_the_heaviest_unanswered(mini: ChecklistSet) -> None:
    # beta scores 100 on what is answered, but only 5 of 7 weight points are answered
    answers = {k: v for k, v in BEST.items() if k != "beta.accuracy"}
    result = assess(mini, _answers(answers))
    path = result.path_to_ready
    assert path is not None
    assert [s.question_id for s in path.steps] == ["beta.accuracy"]
    assert path.phases[0].projected_coverage == pytest.approx(1.0)


def test_target_answer_is_the_lowest_value_of_the_best_band() -> None:
    scale = NumericScale(min=0, max=100, bands=(NumericBand(at_least=0, score=0),
                                               NumericBand(at_least=95, score=1)))
    assert target_answer(scale).value == 95 and target_answer(scale).score == 1


def test_demo_path_is_verified_and_its_plan_weeks_come_from_the_plan() -> None:
    checklists = load_checklist_set()
    answers = load_answers(demo_answers_path(), checklists)
    result: AssessmentResult = assess(checklists, answers, path=False)
    path = path_to_ready(checklists, answers, result)
    again = assess(checklists, _completed(answers, path), path=False)
    assert again.overall.verdict == "ready" and all(p.verdict == "ready" for p in again.phases)
    assert len(path.steps) < len(result.actions)  # only what lifts the phases, not every gap
    start = date(2027, 1, 4)
    now, ready = build_plan(result, start), build_plan(again, start)
    assert now.hypercare is not None and ready.hypercare is not None
    assert path.plan_weeks == (now.total_weeks + now.hypercare.weeks
                               - ready.total_weeks - ready.hypercare.weeks) > 0
    gaps = [s for st in now.stages for s in st.stretches] + list(now.hypercare.stretches)
    assert sum(p.plan_weeks for p in path.phases) == sum(
        s.weeks for s in gaps if s.code == "phase_gap")


def test_a_risk_no_answer_clears_leaves_the_phase_unreachable(mini: ChecklistSet) -> None:
    # beta.training raises a high risk whatever the answer: completing every question of
    # beta cannot make it Ready, and the re-scoring says so instead of promising it
    always = RiskDefault(default=RiskSpec(
        id="R-ALWAYS", category="people", likelihood=4, impact=4, owner="hr_training",
        title=Text(en="Always", zh="总是"), mitigation=Text(en="Nothing", zh="无")))
    beta = mini.checklists[1]
    questions = tuple(q.model_copy(update={"risks": (always,)}) if q.id == "beta.training"
                      else q for q in beta.questions)
    changed = mini.model_copy(update={"checklists": (
        mini.checklists[0], beta.model_copy(update={"questions": questions}))})
    result = assess(changed, _answers(BEST))
    assert [p.verdict for p in result.phases] == ["ready", "ready_with_risks"]
    path = result.path_to_ready
    assert path is not None and not path.already_ready
    (beta_path,) = path.phases
    assert beta_path.phase == "beta" and not beta_path.reachable
    assert beta_path.projected_verdict == "ready_with_risks"
    assert path.projected_verdict != "ready"
