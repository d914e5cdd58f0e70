"""Measured answers (from a data profile) set against what the answers file claims.

A measurement beats a claim: for scoring, a measured value replaces the
claimed answers of its question; the claim is kept beside it in the result
(``Measurement``) so the report can show measured against claimed. The
answers file itself is never changed.
"""

from __future__ import annotations

from collections.abc import Mapping

from crm_readiness.engine.scoring import score_value
from crm_readiness.models.answers import Answer, AnswersFile
from crm_readiness.models.assessment import Measurement
from crm_readiness.models.checklist import ChecklistSet


def apply_measurements(answers: AnswersFile, measured: Mapping[str, Answer],
                       checklists: ChecklistSet) -> tuple[AnswersFile, tuple[Measurement, ...]]:
    """Return the answers with measured values in place of claims, and the comparison."""
    updated = dict(answers.answers)
    rows: list[Measurement] = []
    for qid, answer in measured.items():
        found = checklists.question(qid)
        if found is None or answer.value is None:
            continue
        scale = checklists.scale_of(found[1])
        claimed = [a.value for a in answers.answers.get(qid, ()) if a.value is not None]
        claimed_scores = [score_value(scale, v) for v in claimed]
        rows.append(Measurement(
            question_id=qid, measured=float(answer.value), source=answer.source,
            measured_score=score_value(scale, answer.value),
            claimed=tuple(str(v) for v in claimed),
            claimed_score=max(claimed_scores) if claimed_scores else None))
        updated[qid] = (answer,)
    return answers.model_copy(update={"answers": updated}), tuple(rows)
