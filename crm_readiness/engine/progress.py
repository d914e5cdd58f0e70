"""Progress between two snapshots, and the trend over many.

Checklists change between assessments (a question added, one retired, a
weight revised). A comparison therefore separates two things:

- **like for like**: each phase's score recomputed over the applicable
  questions *both* snapshots had (each with its own weight and score); its
  change is real progress or regress;
- **checklist effect**: the rest of the reported change, due to questions
  that were added or retired. Those questions are listed as added/retired,
  never as changed answers.

Blockers and actions are matched by question id, risks by risk id.
"""

from __future__ import annotations

from collections.abc import Sequence

from crm_readiness.models.assessment import AssessmentResult, PhaseResult, QuestionResult
from crm_readiness.models.progress import (
    ActionRef,
    BlockerRef,
    Comparison,
    PhaseDelta,
    QuestionChange,
    QuestionRef,
    RiskRef,
    Snapshot,
    SnapshotInfo,
)
from crm_readiness.models.workshop import Trend, TrendPoint

_LIVE = ("answered", "unanswered")
_EPS = 1e-9


def _questions(result: AssessmentResult) -> dict[str, QuestionResult]:
    return {q.id: q for p in result.phases for q in p.questions}


def _score_over(phase: PhaseResult, ids: set[str]) -> float | None:
    live = [q for q in phase.questions if q.id in ids and q.status in _LIVE]
    weight = sum(q.weight for q in live)
    if not weight:
        return None
    return 100 * sum(q.weight * (q.score or 0.0) for q in live) / weight


def _sub(b: float | None, a: float | None) -> float | None:
    return None if a is None or b is None else b - a


def _phase_delta(pa: PhaseResult | None, pb: PhaseResult | None) -> PhaseDelta:
    ref = pb or pa
    assert ref is not None
    if pa is None or pb is None:
        return PhaseDelta(
            id=ref.id, title=ref.title, status="added" if pa is None else "retired",
            version_a=pa.version if pa else None, version_b=pb.version if pb else None,
            score_a=pa.score if pa else None, score_b=pb.score if pb else None,
            coverage_a=pa.coverage if pa else None, coverage_b=pb.coverage if pb else None,
            verdict_a=pa.verdict if pa else None, verdict_b=pb.verdict if pb else None,
            questions_added=tuple(q.id for q in pb.questions) if pb else (),
            questions_retired=tuple(q.id for q in pa.questions) if pa else ())
    ids_a = {q.id for q in pa.questions}
    ids_b = {q.id for q in pb.questions}
    common = ids_a & ids_b
    delta = _sub(pb.score, pa.score)
    like = _sub(_score_over(pb, common), _score_over(pa, common))
    effect = None if delta is None else delta - (like or 0.0)
    if effect is not None and abs(effect) < _EPS:
        effect = 0.0
    return PhaseDelta(
        id=ref.id, title=ref.title, status="both", version_a=pa.version, version_b=pb.version,
        score_a=pa.score, score_b=pb.score, coverage_a=pa.coverage, coverage_b=pb.coverage,
        verdict_a=pa.verdict, verdict_b=pb.verdict, delta=delta, like_for_like=like,
        checklist_effect=effect,
        questions_added=tuple(q.id for q in pb.questions if q.id not in ids_a),
        questions_retired=tuple(q.id for q in pa.questions if q.id not in ids_b))


def _changed(qa: QuestionResult, qb: QuestionResult) -> bool:
    if qa.status != qb.status:
        return True
    if qa.score is None or qb.score is None:
        return qa.score is not qb.score
    return abs(qa.score - qb.score) > _EPS


def _blockers(ra: AssessmentResult, rb: AssessmentResult, qa: dict[str, QuestionResult],
              qb: dict[str, QuestionResult]) -> tuple[
        tuple[BlockerRef, ...], tuple[BlockerRef, ...], tuple[BlockerRef, ...]]:
    in_a = {b.question_id for b in ra.blockers}
    in_b = {b.question_id for b in rb.blockers}
    closed = tuple(BlockerRef(question_id=b.question_id, phase=b.phase, text=b.text)
                   for b in ra.blockers if b.question_id not in in_b and b.question_id in qb)
    retired = tuple(BlockerRef(question_id=b.question_id, phase=b.phase, text=b.text)
                    for b in ra.blockers if b.question_id not in qb)
    opened = tuple(BlockerRef(question_id=b.question_id, phase=b.phase, text=b.text,
                              new_question=b.question_id not in qa)
                   for b in rb.blockers if b.question_id not in in_a)
    return closed, opened, retired


def _risks(ra: AssessmentResult, rb: AssessmentResult) -> tuple[
        tuple[RiskRef, ...], tuple[RiskRef, ...], tuple[RiskRef, ...]]:
    a = {r.id: r for r in ra.risks}
    b = {r.id: r for r in rb.risks}
    added = tuple(RiskRef(id=r.id, title=r.title, band=r.band, exposure=r.exposure)
                  for r in rb.risks if r.id not in a)
    retired = tuple(RiskRef(id=r.id, title=r.title, band=r.band, exposure=r.exposure)
                    for r in ra.risks if r.id not in b)
    changed = tuple(RiskRef(id=r.id, title=r.title, band=r.band, exposure=r.exposure,
                            exposure_before=a[r.id].exposure)
                    for r in rb.risks if r.id in a and a[r.id].exposure != r.exposure)
    return added, retired, changed


def _actions(ra: AssessmentResult, rb: AssessmentResult, qa: dict[str, QuestionResult],
             qb: dict[str, QuestionResult]) -> tuple[tuple[ActionRef, ...], tuple[ActionRef, ...]]:
    in_a = {x.question_id for x in ra.actions}
    in_b = {x.question_id for x in rb.actions}
    done = tuple(ActionRef(question_id=x.question_id, phase=x.phase, action=x.action,
                           score_b=qb[x.question_id].score)
                 for x in ra.actions
                 if x.question_id not in in_b and x.question_id in qb
                 and qb[x.question_id].status != "excluded")
    new = tuple(ActionRef(question_id=x.question_id, phase=x.phase, action=x.action,
                          score_b=qb[x.question_id].score if x.question_id in qb else None)
                for x in rb.actions if x.question_id not in in_a and x.question_id in qa)
    return done, new


def compare(a: Snapshot, b: Snapshot, info_a: SnapshotInfo, info_b: SnapshotInfo) -> Comparison:
    """Return what changed from snapshot ``a`` to snapshot ``b``."""
    ra, rb = a.result, b.result
    phases_a = {p.id: p for p in ra.phases}
    phases_b = {p.id: p for p in rb.phases}
    order = [p.id for p in rb.phases] + [p.id for p in ra.phases if p.id not in phases_b]
    deltas = tuple(_phase_delta(phases_a.get(pid), phases_b.get(pid)) for pid in order)
    qa, qb = _questions(ra), _questions(rb)
    added = tuple(QuestionRef(question_id=q.id, phase=q.phase, text=q.text, status=q.status)
                  for q in qb.values() if q.id not in qa)
    retired = tuple(QuestionRef(question_id=q.id, phase=q.phase, text=q.text, status=q.status)
                    for q in qa.values() if q.id not in qb)
    changed = tuple(QuestionChange(question_id=q.id, phase=q.phase, text=q.text,
                                   score_a=qa[q.id].score, score_b=q.score,
                                   status_a=qa[q.id].status, status_b=q.status)
                    for q in qb.values() if q.id in qa and _changed(qa[q.id], q))
    closed, opened, gone = _blockers(ra, rb, qa, qb)
    r_added, r_retired, r_changed = _risks(ra, rb)
    done, new = _actions(ra, rb, qa, qb)
    return Comparison(
        a=info_a, b=info_b, overall_delta=_sub(rb.overall.score, ra.overall.score),
        verdict_a=ra.overall.verdict, verdict_b=rb.overall.verdict, phases=deltas,
        questions_added=added, questions_retired=retired, questions_changed=changed,
        blockers_closed=closed, blockers_opened=opened, blockers_retired=gone,
        risks_added=r_added, risks_retired=r_retired, risks_changed=r_changed,
        actions_done=done, actions_new=new, **_standing(rb))


#: how many of B's risks and next actions the comparison's decision page carries
_TOP = 5


def _standing(rb: AssessmentResult) -> dict[str, tuple[object, ...]]:
    """Return where B stands: its blockers, top risks and next actions (with owners)."""
    path = rb.path_to_ready
    if path is not None and path.steps:
        nxt = tuple(ActionRef(question_id=s.question_id, phase=s.phase, action=s.action,
                              score_b=s.score, owner=s.owner) for s in path.steps[:_TOP])
    else:
        nxt = tuple(ActionRef(question_id=x.question_id, phase=x.phase, action=x.action,
                              owner=x.owner) for x in rb.actions[:_TOP])
    return {
        "open_blockers": tuple(BlockerRef(question_id=b.question_id, phase=b.phase, text=b.text)
                               for b in rb.blockers),
        "top_risks": tuple(RiskRef(id=r.id, title=r.title, band=r.band, exposure=r.exposure,
                                   owner=r.owner) for r in rb.risks[:_TOP]),
        "next_actions": nxt}


def trend(snapshots: Sequence[Snapshot], current: AssessmentResult | None = None,
          current_name: str = "now") -> Trend:
    """Return the phase scores over ``snapshots`` (oldest first), plus ``current`` if given."""
    points = [TrendPoint(name=s.name, taken_at=s.taken_at, overall=s.result.overall.score,
                         phases={p.id: p.score for p in s.result.phases}) for s in snapshots]
    titles = {p.id: p.title for s in snapshots for p in s.result.phases}
    if current is not None:
        points.append(TrendPoint(name=current_name, taken_at=current.meta.generated_at,
                                 overall=current.overall.score,
                                 phases={p.id: p.score for p in current.phases}))
        titles.update({p.id: p.title for p in current.phases})
    return Trend(points=tuple(points), phase_titles=titles)
