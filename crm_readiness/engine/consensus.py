"""Combining several respondents' scores for one question into one."""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from crm_readiness.models.answers import ConsensusRule, Respondent
from crm_readiness.models.checklist import Role


def combine(scores: Sequence[float], rule: ConsensusRule, *,
            roles: Sequence[Role | None] = (), people: Sequence[Respondent | None] = ()) -> float:
    """Return the combined score of ``scores`` by ``rule``.

    ``median`` (default) resists one outlier; ``mean`` is the plain average;
    ``weighted`` weighs each score by its role's weight (``role_weights``,
    default 1) times the respondent's own weight.
    """
    if not scores:
        raise ValueError("no scores to combine")
    if len(scores) == 1:
        return float(scores[0])
    if rule.rule == "median":
        return float(statistics.median(scores))
    if rule.rule == "mean":
        return float(statistics.fmean(scores))
    weights: list[float] = []
    for i in range(len(scores)):
        role = roles[i] if i < len(roles) else None
        person = people[i] if i < len(people) else None
        w = rule.role_weights.get(role, 1.0) if role else 1.0
        weights.append(w * (person.weight if person else 1.0))
    total = sum(weights)
    if total <= 0:
        return float(statistics.fmean(scores))
    return sum(s * w for s, w in zip(scores, weights, strict=True)) / total


def spread(scores: Sequence[float]) -> float | None:
    """Return max − min of ``scores`` (None with fewer than two)."""
    return (max(scores) - min(scores)) if len(scores) >= 2 else None
