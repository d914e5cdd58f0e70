"""Data-quality drift: the data profile at go-live against the profile now, per dimension."""

from __future__ import annotations

from crm_readiness.models.data.result import DataProfileResult
from crm_readiness.models.review_adoption import DataDrift, DimensionDrift

#: a dimension moving by less than this (in share points) is "stable"
STABLE = 0.005


def _change(before: float | None, now: float | None) -> float | None:
    return None if before is None or now is None else now - before


def drift(before: DataProfileResult, now: DataProfileResult) -> DataDrift:
    """Return each dimension's value then and now, the change and whether it still passes."""
    then = {d.dimension: d for d in before.dimensions}
    rows = []
    for d in now.dimensions:
        old = then.get(d.dimension)
        value = old.value if old is not None else None
        change = _change(value, d.value)
        trend = ("unknown" if change is None else "stable" if abs(change) < STABLE
                 else "better" if change > 0 else "worse")
        rows.append(DimensionDrift(dimension=d.dimension, before=value, now=d.value,
                                   change=change, target=d.target, passed_now=d.passed,
                                   trend=trend))
    return DataDrift(
        before_as_of=before.as_of, now_as_of=now.as_of, rows_before=before.rows,
        rows_now=now.rows, readiness_before=before.readiness.value,
        readiness_now=now.readiness.value,
        readiness_change=_change(before.readiness.value, now.readiness.value),
        record_pass_rate_before=before.record_pass_rate,
        record_pass_rate_now=now.record_pass_rate, dimensions=rows,
        worse=[r.dimension for r in rows if r.trend == "worse"])
