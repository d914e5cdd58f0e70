"""The composite data-readiness score and the answers it gives the assessment."""

from __future__ import annotations

from crm_readiness.models.data.result import DimensionScore, ReadinessScore
from crm_readiness.models.data.rules import DataRules, Dimension

TARGET = 0.95


def readiness(rules: DataRules, dims: list[DimensionScore]) -> ReadinessScore:
    """Return the weighted mean of the assessed dimensions (not assessed ≠ zero: left out)."""
    used: list[Dimension] = [d.dimension for d in dims
                             if d.value is not None and rules.weights.get(d.dimension) > 0]
    total = sum(rules.weights.get(d) for d in used)
    value = (sum(rules.weights.get(d.dimension) * (d.value or 0.0) for d in dims
                 if d.dimension in used) / total) if total else None
    return ReadinessScore(value=value, target=TARGET,
                          weights={d: rules.weights.get(d) / total for d in used} if total else {},
                          dimensions_used=tuple(used))


def measure_value(dims: list[DimensionScore] | tuple[DimensionScore, ...],
                  score: ReadinessScore, measure: str) -> float | None:
    """Return a measure (a dimension or ``readiness``) as a percentage rounded to 0.1."""
    value = (score.value if measure == "readiness"
             else next((d.value for d in dims if d.dimension == measure), None))
    return None if value is None else round(value * 100, 1)
