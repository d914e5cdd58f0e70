"""What it takes to reach Ready: the actions that lift each phase over the bar, verified.

Method (docs/scoring.md "Path to Ready"):

1. Every phase whose verdict is not Ready is a target. Its failing go-live
   gates and the questions behind its high risks must be completed (a Ready
   phase has no blocker and no high risk).
2. Then, greedily, the open question with the largest score gain (weight ×
   (target score − score), one action = one unit of effort) until the phase
   score reaches ``ready_min``; when only coverage is short, the heaviest
   unanswered question. The target answer is the scale's best answer.
3. The answers are re-scored by the engine with every chosen question set to
   its target answer. A phase still short (a target answer that raises a risk
   of its own, a dispute…) takes the next candidate from the re-scored state,
   until it is Ready or nothing is left (then it is marked unreachable).
4. The plan weeks are those the implementation plan stretches its stages by
   for these gaps: planned weeks today − planned weeks with the re-scored
   result (hypercare included), and per phase the stretch weeks it causes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from crm_readiness.models._base import Text
from crm_readiness.models.answers import Answer, AnswersFile
from crm_readiness.models.assessment import (
    AssessmentResult,
    PathStep,
    PathToReady,
    PhasePath,
    PhaseResult,
    QuestionResult,
)
from crm_readiness.models.checklist import (
    ChecklistSet,
    ChoiceScale,
    NumericScale,
    OwnerRole,
    Question,
    RiskDefault,
    ScoringConfig,
)
from crm_readiness.models.plan import ImplementationPlan, PlanBenchmarks, Stretch

_EPS = 1e-9
#: any Monday: the weeks a plan holds do not depend on its start
_PLAN_START = date(2001, 1, 1)


@dataclass(frozen=True)
class Target:
    """The best answer of a question's scale: its value, label and score."""

    value: str | float
    label: Text | None
    score: float


def target_answer(scale: ChoiceScale | NumericScale) -> Target:
    """Return the best answer on ``scale`` (the first choice, or the lowest number, that scores most)."""
    if isinstance(scale, ChoiceScale):
        best = max(scale.choices, key=lambda c: c.score)
        return Target(best.value, best.label, best.score)
    top = max(b.score for b in scale.bands)
    band = next(b for b in scale.bands if b.score == top)
    number = min(max(band.at_least, scale.min), scale.max)
    value: float = int(number) if float(number).is_integer() else number
    return Target(value, None, scale.score_of(number))


def owner_of(question: Question) -> OwnerRole | None:
    """Return who acts on a question: the owner of the first risk it can raise."""
    for rule in question.risks:
        spec = rule.default if isinstance(rule, RiskDefault) else rule.risk
        if not isinstance(spec, str):
            return spec.owner
    return None


@dataclass
class _Phase:
    """A phase's running totals while steps are added."""

    applicable: float
    weighted: float
    answered: float
    chosen: list[str] = field(default_factory=list)

    def score(self) -> float:
        return 100 * self.weighted / self.applicable if self.applicable else 100.0

    def coverage(self) -> float:
        return self.answered / self.applicable if self.applicable else 1.0


def _live(r: QuestionResult) -> bool:
    return r.status in ("answered", "unanswered")


def _open(r: QuestionResult, target: Target) -> bool:
    return _live(r) and ((r.score or 0.0) < target.score - _EPS or bool(r.spread))


def _choose(phase: PhaseResult, result: AssessmentResult, targets: dict[str, Target],
            config: ScoringConfig, chosen: dict[str, None]) -> int:
    """Add to ``chosen`` what ``phase`` (as scored in ``result``) still needs; return how many."""
    before = len(chosen)
    by_id = {q.id: q for q in phase.questions}
    state = _Phase(phase.applicable_weight,
                   sum(q.weight * (q.score or 0.0) for q in phase.questions if _live(q)),
                   phase.answered_weight)

    def take(qid: str) -> None:
        q = by_id.get(qid)
        if q is None or qid in chosen or not _open(q, targets[qid]):
            return
        chosen[qid] = None
        state.weighted += q.weight * (targets[qid].score - (q.score or 0.0))
        if q.status == "unanswered":
            state.answered += q.weight

    for b in result.blockers:
        if b.phase == phase.id:
            take(b.question_id)
    for risk in result.risks:
        if risk.band == "high" and phase.id in risk.phases:
            for qid in risk.questions:
                take(qid)
    while True:
        pending = [q for q in phase.questions if q.id not in chosen and _open(q, targets[q.id])]
        if state.score() < config.ready_min - _EPS and pending:
            best = max(pending, key=lambda q: (q.weight * (targets[q.id].score - (q.score or 0.0)),
                                               q.status == "unanswered"))
        elif state.coverage() < config.ready_min_coverage - _EPS:
            unanswered = [q for q in pending if q.status == "unanswered"]
            if not unanswered:
                break
            best = max(unanswered, key=lambda q: q.weight)
        else:
            break
        take(best.id)
    return len(chosen) - before


def _completed(answers: AnswersFile, chosen: Sequence[str],
               targets: dict[str, Target]) -> AnswersFile:
    done = dict(answers.answers)
    for qid in chosen:
        done[qid] = (Answer(value=targets[qid].value),)
    return answers.model_copy(update={"answers": done})


def _gap_weeks(stretches: Sequence[Stretch], phase: str) -> int:
    return sum(s.weeks for s in stretches if s.code == "phase_gap" and s.params.get("phase") == phase)


def _planned_weeks(plan: ImplementationPlan) -> int:
    return plan.total_weeks + (plan.hypercare.weeks if plan.hypercare else 0)


def _needs_lift(p: PhaseResult) -> bool:
    return p.verdict != "ready" and p.score is not None


def path_to_ready(checklists: ChecklistSet, answers: AnswersFile, result: AssessmentResult, *,
                  benchmarks: PlanBenchmarks | None = None) -> PathToReady:
    """Return the actions that make every phase Ready, verified by re-scoring ``answers``.

    ``checklists`` and ``answers`` are those ``result`` was scored from (its
    phase selection is kept). Empty when the project and every phase are Ready.
    """
    from crm_readiness.engine.plan import build_plan
    from crm_readiness.engine.scoring import assess

    if result.overall.verdict == "ready" and not any(_needs_lift(p) for p in result.phases):
        return PathToReady(already_ready=True, projected_score=result.overall.score,
                           projected_verdict="ready")
    config = checklists.scoring
    questions: dict[str, tuple[Question, QuestionResult]] = {}
    for phase in result.phases:
        checklist = checklists.phase(phase.id)
        assert checklist is not None
        for q, r in zip(checklist.questions, phase.questions, strict=True):
            questions[q.id] = (q, r)
    targets = {qid: target_answer(checklists.scale_of(q)) for qid, (q, _) in questions.items()}
    goals = [p.id for p in result.phases if _needs_lift(p)]
    chosen: dict[str, None] = {}
    for phase in result.phases:
        if phase.id in goals:
            _choose(phase, result, targets, config, chosen)

    def rescore() -> AssessmentResult:
        return assess(checklists, _completed(answers, list(chosen), targets),
                      phases=result.meta.phases_selected, now=result.meta.generated_at,
                      path=False)

    lifted = rescore()
    while True:
        added = sum(_choose(p, lifted, targets, config, chosen) for p in lifted.phases
                    if p.id in goals and p.verdict != "ready")
        if not added:
            break
        lifted = rescore()

    plan_now = build_plan(result, _PLAN_START, benchmarks=benchmarks)
    plan_lifted = build_plan(lifted, _PLAN_START, benchmarks=benchmarks)
    stretches = [s for st in plan_now.stages for s in st.stretches]
    stretches += plan_now.hypercare.stretches if plan_now.hypercare else ()
    high_after = {k.id for k in lifted.risks if k.band == "high"}
    steps = []
    for qid in chosen:
        q, r = questions[qid]
        phase = next(p for p in result.phases if p.id == r.phase)
        t = targets[qid]
        gain = (100 * q.weight * (t.score - (r.score or 0.0)) / phase.applicable_weight
                if phase.applicable_weight else 0.0)
        steps.append(PathStep(
            question_id=qid, phase=r.phase, question=q.text, action=q.actions, owner=owner_of(q),
            weight=q.weight, status=r.status, score=r.score or 0.0, target_value=str(t.value),
            target_label=t.label, target_score=t.score, gain=round(gain, 2),
            clears_blocker=r.gate_failed,
            clears_risks=tuple(k.id for k in result.risks if k.band == "high"
                               and qid in k.questions and k.id not in high_after)))
    steps.sort(key=lambda s: (not s.clears_blocker, -s.gain, s.question_id))
    after = {p.id: p for p in lifted.phases}
    phases = tuple(PhasePath(
        phase=p.id, title=p.title, verdict=p.verdict, score=p.score, coverage=p.coverage,
        steps=tuple(s.question_id for s in steps if s.phase == p.id),
        projected_score=after[p.id].score, projected_coverage=after[p.id].coverage,
        projected_verdict=after[p.id].verdict, reachable=after[p.id].verdict == "ready",
        plan_weeks=_gap_weeks(stretches, p.id)) for p in result.phases if p.id in goals)
    weeks_now, weeks_lifted = _planned_weeks(plan_now), _planned_weeks(plan_lifted)
    return PathToReady(already_ready=False, steps=tuple(steps), phases=phases,
                       projected_score=lifted.overall.score,
                       projected_verdict=lifted.overall.verdict,
                       plan_weeks=weeks_now - weeks_lifted)
