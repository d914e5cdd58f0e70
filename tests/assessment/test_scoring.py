"""The readiness engine against hand-computed expectations (mini checklists in assets)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from crm_readiness.engine.scoring import assess
from crm_readiness.io.checklists import load_checklist_set
from crm_readiness.models.answers import AnswersFile
from crm_readiness.models.checklist import ChecklistSet

MINI = Path(__file__).parents[1] / "assets" / "assessment" / "mini"
PROFILE = {"organization": "Test Co", "size": "mid", "users": 50, "data_migration": True}


@pytest.fixture(scope="module")
def mini() -> ChecklistSet:
    return load_checklist_set(packaged_dir=MINI)


def run(mini: ChecklistSet, answers: dict[str, Any], profile: dict[str, Any] | None = None,
        **extra: Any) -> Any:
    data = AnswersFile.model_validate({"profile": profile or PROFILE, "answers": answers, **extra})
    return assess(mini, data)


BEST = {"alpha.sponsor": {"value": "yes"}, "alpha.goals": {"value": "managed"},
        "alpha.kpis": {"value": "managed"}, "beta.data_owner": {"value": "yes"},
        "beta.accuracy": {"value": 99}, "beta.training": {"value": "strongly_agree"}}


def test_all_best_is_100_and_ready(mini: ChecklistSet) -> None:
    r = run(mini, BEST)
    assert r.overall.score == pytest.approx(100)
    assert r.overall.verdict == "ready"
    assert all(p.score == pytest.approx(100) and p.verdict == "ready" for p in r.phases)
    assert r.overall.coverage == pytest.approx(1)
    assert r.overall.level == 5
    assert not r.blockers and not r.risks and not r.actions


def test_all_worst_is_not_ready(mini: ChecklistSet) -> None:
    worst = {"alpha.sponsor": {"value": "no"}, "alpha.goals": {"value": "none"},
             "alpha.kpis": {"value": "none"}, "beta.data_owner": {"value": "no"},
             "beta.accuracy": {"value": 10}, "beta.training": {"value": "strongly_disagree"}}
    r = run(mini, worst)
    assert r.overall.score == pytest.approx(0)
    assert r.overall.verdict == "not_ready"
    assert r.overall.level == 1
    assert {b.question_id for b in r.blockers} == {"alpha.sponsor", "beta.data_owner"}
    assert all(p.verdict == "not_ready" for p in r.phases)


def test_one_failed_gate_forces_not_ready_whatever_the_average(mini: ChecklistSet) -> None:
    answers = dict(BEST, **{"beta.data_owner": {"value": "no"}})
    r = run(mini, answers)
    # beta: (0*4 + 1*2 + 1*1) / 7 = 42.857; alpha 100 → overall 0.6*100 + 0.4*42.857 = 77.14
    assert r.phases[1].score == pytest.approx(300 / 7)
    assert r.overall.score == pytest.approx(60 + 0.4 * 300 / 7)
    assert r.overall.verdict == "not_ready"
    assert [b.question_id for b in r.blockers] == ["beta.data_owner"]
    assert r.blockers[0].reason == "below_minimum" and r.blockers[0].gate_min == 1
    assert r.overall.reasons[0].code == "blockers"
    # high average alone (alpha at 100) stays ready; the gate is what blocks beta
    answers = dict(BEST, **{"alpha.sponsor": {"value": "no"}})
    r = run(mini, answers)
    assert r.phases[0].score == pytest.approx(50) and r.phases[0].verdict == "not_ready"
    assert [b.text.en for b in r.blockers] == ["Is there a sponsor?"]


def test_hand_computed_partial_run(mini: ChecklistSet) -> None:
    answers = {"alpha.sponsor": {"value": "yes"}, "alpha.goals": {"value": "defined"},
               "beta.data_owner": {"value": "yes"}, "beta.accuracy": {"value": 90},
               "beta.training": {"na": "training is outsourced"}}
    r = run(mini, answers)
    alpha, beta = r.phases
    # alpha: kpis unanswered counts 0 → 100·(3·1 + 2·0.67 + 1·0)/6, coverage 5/6
    assert alpha.score == pytest.approx(100 * (3 + 2 * 0.67) / 6)
    assert alpha.coverage == pytest.approx(5 / 6)
    assert alpha.counts == {"answered": 2, "unanswered": 1, "not_applicable": 0, "excluded": 0}
    # beta: N/A leaves the denominator → 100·(4·1 + 2·0.67)/6, coverage 1
    assert beta.score == pytest.approx(100 * (4 + 2 * 0.67) / 6)
    assert beta.coverage == pytest.approx(1)
    assert beta.questions[2].status == "not_applicable"
    assert beta.questions[2].na_reason == "training is outsourced"
    # overall = phase-weighted mean; coverage likewise
    assert r.overall.score == pytest.approx(0.6 * alpha.score + 0.4 * beta.score)
    assert r.overall.coverage == pytest.approx(0.6 * 5 / 6 + 0.4)
    # 72.3 in alpha → level 4 (60..80), ready with risks (≥60, <80)
    assert alpha.level == 4 and alpha.verdict == "ready_with_risks"
    assert {x.code for x in alpha.reasons} == {"score_below_ready", "coverage_low"}


def test_unanswered_lowers_score_and_coverage(mini: ChecklistSet) -> None:
    full = run(mini, BEST)
    less = dict(BEST)
    del less["alpha.goals"]
    r = run(mini, less)
    assert r.phases[0].score == pytest.approx(100 * 4 / 6)
    assert r.phases[0].coverage == pytest.approx(4 / 6)
    assert r.overall.score < full.overall.score and r.overall.coverage < 1
    # an unanswered question raises its risk, marked as unanswered
    risk = next(k for k in r.risks if k.id == "R-GOALS-WEAK")
    assert risk.basis == "unanswered"


def test_unanswered_gate_is_a_blocker(mini: ChecklistSet) -> None:
    less = dict(BEST)
    del less["alpha.sponsor"]
    r = run(mini, less)
    assert [(b.question_id, b.reason) for b in r.blockers] == [("alpha.sponsor", "unanswered")]
    assert r.overall.verdict == "not_ready"


def test_na_needs_a_reason() -> None:
    for bad in ({"na": ""}, {"na": True}, {"na": "   "}):
        with pytest.raises(ValidationError, match="reason"):
            AnswersFile.model_validate({"profile": PROFILE, "answers": {"alpha.goals": bad}})
    with pytest.raises(ValidationError, match="either"):
        AnswersFile.model_validate({"profile": PROFILE,
                                    "answers": {"alpha.goals": {"value": "none", "na": "x"}}})


def test_na_gate_is_not_a_blocker(mini: ChecklistSet) -> None:
    r = run(mini, dict(BEST, **{"beta.data_owner": {"na": "no legacy system"}}))
    assert not r.blockers and r.phases[1].score == pytest.approx(100)


def test_applicability_conditions_follow_the_profile(mini: ChecklistSet) -> None:
    small = dict(PROFILE, size="smb", data_migration=False)
    r = run(mini, {}, profile=small)
    statuses = {q.id: q.status for p in r.phases for q in p.questions}
    assert statuses["alpha.kpis"] == "excluded"
    assert statuses["beta.data_owner"] == "excluded"
    assert statuses["alpha.goals"] == "unanswered"
    # excluded questions leave the denominator: alpha applicable weight = 3 + 2
    assert r.phases[0].applicable_weight == 5
    assert [b.question_id for b in r.blockers] == ["alpha.sponsor"]
    large = run(mini, {}, profile=dict(PROFILE, size="large"))
    assert {q.id: q.status for q in large.phases[0].questions}["alpha.kpis"] == "unanswered"


def test_risk_rules_first_match_then_default(mini: ChecklistSet) -> None:
    ids = lambda r: {k.id for k in r.risks}  # noqa: E731
    assert "R-GOALS-WEAK" in ids(run(mini, dict(BEST, **{"alpha.goals": {"value": "ad_hoc"}})))
    partial = run(mini, dict(BEST, **{"alpha.goals": {"value": "defined"}}))
    assert "R-GOALS-PARTIAL" in ids(partial) and "R-GOALS-WEAK" not in ids(partial)
    assert not ids(run(mini, BEST))  # default: none
    # value_in rule
    r = run(mini, dict(BEST, **{"beta.data_owner": {"value": "no"}}))
    owner = next(k for k in r.risks if k.id == "R-DATA-OWNER")
    assert (owner.likelihood, owner.impact, owner.exposure, owner.band) == (3, 5, 15, "high")
    assert owner.owner == "data_owner" and owner.category == "data"


def test_same_risk_id_merges_keeping_the_strongest(mini: ChecklistSet) -> None:
    r = run(mini, dict(BEST, **{"alpha.goals": {"value": "none"},
                                "beta.training": {"value": "disagree"}}))
    merged = [k for k in r.risks if k.id == "R-GOALS-WEAK"]
    assert len(merged) == 1
    assert merged[0].exposure == 16 and merged[0].questions == ("alpha.goals", "beta.training")
    assert merged[0].phases == ("alpha", "beta")


def test_exposure_bands_are_configurable(mini: ChecklistSet) -> None:
    from crm_readiness.models.checklist import ExposureBands

    strict = mini.model_copy(update={"scoring": mini.scoring.model_copy(
        update={"exposure": ExposureBands(low_max=3, medium_max=5)})})
    data = AnswersFile.model_validate({"profile": PROFILE,
                                       "answers": dict(BEST, **{"alpha.goals": {"value": "defined"}})})
    r = assess(strict, data)
    assert [(k.exposure, k.band) for k in r.risks] == [(6, "high")]
    assert r.thresholds.exposure_low_max == 3


def test_action_plan_ranks_gates_first_then_weight_times_gap(mini: ChecklistSet) -> None:
    answers = {"alpha.sponsor": {"value": "no"}, "alpha.goals": {"value": "ad_hoc"},
               "alpha.kpis": {"value": "defined"}, "beta.data_owner": {"value": "yes"},
               "beta.accuracy": {"value": 50}, "beta.training": {"value": "neutral"}}
    r = run(mini, answers)
    order = [(a.question_id, round(a.priority, 2)) for a in r.actions]
    # failed gate first; then by weight × gap: accuracy 2×1, goals 2×0.67, training 1×0.5, kpis 1×0.33
    assert order == [("alpha.sponsor", 3.0), ("beta.accuracy", 2.0), ("alpha.goals", 1.34),
                     ("beta.training", 0.5), ("alpha.kpis", 0.33)]
    assert [a.rank for a in r.actions] == [1, 2, 3, 4, 5]
    assert r.actions[0].gate_failed


def test_phase_selection_and_numeric_bands(mini: ChecklistSet) -> None:
    data = AnswersFile.model_validate({"profile": PROFILE, "answers": {"beta.accuracy": {"value": 95}}})
    r = assess(mini, data, phases=["beta"])
    assert [p.id for p in r.phases] == ["beta"]
    assert r.phases[0].questions[1].score == 1.0  # 95 reaches the top band
    data = AnswersFile.model_validate({"profile": PROFILE, "answers": {"beta.accuracy": {"value": 94.9}}})
    assert assess(mini, data, phases=["beta"]).phases[0].questions[1].score == 0.67


def test_yaml_yes_no_booleans_are_words(mini: ChecklistSet) -> None:
    r = run(mini, dict(BEST, **{"alpha.sponsor": {"value": True}}))
    assert r.phases[0].questions[0].value == "yes"


def test_several_respondents_combine_by_median(mini: ChecklistSet) -> None:
    answers = dict(BEST, **{"alpha.goals": [
        {"value": "none", "respondent": "a"}, {"value": "defined", "respondent": "b"},
        {"value": "managed", "respondent": "c"}]})
    r = run(mini, answers)
    q = r.phases[0].questions[1]
    assert q.score == pytest.approx(0.67) and q.spread == pytest.approx(1.0)
    assert q.value == "defined" and len(q.responses) == 3
    mean = run(mini, answers, consensus={"rule": "mean"}).phases[0].questions[1]
    assert mean.score == pytest.approx((0 + 0.67 + 1) / 3)


def test_result_round_trips_through_json(mini: ChecklistSet) -> None:
    from crm_readiness.models.assessment import AssessmentResult

    r = run(mini, BEST)
    assert AssessmentResult.model_validate_json(r.model_dump_json()) == r
