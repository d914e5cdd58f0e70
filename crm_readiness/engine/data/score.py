"""The composite data-readiness score and the answers it gives the assessment."""

from __future__ import annotations

from collections.abc import Sequence

from crm_readiness.models.data.result import ColumnProfile, DimensionScore, ReadinessScore
from crm_readiness.models.data.rules import DataRules, Dimension

TARGET = 0.95
#: measures a checklist question can take from a profile besides the dimensions.
EXTRA_MEASURES = ("readiness", "key_completeness")


def dedup_key(rules: DataRules) -> str | None:
    """Return the dedup key column: the credit-code key if there is one, else the first key."""
    if rules.duplicates is None or not rules.duplicates.keys:
        return None
    keys = rules.duplicates.keys
    return next((k for k in keys if k in rules.columns and rules.columns[k].format == "cn_uscc"),
                keys[0])


def readiness(rules: DataRules, dims: list[DimensionScore],
              columns: Sequence[ColumnProfile] = ()) -> ReadinessScore:
    """Return the weighted mean of the assessed dimensions (not assessed ≠ zero: left out).

    Also the weakest assessed dimension (the verdict names it) and the dedup
    key's completeness (a measured question asks for it: a key only 64 % filled
    cannot find the duplicates it is meant to find).
    """
    used: list[Dimension] = [d.dimension for d in dims
                             if d.value is not None and rules.weights.get(d.dimension) > 0]
    total = sum(rules.weights.get(d) for d in used)
    value = (sum(rules.weights.get(d.dimension) * (d.value or 0.0) for d in dims
                 if d.dimension in used) / total) if total else None
    assessed = [d for d in dims if d.dimension in used and d.value is not None]
    weakest = min(assessed, key=lambda d: d.value or 0.0) if assessed else None
    key = dedup_key(rules)
    key_col = next((c for c in columns if c.name == key), None)
    return ReadinessScore(value=value, target=TARGET,
                          weights={d: rules.weights.get(d) / total for d in used} if total else {},
                          dimensions_used=tuple(used),
                          weakest=None if weakest is None else weakest.dimension,
                          weakest_value=None if weakest is None else weakest.value,
                          key_column=key if key_col is not None else None,
                          key_completeness=None if key_col is None else key_col.completeness)


def measure_value(dims: list[DimensionScore] | tuple[DimensionScore, ...],
                  score: ReadinessScore, measure: str) -> float | None:
    """Return a measure (a dimension, ``readiness`` or ``key_completeness``) in % to 0.1."""
    if measure == "readiness":
        value = score.value
    elif measure == "key_completeness":
        value = score.key_completeness
    else:
        value = next((d.value for d in dims if d.dimension == measure), None)
    return None if value is None else round(value * 100, 1)
