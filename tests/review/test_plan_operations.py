"""Plan past the roll-out: hypercare with entry and exit criteria, reviews at +3/+6/+12 months."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from crm_readiness.engine.plan import add_months, build_plan
from crm_readiness.engine.scoring import assess
from crm_readiness.io.checklists import load_checklist_set
from crm_readiness.models.answers import AnswersFile
from crm_readiness.models.checklist import ChecklistSet
from crm_readiness.render import Format
from crm_readiness.render.plan import PLAN_RENDERERS
from tests.review.test_golive_checklist import best_answers

PROFILE = {"organization": "Acme", "size": "mid", "users": 80, "deployment": "saas",
           "integrations": [], "data_migration": True, "customization": "light"}


@pytest.fixture(scope="module")
def packaged() -> ChecklistSet:
    return load_checklist_set()


@pytest.mark.parametrize(("day", "months", "expected"), [
    (date(2026, 11, 15), 3, date(2027, 2, 15)),    # over a year end
    (date(2026, 8, 31), 6, date(2027, 2, 28)),     # shorter month: its last day
    (date(2027, 8, 31), 6, date(2028, 2, 29)),     # leap year
    (date(2026, 12, 31), 12, date(2027, 12, 31)),
    (date(2026, 10, 31), 3, date(2027, 1, 31)),
])
def test_add_months(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


def test_hypercare_and_reviews_follow_the_rollout_across_year_ends(packaged: ChecklistSet) -> None:
    r = assess(packaged, AnswersFile.model_validate({"profile": PROFILE,
                                                    "answers": best_answers(packaged)}))
    plan = build_plan(r, date(2026, 1, 5))
    rollout = plan.stages[-1]
    assert rollout.id == "rollout"
    h = plan.hypercare
    assert h is not None
    # 1–2 weeks, mid-size: midpoint rounded up = 2; golive ready → no stretch
    assert (h.baseline_weeks, h.weeks) == (2, 2) and not h.stretches
    assert h.start == rollout.end + timedelta(days=1)
    assert h.end == h.start + timedelta(days=13)
    assert {c.code for c in h.entry} == {"hc_cutover_done", "hc_team_named", "hc_reconciled"}
    assert ("user_satisfaction", "≥80%") in {(c.code, c.target) for c in h.exit}
    assert [(x.id, x.months) for x in plan.reviews] == [("R3", 3), ("R6", 6), ("R12", 12)]
    assert [x.date for x in plan.reviews] == [add_months(rollout.end, m) for m in (3, 6, 12)]
    assert plan.reviews[-1].date.year == rollout.end.year + 1
    assert {c.code for c in plan.reviews[-1].measures} >= {"rv_reforecast", "rv_retrospective"}
    # 5+6+3+9+3+3+11+6 = 46 weeks from 5 January 2026 → 22 November; +3 months over the year end
    assert (rollout.end, plan.reviews[0].date) == (date(2026, 11, 22), date(2027, 2, 22))
    assert plan.reviews[2].date == date(2027, 11, 22) and h.end == date(2026, 12, 6)


def test_golive_gaps_stretch_hypercare_and_the_golive_stage(packaged: ChecklistSet) -> None:
    answers = {**best_answers(packaged), "golive.hypercare_team": {"value": "none"},
               "golive.uat_business_testers": {"value": "ad_hoc"}}
    r = assess(packaged, AnswersFile.model_validate({"profile": PROFILE, "answers": answers}))
    assert next(p for p in r.phases if p.id == "golive").verdict == "not_ready"
    plan = build_plan(r, date(2026, 1, 5))
    assert plan.hypercare is not None
    assert plan.hypercare.weeks == 2 + 1  # + ceil(2 × 50 %)
    assert plan.hypercare.stretches[0].params["phase"] == "golive"
    stage = next(s for s in plan.stages if s.id == "training_golive")
    assert "golive" in stage.phases and any(
        x.code == "phase_gap" and x.params["phase"] == "golive" for x in stage.stretches)
    due = {m.risk_id: m.stage for m in plan.mitigations}
    assert due["R-GOLIVE-NO-HYPERCARE"] == "training_golive"


def test_the_demo_plan_has_hypercare_and_a_benefits_review(packaged: ChecklistSet) -> None:
    from crm_readiness.io.assessment import load_answers
    from crm_readiness.workflows.assessment import demo_answers_path

    r = assess(packaged, load_answers(demo_answers_path(), packaged))
    plan = build_plan(r, date(2026, 11, 2))
    assert plan.hypercare is not None and plan.hypercare.stretches  # the demo's golive gaps
    assert [x.months for x in plan.reviews] == [3, 6, 12]
    md = PLAN_RENDERERS[Format.md](plan, "en").decode()
    assert "Hypercare after the roll-out" in md and "+6 months" in md
    assert "Realised benefits against the business case" in md
    zh = PLAN_RENDERERS[Format.html](plan, "zh").decode()
    assert "上线保障期" in zh and "效益评估" in zh
