"""The seventh phase, go-live and operations: valid, sourced, its gates block the verdict."""

from __future__ import annotations

from typing import Any

import pytest

from crm_readiness.engine.scoring import assess
from crm_readiness.io.checklists import load_checklist_set
from crm_readiness.models.answers import AnswersFile
from crm_readiness.models.checklist import ChecklistSet, ChoiceScale, NumericScale

PROFILE = {"organization": "Test Co", "size": "mid", "users": 120, "data_migration": True,
           "deployment": "saas"}


@pytest.fixture(scope="module")
def packaged() -> ChecklistSet:
    return load_checklist_set()


def best_answers(cs: ChecklistSet) -> dict[str, Any]:
    """The top answer of every packaged question."""
    out: dict[str, Any] = {}
    for c in cs.checklists:
        for q in c.questions:
            scale = cs.scale_of(q)
            if isinstance(scale, ChoiceScale):
                out[q.id] = {"value": max(scale.choices, key=lambda ch: ch.score).value}
            else:
                assert isinstance(scale, NumericScale)
                out[q.id] = {"value": scale.max}
    return out


def test_golive_is_the_seventh_phase_with_sourced_bilingual_questions(
        packaged: ChecklistSet) -> None:
    golive = packaged.checklists[-1]
    assert (golive.id, golive.order) == ("golive", 7)
    assert 12 <= len(golive.questions) <= 20
    for q in golive.questions:
        assert q.id.startswith("golive.")
        assert q.source and q.source.startswith("domain"), q.id
        assert q.help is not None and q.evidence is not None and q.actions is not None


def test_all_best_answers_are_ready(packaged: ChecklistSet) -> None:
    r = assess(packaged, AnswersFile.model_validate(
        {"profile": PROFILE, "answers": best_answers(packaged)}))
    assert r.overall.verdict == "ready" and not r.blockers
    assert [p.id for p in r.phases][-1] == "golive"


@pytest.mark.parametrize(("question", "value"), [
    ("golive.uat_business_testers", "ad_hoc"),
    ("golive.cutover_rollback", "plan_no_rollback"),
    ("golive.reconciliation_plan", "counts_only"),
    ("golive.hypercare_team", "none"),
])
def test_a_failed_golive_gate_blocks_the_overall_verdict(packaged: ChecklistSet, question: str,
                                                         value: str) -> None:
    answers = best_answers(packaged)
    answers[question] = {"value": value}
    r = assess(packaged, AnswersFile.model_validate({"profile": PROFILE, "answers": answers}))
    assert [b.question_id for b in r.blockers] == [question]
    assert r.overall.verdict != "ready"
    golive = next(p for p in r.phases if p.id == "golive")
    assert golive.verdict != "ready"
    # the overall score is still high: it is the gate, not the score, that blocks
    assert r.overall.score is not None and r.overall.score > 95


def test_reconciliation_is_only_a_gate_when_data_is_migrated(packaged: ChecklistSet) -> None:
    answers = best_answers(packaged)
    answers.pop("golive.reconciliation_plan")
    r = assess(packaged, AnswersFile.model_validate(
        {"profile": {**PROFILE, "data_migration": False}, "answers": answers}))
    assert not [b for b in r.blockers if b.phase == "golive"]


def test_the_demo_answers_cover_the_golive_phase(packaged: ChecklistSet) -> None:
    from crm_readiness.io.assessment import load_answers
    from crm_readiness.workflows.assessment import demo_answers_path

    r = assess(packaged, load_answers(demo_answers_path(), packaged))
    golive = next(p for p in r.phases if p.id == "golive")
    assert golive.coverage == pytest.approx(1.0)
    blocked = {b.question_id for b in r.blockers if b.phase == "golive"}
    assert blocked == {"golive.cutover_rollback", "golive.hypercare_team"}


def test_golive_takes_part_in_questionnaires_and_snapshot_compare(packaged: ChecklistSet) -> None:
    from crm_readiness.engine.progress import compare
    from crm_readiness.io.snapshots import make_snapshot
    from crm_readiness.models.profile import OrganizationProfile
    from crm_readiness.models.progress import SnapshotInfo
    from crm_readiness.render.questionnaire import questions_for

    profile = OrganizationProfile.model_validate(PROFILE)
    for_it = {q.id for _, q in questions_for(packaged, "it", profile)}
    assert {"golive.cutover_rollback", "golive.reconciliation_plan"} <= for_it
    assert "golive.uat_business_testers" in {
        q.id for _, q in questions_for(packaged, "sales", profile)}
    before = best_answers(packaged)
    before["golive.hypercare_team"] = {"value": "none"}
    ra = assess(packaged, AnswersFile.model_validate({"profile": PROFILE, "answers": before}))
    rb = assess(packaged, AnswersFile.model_validate(
        {"profile": PROFILE, "answers": best_answers(packaged)}))

    def info(name: str, r: Any) -> SnapshotInfo:
        return SnapshotInfo(name=name, taken_at=r.meta.generated_at, path=name,
                            overall=r.overall.score, coverage=r.overall.coverage,
                            verdict=r.overall.verdict, blockers=len(r.blockers),
                            risks=len(r.risks), checklist_versions=r.meta.checklist_versions)

    c = compare(make_snapshot("a", ra), make_snapshot("b", rb), info("a", ra), info("b", rb))
    assert [b.question_id for b in c.blockers_closed] == ["golive.hypercare_team"]
    golive = next(p for p in c.phases if p.id == "golive")
    assert golive.status == "both"
    assert (c.verdict_a, c.verdict_b) == ("not_ready", "ready")
