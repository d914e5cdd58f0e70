"""The readiness engine: answers + checklists → scores, verdicts, blockers, risks, actions.

Formulas (docs/scoring.md):
- question score s ∈ [0, 1] from its scale; several respondents combine by the
  consensus rule (median by default);
- phase score = 100 · Σ w·s / Σ w over applicable questions; unanswered counts
  0 and lowers coverage = answered weight / applicable weight; an N/A answer
  (with its reason) or a profile condition removes the question;
- overall = phase-weighted mean of phase scores;
- any gate below its minimum (or unanswered) is a blocker → Not ready.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from crm_readiness import __version__
from crm_readiness.engine.conditions import applies
from crm_readiness.engine.consensus import combine, spread
from crm_readiness.engine.path_to_ready import owner_of, path_to_ready
from crm_readiness.engine.workshop import consensus_section
from crm_readiness.models._base import Text
from crm_readiness.models.answers import Answer, AnswersFile
from crm_readiness.models.assessment import (
    ActionItem,
    AssessmentMeta,
    AssessmentResult,
    Blocker,
    OverallResult,
    PackUse,
    PhaseResult,
    QuestionResult,
    QuestionStatus,
    Response,
    RiskItem,
    Thresholds,
    Verdict,
    VerdictReason,
    Waiver,
)
from crm_readiness.models.checklist import (
    Checklist,
    ChecklistSet,
    ChoiceScale,
    NumericScale,
    Question,
    RiskDefault,
    RiskSpec,
    ScoringConfig,
)


class AnswerValueError(ValueError):
    """An answer value that its scale does not allow."""


def score_value(scale: ChoiceScale | NumericScale, value: str | float | int) -> float:
    """Return the score of ``value`` on ``scale``; raise :class:`AnswerValueError` if invalid."""
    if isinstance(scale, ChoiceScale):
        choice = scale.choice(str(value))
        if choice is None:
            raise AnswerValueError(str(value))
        return choice.score
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise AnswerValueError(str(value)) from None
    if not scale.min <= number <= scale.max:
        raise AnswerValueError(str(value))
    return scale.score_of(number)


def _response(scale: ChoiceScale | NumericScale, answer: Answer, answers: AnswersFile) -> Response:
    person = answers.respondent(answer.respondent)
    role = answer.role or (person.role if person else None)
    if answer.dont_know is not None:
        return Response(respondent=answer.respondent, role=role, dont_know=answer.dont_know,
                        note=answer.note, evidence=answer.evidence, source=answer.source)
    if answer.na is not None:
        return Response(respondent=answer.respondent, role=role, na=answer.na,
                        waived_by=answer.waived_by, note=answer.note,
                        evidence=answer.evidence, source=answer.source)
    assert answer.value is not None
    label = None
    value = str(answer.value)
    if isinstance(scale, ChoiceScale):
        choice = scale.choice(value)
        label = choice.label if choice else None
    return Response(respondent=answer.respondent, role=role, value=value, label=label,
                    score=score_value(scale, answer.value), note=answer.note,
                    evidence=answer.evidence, source=answer.source)


def _question(checklist: Checklist, q: Question, checklists: ChecklistSet,
              answers: AnswersFile) -> QuestionResult:
    base = {"id": q.id, "phase": checklist.id, "text": q.text, "weight": q.weight, "gate": q.gate,
            "gate_min": q.gate_threshold if q.gate else None}
    if not applies(q.applies_when, answers.profile):
        return QuestionResult(**base, status="excluded")
    scale = checklists.scale_of(q)
    responses = tuple(_response(scale, a, answers) for a in answers.answers.get(q.id, ()))
    scored = [r for r in responses if r.score is not None]
    unknown = tuple(dict.fromkeys(r.dont_know for r in responses if r.dont_know is not None))
    if not responses or (not scored and unknown):
        # nobody answered, or those who did do not know: unanswered (0, lower coverage), with why
        return QuestionResult(**base, status="unanswered", score=0.0, responses=responses,
                              dont_know=unknown, gate_failed=q.gate)
    if not scored:
        reasons = Text.join(dict.fromkeys(r.na for r in responses if r.na))
        owners = "; ".join(dict.fromkeys(r.waived_by or r.respondent or "?" for r in responses
                                         if r.na is not None))
        return QuestionResult(**base, status="not_applicable", na_reason=reasons,
                              responses=responses, waived_by=owners if q.gate else None)
    scores = [r.score for r in scored if r.score is not None]
    people = [answers.respondent(r.respondent) for r in scored]
    combined = combine(scores, answers.consensus, roles=[r.role for r in scored], people=people)
    values = {r.value for r in scored}
    value = scored[0].value if len(values) == 1 else None
    label = scored[0].label if len(values) == 1 else None
    if value is None and isinstance(scale, ChoiceScale):
        exact = next((c for c in scale.choices if abs(c.score - combined) < 1e-9), None)
        value, label = (exact.value, exact.label) if exact else (None, None)
    return QuestionResult(**base, status="answered", score=combined, value=value, label=label,
                          responses=responses, spread=spread(scores), dont_know=unknown,
                          gate_failed=q.gate and combined < q.gate_threshold - 1e-12)


@dataclass(frozen=True)
class _Raised:
    spec: RiskSpec
    phase: str
    question: str
    unanswered: bool


def _risk_for(q: Question, result: QuestionResult) -> RiskSpec | None:
    if result.status in ("excluded", "not_applicable"):
        return None
    score = result.score if result.score is not None else 0.0
    values = {r.value for r in result.responses if r.value is not None}
    for rule in q.risks:
        if isinstance(rule, RiskDefault):
            return None if rule.default == "none" else rule.default
        w = rule.when
        ok = w.score_below is None or score < w.score_below - 1e-12
        if w.value_in is not None:
            ok = ok and (result.value in w.value_in if result.value is not None
                         else bool(values & set(w.value_in)))
        if ok:
            return rule.risk
    return None


def _merge_risks(raised: Sequence[_Raised], config: ScoringConfig) -> tuple[RiskItem, ...]:
    by_id: dict[str, list[_Raised]] = {}
    for r in raised:
        by_id.setdefault(r.spec.id, []).append(r)
    items: list[RiskItem] = []
    for rid, group in by_id.items():
        # the strongest statement of the same risk stands for the group
        top = max(group, key=lambda g: (g.spec.likelihood * g.spec.impact, g.spec.impact))
        exposure = top.spec.likelihood * top.spec.impact
        items.append(RiskItem(
            id=rid, category=top.spec.category, title=top.spec.title,
            likelihood=top.spec.likelihood, impact=top.spec.impact, exposure=exposure,
            band=config.exposure.band(exposure), mitigation=top.spec.mitigation,
            owner=top.spec.owner, phases=tuple(dict.fromkeys(g.phase for g in group)),
            questions=tuple(dict.fromkeys(g.question for g in group)),
            basis="unanswered" if all(g.unanswered for g in group) else "answer"))
    items.sort(key=lambda r: (-r.exposure, -r.impact, r.id))
    return tuple(items)


def _phase_verdict(score: float | None, coverage: float, blockers: int, high_risks: int,
                   config: ScoringConfig, waivers: int = 0) -> tuple[
        Verdict, tuple[VerdictReason, ...]]:
    verdict, reasons = _verdict(score, coverage, blockers, high_risks, config)
    if waivers:
        # a waived gate blocks nothing, but stays visible in the "why" line
        kept = tuple(r for r in reasons if r.code != "all_clear")
        reasons = (*kept, VerdictReason(code="waivers", params={"count": waivers}))
    return verdict, reasons


def _verdict(score: float | None, coverage: float, blockers: int, high_risks: int,
             config: ScoringConfig) -> tuple[Verdict, tuple[VerdictReason, ...]]:
    if score is None:
        return "ready", (VerdictReason(code="no_questions"),)
    reasons: list[VerdictReason] = []
    if blockers:
        reasons.append(VerdictReason(code="blockers", params={"count": blockers}))
    if score < config.ready_with_risks_min:
        reasons.append(VerdictReason(code="score_below_risks",
                                     params={"score": round(score, 1),
                                             "min": config.ready_with_risks_min}))
    if reasons:
        return "not_ready", tuple(reasons)
    if score < config.ready_min:
        reasons.append(VerdictReason(code="score_below_ready",
                                     params={"score": round(score, 1), "min": config.ready_min}))
    if coverage < config.ready_min_coverage:
        reasons.append(VerdictReason(code="coverage_low",
                                     params={"coverage": round(coverage * 100, 1),
                                             "min": round(config.ready_min_coverage * 100, 1)}))
    if high_risks:
        reasons.append(VerdictReason(code="high_risks", params={"count": high_risks}))
    if reasons:
        return "ready_with_risks", tuple(reasons)
    return "ready", (VerdictReason(code="all_clear"),)


def _phase(checklist: Checklist, questions: tuple[QuestionResult, ...], high_risks: int,
           config: ScoringConfig) -> PhaseResult:
    live = [q for q in questions if q.status in ("answered", "unanswered")]
    applicable_w = sum(q.weight for q in live)
    answered_w = sum(q.weight for q in live if q.status == "answered")
    score = (100 * sum(q.weight * (q.score or 0.0) for q in live) / applicable_w
             if applicable_w else None)
    coverage = answered_w / applicable_w if applicable_w else 1.0
    blockers = sum(1 for q in questions if q.gate_failed)
    waived = sum(1 for q in questions if q.waived_by is not None)
    verdict, reasons = _phase_verdict(score, coverage, blockers, high_risks, config, waived)
    band = config.level(score) if score is not None else None
    counts: dict[QuestionStatus, int] = {"answered": 0, "unanswered": 0, "not_applicable": 0,
                                         "excluded": 0}
    for q in questions:
        counts[q.status] += 1
    return PhaseResult(
        id=checklist.id, title=checklist.title, version=checklist.version, weight=checklist.weight,
        score=score, coverage=coverage, applicable_weight=applicable_w,
        answered_weight=answered_w, level=band.level if band else None,
        level_label=band.label if band else None, verdict=verdict, reasons=reasons,
        counts=counts, questions=questions)


def _overall(phases: Sequence[PhaseResult], blockers: int, high_risks: int,
             config: ScoringConfig, waivers: int = 0) -> OverallResult:
    scored = [p for p in phases if p.score is not None]
    total_w = sum(p.weight for p in scored)
    score = sum(p.weight * (p.score or 0.0) for p in scored) / total_w if total_w else None
    coverage = sum(p.weight * p.coverage for p in scored) / total_w if total_w else 1.0
    verdict, reasons = _phase_verdict(score, coverage, blockers, high_risks, config, waivers)
    weak = [p.id for p in phases if p.verdict == "not_ready" and not any(
        r.code == "blockers" for r in p.reasons)]
    if weak and verdict != "not_ready":
        # a phase far below the bar caps the whole project at "ready with risks"
        verdict = "ready_with_risks"
        reasons = (*(r for r in reasons if r.code != "all_clear"),
                   VerdictReason(code="phase_not_ready", params={"phases": ", ".join(weak)}))
    band = config.level(score) if score is not None else None
    return OverallResult(score=score, coverage=coverage, level=band.level if band else None,
                         level_label=band.label if band else None, verdict=verdict,
                         reasons=reasons)


def _actions(checklists: Sequence[Checklist], phases: Sequence[PhaseResult]) -> tuple[
        ActionItem, ...]:
    rows: list[tuple[tuple[int, float, int, int], dict[str, object]]] = []
    for pi, (checklist, phase) in enumerate(zip(checklists, phases, strict=True)):
        for qi, (q, r) in enumerate(zip(checklist.questions, phase.questions, strict=True)):
            if r.status not in ("answered", "unanswered"):
                continue
            gap = 1.0 - (r.score or 0.0)
            if gap <= 1e-9:
                continue
            priority = q.weight * gap
            tier = 0 if r.gate_failed else (1 if q.gate else 2)
            rows.append(((tier, -priority, pi, qi), {
                "question_id": q.id, "phase": checklist.id, "question": q.text,
                "action": q.actions, "weight": q.weight, "gap": gap, "priority": priority,
                "gate": q.gate, "gate_failed": r.gate_failed, "status": r.status,
                "owner": owner_of(q)}))
    rows.sort(key=lambda row: row[0])
    return tuple(ActionItem(rank=i + 1, **fields) for i, (_, fields) in
                 enumerate(rows))


def assess(checklists: ChecklistSet, answers: AnswersFile, *,
           phases: Sequence[str] | None = None, answers_file: str | None = None,
           now: datetime | None = None, path: bool = True) -> AssessmentResult:
    """Score ``answers`` against ``checklists`` and return the full readiness result.

    ``phases`` limits the run to those phase ids (in checklist order). With
    ``path`` the result holds what it takes to reach Ready (re-scored). Answer
    values are trusted to have been validated by the loader; an invalid one
    raises :class:`AnswerValueError`.
    """
    selected = [c for c in checklists.checklists if phases is None or c.id in phases]
    config = checklists.scoring
    raised: list[_Raised] = []
    question_results: list[tuple[QuestionResult, ...]] = []
    blockers: list[Blocker] = []
    waivers: list[Waiver] = []
    for checklist in selected:
        results = tuple(_question(checklist, q, checklists, answers) for q in checklist.questions)
        question_results.append(results)
        for q, r in zip(checklist.questions, results, strict=True):
            spec = _risk_for(q, r)
            if spec is not None:
                raised.append(_Raised(spec, checklist.id, q.id, r.status == "unanswered"))
            if r.gate_failed:
                blockers.append(Blocker(
                    question_id=q.id, phase=checklist.id, text=q.text, action=q.actions,
                    score=r.score if r.status == "answered" else None, gate_min=q.gate_threshold,
                    reason="unanswered" if r.status == "unanswered" else "below_minimum"))
            if r.waived_by is not None:
                waivers.append(Waiver(question_id=q.id, phase=checklist.id, text=q.text,
                                      reason=r.na_reason or "", waived_by=r.waived_by))
    consensus, disputes = consensus_section(checklists, answers,
                                            list(zip(selected, question_results, strict=True)))
    risks = tuple(sorted((*_merge_risks(raised, config), *disputes),
                         key=lambda r: (-r.exposure, -r.impact, r.id)))
    phase_results = tuple(
        _phase(c, qr, sum(1 for r in risks if r.band == "high" and c.id in r.phases), config)
        for c, qr in zip(selected, question_results, strict=True))
    overall = _overall(phase_results, len(blockers),
                       sum(1 for r in risks if r.band == "high"), config, len(waivers))
    meta = AssessmentMeta(
        tool_version=__version__, generated_at=now or datetime.now(UTC).replace(microsecond=0),
        answers_file=answers_file, checklist_versions={c.id: c.version for c in selected},
        phases_selected=tuple(phases) if phases is not None else None)
    thresholds = Thresholds(
        ready_min=config.ready_min, ready_with_risks_min=config.ready_with_risks_min,
        ready_min_coverage=config.ready_min_coverage,
        exposure_low_max=config.exposure.low_max, exposure_medium_max=config.exposure.medium_max,
        consensus_rule=answers.consensus.rule)
    result = AssessmentResult(meta=meta, profile=answers.profile, overall=overall,
                              phases=phase_results, blockers=tuple(blockers),
                              waivers=tuple(waivers), risks=risks,
                              actions=_actions(selected, phase_results), thresholds=thresholds,
                              consensus=consensus, packs=_packs(checklists, answers, selected))
    if not path:
        return result
    return result.model_copy(update={"path_to_ready": path_to_ready(checklists, answers, result)})


def _packs(checklists: ChecklistSet, answers: AnswersFile,
           selected: Sequence[Checklist]) -> tuple[PackUse, ...]:
    """Each industry pack, on or off for the profile, with its questions that apply."""
    from crm_readiness.engine.conditions import applies

    profile = answers.profile
    out: list[PackUse] = []
    for pack in checklists.packs:
        on = pack.on_for(profile.industry)
        asked = tuple(q.id for c in selected for q in c.questions
                      if q.pack == pack.id and applies(q.applies_when, profile)) if on else ()
        out.append(PackUse(id=pack.id, title=pack.title, industries=pack.industries, on=on,
                           questions=asked, catalogue_module=pack.catalogue_module))
    return tuple(out)
